import { useUiStore } from "../store/ui-store";

export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  const dismiss = useUiStore((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`} role="status" onClick={() => dismiss(t.id)}>{t.text}</div>
      ))}
    </div>
  );
}
