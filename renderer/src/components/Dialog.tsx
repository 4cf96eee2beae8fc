import { useEffect, useRef, type ReactNode } from "react";

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer: ReactNode;
  /** "danger": the confirmation cannot be undone (cancel a booking). */
  tone?: "danger";
}

/** A centred confirmation over the page or a drawer; Escape closes it, focus starts on its first control. */
export function Dialog({ title, onClose, children, footer, tone }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("input, select, textarea, button:not([disabled])")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      // The drawer under it listens too: only the dialog closes.
      e.stopImmediatePropagation();
      close.current();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
  return (
    <>
      <div className="overlay dialog-overlay" onClick={onClose} />
      <div ref={ref} className={`dialog${tone ? ` ${tone}` : ""}`} role="dialog" aria-modal="true" aria-label={title}>
        <h2>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-foot">{footer}</div>
      </div>
    </>
  );
}
