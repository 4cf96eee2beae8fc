import type { Language } from "../../../shared/schemas/studio";
import { useUiStore } from "../store/ui-store";
import { en } from "./en";
import { fr, type MessageKey } from "./fr";

export type { MessageKey };
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { fr, en };
export const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(language: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = DICTIONARIES[language][key] ?? fr[key] ?? key;
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
}

/** Unknown keys (a message key from a newer core) fall back to the generic "invalid value". */
export function isMessageKey(key: string): key is MessageKey {
  return key in fr;
}

export function useT(): Translate {
  const language = useUiStore((s) => s.language);
  return (key, vars) => translate(language, key, vars);
}

export function useLocale(): string {
  return LOCALES[useUiStore((s) => s.language)];
}
