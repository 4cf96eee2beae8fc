import { useMutation } from "@tanstack/react-query";
import type { Language, Theme } from "../../../shared/schemas/studio";
import { useUiStore } from "../store/ui-store";
import { useTRPC } from "./trpc";

/** Language and theme change at once on screen, and are kept by the core for this computer. */
export function usePrefs() {
  const trpc = useTRPC();
  const save = useMutation(trpc.studio.setPrefs.mutationOptions());
  const { language, theme, setLanguage, setTheme } = useUiStore();
  return {
    language,
    theme,
    changeLanguage(next: Language) {
      setLanguage(next);
      save.mutate({ language: next });
    },
    changeTheme(next: Theme) {
      setTheme(next);
      save.mutate({ theme: next });
    },
  };
}
