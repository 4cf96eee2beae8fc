import { useAccountStatus } from "../../forms/account/account-defaults";
import { LogInForm } from "../../forms/account/LogInForm";
import { useT } from "../../i18n";

/** The welcome page's third way in: log in, and this fresh computer downloads the studio. */
export function AccountLogIn({ onCancel }: { onCancel(): void }) {
  const t = useT();
  const { defaults } = useAccountStatus();
  return (
    <div className="card card-pad welcome-login">
      <h1>{t("welcome.account.title")}</h1>
      <p className="muted" style={{ margin: 0 }}>{t("welcome.account.body")}</p>
      {defaults && (
        <LogInForm defaults={defaults} label={t("welcome.account.title")}
          secondary={<button type="button" className="btn ghost" onClick={onCancel}>{t("common.back")}</button>} />
      )}
    </div>
  );
}
