import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useAccountStatus } from "../../forms/account/account-defaults";
import { useT } from "../../i18n";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useCan } from "../../lib/use-can";
import { useUiStore } from "../../store/ui-store";
import { BackupCodes } from "./BackupCodes";
import { OwnerTwoFactorPolicy } from "./OwnerTwoFactorPolicy";
import { TwoFactorDisable } from "./TwoFactorDisable";
import { TwoFactorSetup } from "./TwoFactorSetup";

/** "Sécurité du compte": the person's two-factor, and the studio's rule for owners (security.manage). */
export function SecuritySection() {
  const t = useT();
  const trpc = useTRPC();
  const { status: account } = useAccountStatus();
  const connected = Boolean(account?.connected && !account.loginRequired);
  const status = useQuery(trpc.team.security.status.queryOptions(undefined, { enabled: connected, retry: false }));
  const managesSecurity = useCan("security.manage");
  const route = useUiStore((s) => s.route);
  const ref = useRef<HTMLElement>(null);
  // Backup codes just issued: shown here until the person says they saved them, whatever the status says by then.
  const [codes, setCodes] = useState<string[] | null>(null);
  // "#/settings/security" (the two-factor banner's link) lands here.
  useEffect(() => {
    if (route.tab === "security" && status.data) ref.current?.focus();
  }, [route, status.data]);
  if (!account) return null;
  // A query turned off at log-out keeps its last answer: show it only while connected.
  const s = connected ? status.data : undefined;
  return (
    <section ref={ref} tabIndex={-1} className="card card-pad security-section" aria-labelledby="security-title" data-testid="security-section">
      <h2 id="security-title">{t("security.title")}</h2>
      {!connected && <p className="muted" style={{ margin: 0 }}>{t("security.notConnected")}</p>}
      {connected && status.isError && <div className="banner error" role="alert">{t(`error.${appCodeOf(status.error)}`)}</div>}
      {s && (
        <>
          {s.totpSetupRequired && <div className="banner warn" role="status">{t("security.setupRequired")}</div>}
          <div className="kv">
            <span>{t("security.twoFactor")}</span>
            <span data-testid="two-factor-state">{s.totpEnabled ? t("security.on", { n: s.backupCodesLeft }) : t("security.off")}</span>
          </div>
          {codes ? <BackupCodes codes={codes} onDone={() => setCodes(null)} /> : s.totpEnabled ? <TwoFactorDisable /> : <TwoFactorSetup onEnabled={setCodes} />}
          {managesSecurity && !s.totpSetupRequired && <OwnerTwoFactorPolicy />}
        </>
      )}
    </section>
  );
}
