import type { ReactNode } from "react";
import { EmptyState } from "../../components/EmptyState";
import { useAccountStatus } from "../../forms/account/account-defaults";
import { useT } from "../../i18n";
import { useUiStore } from "../../store/ui-store";

/** People, delegations and the audit log live on the studio account's server: without an account, say where to connect. */
export function TeamGate({ children }: { children: ReactNode }) {
  const t = useT();
  const navigate = useUiStore((s) => s.navigate);
  const { status } = useAccountStatus();
  if (!status) return null;
  if (!status.connected) {
    return (
      <div className="card">
        <EmptyState icon="shield" title={t("error.NOT_CONNECTED")} body={t("team.offline")}
          action={<button className="btn primary" onClick={() => navigate({ page: "settings", tab: "account" })}>{t("nav.settings")}</button>} />
      </div>
    );
  }
  return <>{children}</>;
}
