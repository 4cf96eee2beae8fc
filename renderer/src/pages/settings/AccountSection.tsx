import { useEffect, useRef, useState } from "react";
import type { AccountStatus } from "../../../../shared/schemas/account-link";
import { useAccountStatus, type AccountDefaults } from "../../forms/account/account-defaults";
import { LogInForm } from "../../forms/account/LogInForm";
import { SignUpForm } from "../../forms/account/SignUpForm";
import { useLocale, useT } from "../../i18n";
import { roleText } from "../../lib/account-role";
import { useUiStore } from "../../store/ui-store";
import { LogOutDialog } from "./LogOutDialog";

/** "Compte du studio": connect this computer (create the account, or log in), or see and end the link. */
export function AccountSection() {
  const t = useT();
  const { status, defaults } = useAccountStatus();
  const route = useUiStore((s) => s.route);
  const ref = useRef<HTMLElement>(null);
  const loaded = Boolean(status);
  // "#/settings/account" (the sync indicator's "log in again") lands here, focus included, each time it is followed.
  useEffect(() => {
    if (route.tab === "account" && loaded) ref.current?.focus();
  }, [route, loaded]);
  if (!status || !defaults) return null;
  return (
    <section ref={ref} tabIndex={-1} className="card card-pad account-section" id="account" aria-labelledby="account-title">
      <h2 id="account-title">{t("account.title")}</h2>
      {status.connected ? <Connected status={status} defaults={defaults} /> : <NotConnected status={status} defaults={defaults} />}
    </section>
  );
}

function NotConnected({ status, defaults }: { status: AccountStatus; defaults: AccountDefaults }) {
  const t = useT();
  return (
    <>
      {status.serverLogOutPending && <div className="banner warn" role="status">{t("account.logOutPending")}</div>}
      <p className="muted" style={{ margin: 0 }}>{t("account.intro")}</p>
      <div className="account-choices">
        <div className="fieldset">
          <h3>{t("account.signUp.title")}</h3>
          <p className="subtle" style={{ margin: 0 }}>{t("account.signUp.body")}</p>
          <SignUpForm defaults={defaults} label={t("account.signUp.title")} />
        </div>
        <div className="fieldset">
          <h3>{t("account.logIn.title")}</h3>
          <p className="subtle" style={{ margin: 0 }}>{t("account.logIn.body")}</p>
          <LogInForm defaults={defaults} label={t("account.logIn.title")} />
        </div>
      </div>
    </>
  );
}

function Connected({ status, defaults }: { status: AccountStatus; defaults: AccountDefaults }) {
  const t = useT();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const since = status.connectedAt ? new Date(status.connectedAt).toLocaleString(locale, { dateStyle: "long", timeStyle: "short" }) : t("common.none");
  return (
    <>
      <div className="kv" data-testid="account-details">
        <span>{t("account.server")}</span><span className="wrap-anywhere">{status.serverUrl}</span>
        <span>{t("common.email")}</span><span>{status.email}</span>
        <span>{t("account.role")}</span><span>{roleText(t, status.role)}</span>
        <span>{t("account.device")}</span><span className="subtle wrap-anywhere">{status.deviceId}</span>
        <span>{t("account.since")}</span><span>{since}</span>
      </div>
      {status.loginRequired && (
        <div className="fieldset">
          <h3>{t("account.relogin.title")}</h3>
          <div className="banner warn" role="status">{t("account.relogin.body")}</div>
          <LogInForm defaults={defaults} label={t("account.relogin.title")} />
        </div>
      )}
      <div>
        <button type="button" className="btn" onClick={() => setConfirming(true)}>{t("account.logOut")}</button>
      </div>
      {confirming && <LogOutDialog onClose={() => setConfirming(false)} />}
    </>
  );
}
