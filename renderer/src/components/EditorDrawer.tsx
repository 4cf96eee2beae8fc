import type { ReactNode } from "react";
import { useT } from "../i18n";
import { Drawer } from "./Drawer";

interface Props {
  title: string;
  subtitle?: string;
  banner: string | null;
  saving: boolean;
  onSubmit(): void;
  onClose(): void;
  /** Present when editing an existing record. */
  archived?: boolean;
  onArchive?(): void;
  onRestore?(): void;
  /** The person may look but not change (their role lacks the permission): fields disabled, no Save. */
  readOnly?: boolean;
  children: ReactNode;
}

/** The create/edit panel every list uses: Save, Cancel, and Archive or Restore for existing records. */
export function EditorDrawer({ title, subtitle, banner, saving, onSubmit, onClose, archived, onArchive, onRestore, readOnly, children }: Props) {
  const t = useT();
  return (
    <Drawer
      title={title}
      subtitle={subtitle}
      onClose={onClose}
      onSubmit={readOnly ? () => undefined : onSubmit}
      footer={readOnly ? (
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.close")}</button>
        </>
      ) : (
        <>
          {archived && onRestore && <button type="button" className="btn" onClick={onRestore}>{t("common.restore")}</button>}
          {!archived && onArchive && <button type="button" className="btn danger" onClick={onArchive}>{t("common.archive")}</button>}
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="submit" className="btn primary" disabled={saving}>{saving ? t("common.saving") : t("common.save")}</button>
        </>
      )}
    >
      {banner && <div className="banner error" role="alert">{banner}</div>}
      {readOnly ? <fieldset className="plain-fieldset" disabled>{children}</fieldset> : children}
    </Drawer>
  );
}
