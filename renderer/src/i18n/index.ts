import type { Language } from "../../../shared/schemas/studio";
import { useUiStore } from "../store/ui-store";
import { en } from "./en";
import { fr, type MessageKey } from "./fr";

export type { MessageKey };
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { fr, en };
export const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * "{n} client|{n} clients": the form before "|" is used where the language's plural rules say
 * "one" for n (French: 0 and 1; English: 1 only), the other form elsewhere.
 */
function pluralForm(language: Language, template: string, n: unknown): string {
  const forms = template.split("|");
  if (forms.length !== 2 || typeof n !== "number") return template;
  return new Intl.PluralRules(LOCALES[language]).select(n) === "one" ? forms[0]! : forms[1]!;
}

export function translate(language: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = pluralForm(language, DICTIONARIES[language][key] ?? fr[key] ?? key, vars?.n);
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
