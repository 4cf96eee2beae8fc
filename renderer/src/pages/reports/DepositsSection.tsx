import type { Column } from "../../components/DataTable";
import type { ReportFormat } from "./format";
import { Kpi, KpiRow, ReportTable } from "./ReportBits";
import type { DepositsReport } from "./report-types";

type Row = DepositsReport["rows"][number];

/** Deposits held on upcoming sessions, as of now: what was asked, paid and is still due. */
export function DepositsSection({ report, f }: { report: DepositsReport; f: ReportFormat }) {
  const { t } = f;
  const money = report.money;
  const totals = report.totals;
  const columns: Column<Row>[] = [
    { key: "date", header: t("reports.col.date"), className: "nowrap", render: (r) => f.day(r.date) },
    { key: "status", header: t("reports.col.status"), render: (r) => <span className="badge">{t(`reports.status.${r.status}`)}</span> },
    { key: "client", header: t("reports.col.client"), render: (r) => r.client ?? t("reports.noClient") },
    { key: "location", header: t("reports.col.location"), hidden: report.locations.length < 2, render: (r) => r.location ?? "" },
    { key: "deposit", header: t("reports.col.deposit"), className: "num", hidden: !money, render: (r) => f.money(r.depositCents) },
    { key: "held", header: t("reports.col.held"), className: "num strong", hidden: !money, render: (r) => f.money(r.heldCents) },
    { key: "due", header: t("reports.col.due"), className: "num", hidden: !money, render: (r) => ((r.dueCents ?? 0) > 0 ? <span className="due">{f.money(r.dueCents)}</span> : f.money(r.dueCents)) },
  ];
  return (
    <div className="report-stack">
      <div className="subtle">{t("reports.asOf", { date: f.day(report.asOf.slice(0, 10)) })}</div>
      <KpiRow>
        <Kpi label={t("reports.kpi.upcoming")} value={f.count(totals.bookings)} f={f} />
        {money && <Kpi testId="kpi-held" label={t("reports.kpi.held")} value={f.money(totals.heldCents)} f={f} />}
        {money && <Kpi label={t("reports.kpi.deposits")} value={f.money(totals.depositCents)} f={f} />}
        {money && <Kpi label={t("reports.kpi.due")} value={f.money(totals.dueCents)} f={f} />}
        <Kpi label={t("reports.kpi.short")} value={f.count(totals.short)} f={f} />
      </KpiRow>
      <div className="card">
        <ReportTable label={t("reports.tab.deposits")} columns={columns} rows={report.rows} rowKey={(r) => r.id} long empty={t("reports.empty.deposits")} />
      </div>
    </div>
  );
}
