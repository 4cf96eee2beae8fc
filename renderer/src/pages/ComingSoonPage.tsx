import { Icon, type IconName } from "../components/Icon";
import { useT, type MessageKey } from "../i18n";
import type { PageId } from "../lib/route";
import { useUiStore } from "../store/ui-store";

const DETAIL: Partial<Record<PageId, { body: MessageKey; icon: IconName }>> = {
  contracts: { body: "soon.contracts", icon: "contract" },
  invoices: { body: "soon.invoices", icon: "invoice" },
  reports: { body: "soon.reports", icon: "chart" },
};

/** Pages of later issues say plainly that they are not built yet: no fake data. */
export function ComingSoonPage({ page }: { page: PageId }) {
  const t = useT();
  const navigate = useUiStore((s) => s.navigate);
  const detail = DETAIL[page] ?? { body: "soon.body" as MessageKey, icon: "sparkles" as IconName };
  return (
    <div className="soon" data-testid="coming-soon">
      <div className="empty-icon"><Icon name={detail.icon} size={26} /></div>
      <h1>{t("soon.title", { page: t(`nav.${page}` as MessageKey) })}</h1>
      <p>{t(detail.body)}</p>
      <p className="subtle">{t("soon.body")}</p>
      <div className="subtle" style={{ marginTop: 8 }}>{t("soon.cta")}</div>
      <div className="links">
        <button className="btn" onClick={() => navigate({ page: "rooms" })}>{t("nav.rooms")}</button>
        <button className="btn" onClick={() => navigate({ page: "staff" })}>{t("nav.staff")}</button>
        <button className="btn" onClick={() => navigate({ page: "clients" })}>{t("nav.clients")}</button>
      </div>
    </div>
  );
}
