import { useEffect, useState } from "react";
import { useUiStore } from "../store/ui-store";

/**
 * Which record a list page is editing: none, a new one, or an existing one by id. Opening from
 * the command palette (route.open) or the "n" shortcut lands here too.
 */
export function useEditor(tab?: string, canCreate = true) {
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const [editing, setEditing] = useState<"new" | string | null>(null);

  useEffect(() => {
    if (route.open && (tab === undefined || route.tab === tab || (!route.tab && tab === undefined))) setEditing(route.open);
  }, [route.open, route.tab, tab]);

  // "n" opens a new record only for someone allowed to create one (the button is hidden otherwise).
  useEffect(() => {
    if (!canCreate) return;
    const onNew = () => setEditing("new");
    window.addEventListener("studio:new", onNew);
    return () => window.removeEventListener("studio:new", onNew);
  }, [canCreate]);

  const close = () => {
    setEditing(null);
    if (route.open) navigate({ page: route.page, ...(route.tab ? { tab: route.tab } : {}) });
  };
  return { editing, open: setEditing, close };
}
