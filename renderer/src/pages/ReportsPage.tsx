import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { REPORT_KINDS, type ReportKind } from "../../../shared/reports/report-input";
import { addDays } from "../../../shared/zoned-time";
import { useT } from "../i18n";
import { appCodeOf, useTRPC } from "../lib/trpc";
import { useUiStore } from "../store/ui-store";
import { AgingSection } from "./reports/AgingSection";
import { CancellationsSection } from "./reports/CancellationsSection";
import { DepositsSection } from "./reports/DepositsSection";
import { EngineersSection } from "./reports/EngineersSection";
import { ExportButtons } from "./reports/ExportButtons";
import { useReportFormat } from "./reports/format";
import { localToday, periodOf, type PeriodChoice } from "./reports/period";
import { ReportFilters } from "./reports/ReportFilters";
import { Loading } from "./reports/ReportBits";
import type { ReportQuery } from "./reports/report-types";
import { lastDay, RevenueSection } from "./reports/RevenueSection";
import { TopClientsSection } from "./reports/TopClientsSection";
import { UtilisationSection } from "./reports/UtilisationSection";
import "./reports/reports.css";

/**
 * Studio reports computed by the local core: a period (with the previous one beside it), the
 * locations (consolidated or side by side), one tab per report, each exportable as CSV, Excel or PDF.
 * Without the financial permissions the core sends no amounts, and the page shows hours only.
 */
export function ReportsPage() {
  const t = useT();
  const trpc = useTRPC();
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const tab: ReportKind = (REPORT_KINDS as readonly string[]).includes(route.tab ?? "") ? (route.tab as ReportKind) : "revenue";
  const today = localToday();
  const [choice, setChoice] = useState<PeriodChoice>({ preset: "month", from: `${today.slice(0, 7)}-01`, last: today, granularity: "day", compare: true });
  const [locationId, setLocationId] = useState("");
  const [sideBySide, setSideBySide] = useState(false);

  const scope = useQuery(trpc.reports.scope.queryOptions(undefined, { retry: false }));
  const period = periodOf(choice, today);
  const locationIds = locationId ? [locationId] : undefined;
  const query: ReportQuery | null = period ? { period, granularity: choice.granularity, compare: choice.compare, ...(locationIds ? { locationIds } : {}) } : null;
  const on = (kind: ReportKind) => ({ enabled: tab === kind && query !== null, retry: false, staleTime: 10_000 });
  // Disabled queries and the deposits export (a balance as of now) still need a well-formed period.
  const input = query ?? { period: { from: today, to: addDays(today, 1) } };
  const revenue = useQuery(trpc.reports.revenue.queryOptions(input, on("revenue")));
  const utilisation = useQuery(trpc.reports.utilisation.queryOptions(input, on("utilisation")));
  const cancellations = useQuery(trpc.reports.cancellations.queryOptions(input, on("cancellations")));
  const engineers = useQuery(trpc.reports.engineers.queryOptions(input, on("engineers")));
  const topClients = useQuery(trpc.reports.topClients.queryOptions({ ...input, limit: 10 }, on("topClients")));
  const deposits = useQuery(trpc.reports.deposits.queryOptions(locationIds ? { locationIds } : {}, { enabled: tab === "deposits", retry: false, staleTime: 10_000 }));
  const aging = useQuery(trpc.reports.aging.queryOptions(locationIds ? { locationIds } : {}, { enabled: tab === "aging", retry: false, staleTime: 10_000 }));
  const current = { revenue, utilisation, cancellations, engineers, topClients, deposits, aging }[tab];
  // Deposits and aging are balances as of today: no period.
  const periodless = tab === "deposits" || tab === "aging";

  const f = useReportFormat(scope.data?.currency ?? "EUR");
  const split = sideBySide && !locationId;

  const body = () => {
    if (!query && !periodless) return null;
    if (current.isError) return <div className="banner error" role="alert">{t(`error.${appCodeOf(current.error)}`)}</div>;
    if (tab === "revenue" && revenue.data) return <RevenueSection report={revenue.data} f={f} sideBySide={split} />;
    if (tab === "utilisation" && utilisation.data) return <UtilisationSection report={utilisation.data} f={f} sideBySide={split} />;
    if (tab === "cancellations" && cancellations.data) return <CancellationsSection report={cancellations.data} f={f} />;
    if (tab === "deposits" && deposits.data) return <DepositsSection report={deposits.data} f={f} />;
    if (tab === "aging" && aging.data) return <AgingSection report={aging.data} f={f} />;
    if (tab === "topClients" && topClients.data) return <TopClientsSection report={topClients.data} f={f} />;
    if (tab === "engineers" && engineers.data) return <EngineersSection report={engineers.data} f={f} />;
    return <Loading text={t("common.loading")} />;
  };

  return (
    <div className="reports-page" data-testid="reports">
      <div className="page-head">
        <div>
          <h1>{t("reports.title")}</h1>
          {period && !periodless && <div className="muted" data-testid="report-period">{t("reports.periodLabel", { from: f.day(period.from), to: f.day(lastDay(period.to)) })}</div>}
        </div>
        <div className="actions">
          <ExportButtons report={tab} query={periodless ? { period: input.period, ...(locationIds ? { locationIds } : {}) } : query} />
        </div>
      </div>
      {scope.isError && <div className="banner error" role="alert">{t(`error.${appCodeOf(scope.error)}`)}</div>}
      {scope.data && !scope.data.money && <div className="banner info">{t("reports.noMoney")}</div>}
      <ReportFilters t={t} choice={choice} onChoice={setChoice} locations={scope.data?.locations ?? []} locationId={locationId} onLocation={setLocationId}
        sideBySide={sideBySide} onSideBySide={setSideBySide} invalid={period === null} periodless={periodless} />
      <div className="tabs" role="tablist" aria-label={t("reports.title")}>
        {REPORT_KINDS.map((id) => (
          <button key={id} role="tab" className="tab" aria-selected={tab === id} onClick={() => navigate({ page: "reports", ...(id === "revenue" ? {} : { tab: id }) })}>
            {t(`reports.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={t(`reports.tab.${tab}`)}>{body()}</div>
    </div>
  );
}
