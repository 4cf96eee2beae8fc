import type { ReactNode } from "react";
import type { FieldErrors } from "../../../../shared/errors";
import { TextField } from "../../components/Fields";
import { useT } from "../../i18n";
import { useUiStore } from "../../store/ui-store";

interface Props {
  value: string;
  errors: FieldErrors;
  onChange(value: string): void;
}

/** The sync server's address; what is typed is remembered for the next account form. */
export function ServerUrlField({ value, errors, onChange }: Props) {
  const t = useT();
  const remember = useUiStore((s) => s.setServerUrl);
  return (
    <TextField label={t("account.serverUrl")} name="serverUrl" type="url" placeholder={t("account.serverUrlHint")} errors={errors} value={value}
      onChange={(x) => { onChange(x); remember(x); }} />
  );
}

/** What this computer is called in the studio's device list. */
export function DeviceNameField({ value, errors, onChange }: Props) {
  const t = useT();
  return <TextField label={t("account.deviceName")} name="deviceName" hint={t("account.deviceNameHint")} errors={errors} value={value} onChange={onChange} />;
}

interface FormProps {
  /** The form's accessible name (its heading is the caller's). */
  label: string;
  form: { banner: string | null; saving: boolean; submit(): Promise<void> };
  submitLabel: string;
  children: ReactNode;
  /** Shown beside the submit button (the welcome page's "Back"). */
  secondary?: ReactNode;
}

/** An account form's frame: the refusal banner, its fields, and the submit button ("Connecting…" meanwhile). */
export function AccountForm({ label, form, submitLabel, children, secondary }: FormProps) {
  const t = useT();
  return (
    <form className="account-form" noValidate aria-label={label} onSubmit={(e) => { e.preventDefault(); void form.submit(); }}>
      {form.banner && <div className="banner error" role="alert">{form.banner}</div>}
      {children}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={form.saving}>{form.saving ? t("account.working") : submitLabel}</button>
        {secondary}
      </div>
    </form>
  );
}
