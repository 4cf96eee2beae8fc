import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "../i18n";
import { useUiStore } from "../store/ui-store";
import { appCodeOf } from "./trpc";

/**
 * One button's call to the core outside a form (revoke, remove, a ticked rule): on success every
 * list refreshes and a toast says what happened; a refusal stays on screen in words.
 */
export function useAction() {
  const t = useT();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, doneText: string): Promise<boolean> => {
    setError(null);
    try {
      await action();
      await queryClient.invalidateQueries();
      toast(doneText);
      return true;
    } catch (e) {
      setError(t(`error.${appCodeOf(e)}`));
      return false;
    }
  };
  return { run, error, setError };
}
