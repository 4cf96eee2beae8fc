import { useState } from "react";
import { useAccountStatus } from "../../forms/account/account-defaults";
import { JoinForm } from "../../forms/account/JoinForm";
import { LogInForm } from "../../forms/account/LogInForm";
import { useT } from "../../i18n";

/** The welcome page's third way in: log in (or join with an invitation), and this fresh computer downloads the studio. */
export function AccountLogIn({ onCancel }: { onCancel(): void }) {
  const t = useT();
  const { defaults } = useAccountStatus();
  const [joining, setJoining] = useState(false);
  const back = <button type="button" className="btn ghost" onClick={onCancel}>{t("common.back")}</button>;
  const title = joining ? t("join.title") : t("welcome.account.title");
  return (
    <div className="card card-pad welcome-login">
      <h1>{title}</h1>
      <p className="muted" style={{ margin: 0 }}>{joining ? t("join.body") : t("welcome.account.body")}</p>
      <button type="button" className="btn ghost" style={{ alignSelf: "flex-start" }} aria-pressed={joining} onClick={() => setJoining(!joining)}>
        {joining ? t("welcome.account.title") : t("join.switch")}
      </button>
      {defaults && (joining
        ? <JoinForm defaults={defaults} label={title} secondary={back} />
        : <LogInForm defaults={defaults} label={title} secondary={back} />)}
    </div>
  );
}
