import { useEffect, useRef, type ReactNode } from "react";
import { useT } from "../i18n";
import { Icon } from "./Icon";

interface Props {
  title: string;
  subtitle?: string;
  onClose(): void;
  children: ReactNode;
  footer: ReactNode;
  onSubmit(): void;
}

/** A side panel holding one form; Escape closes it, Ctrl/Cmd+Enter submits, focus stays inside. */
export function Drawer({ title, subtitle, onClose, children, footer, onSubmit }: Props) {
  const t = useT();
  const ref = useRef<HTMLFormElement>(null);
  // Read through a ref: a parent re-rendering with a new onClose must not move the focus back to the first field.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>("input, select, textarea");
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close.current();
      if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) ref.current?.requestSubmit();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <div className="overlay" onClick={onClose} />
      <form
        ref={ref}
        className="drawer"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <div className="drawer-head">
          <div>
            <h2>{title}</h2>
            {subtitle && <div className="subtle">{subtitle}</div>}
          </div>
          <button type="button" className="icon-btn" style={{ marginLeft: "auto" }} onClick={onClose} aria-label={t("common.close")}>
            <Icon name="x" />
          </button>
        </div>
        <div className="drawer-body">{children}</div>
        <div className="drawer-foot">{footer}</div>
      </form>
    </>
  );
}
