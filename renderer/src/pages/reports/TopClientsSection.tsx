import type { Column } from "../../components/DataTable";
import { HBars } from "../../components/charts/HBars";
import type { ReportFormat } from "./format";
import { Kpi, KpiRow, ReportEmpty, ReportTable } from "./ReportBits";
import type { TopClientsReport } from "./report-types";

type Row = TopClientsReport["rows"][number];

/** The clients who brought the most (by amount, or by hours without money). */
export function TopClientsSection({ report, f }: { report: TopClientsReport; f: ReportFormat }) {
  const { t } = f;
  const money = report.money;
  if (report.rows.length === 0) return <ReportEmpty title={t("reports.empty.title")} body={t("reports.empty.topClients")} />;
  const columns: Column<Row>[] = [
    { key: "name", header: t("reports.col.client"), render: (r) => <span className="cell-main">{r.label}</span> },
    { key: "bookings", header: t("reports.col.bookings"), className: "num", render: (r) => f.count(r.bookings) },
    { key: "hours", header: t("reports.col.hours"), className: "num", render: (r) => f.hours(r.hours) },
    { key: "total", header: t("reports.col.total"), className: "num strong", hidden: !money, render: (r) => f.money(r.totalCents) },
    { key: "share", header: t("reports.col.share"), className: "num", render: (r) => f.pct(r.share) },
  ];
  const c = report.changes;
  return (
    <div className="report-stack">
      <KpiRow>
        <Kpi label={t("reports.kpi.clients")} value={f.count(report.totals.clients)} change={c?.clients} f={f} fmt={f.count} />
        {money && <Kpi label={t("reports.kpi.total")} value={f.money(report.totals.totalCents)} change={c?.totalCents} f={f} fmt={f.money} />}
        <Kpi label={t("reports.kpi.hours")} value={f.hours(report.totals.hours)} change={c?.hours} f={f} fmt={f.hours} />
      </KpiRow>
      <div className="report-stack">
        <div className="card card-pad">
          <HBars title={t("reports.tab.topClients")}
            data={report.rows.map((r) => ({ key: r.key, label: r.label, value: money ? (r.totalCents ?? 0) : r.hours, text: `${money ? f.money(r.totalCents) : f.hours(r.hours)} · ${f.pct(r.share)}` }))} />
        </div>
        <div className="card">
          <ReportTable label={t("reports.tab.topClients")} columns={columns} rows={report.rows} rowKey={(r) => r.key} />
        </div>
      </div>
    </div>
  );
}
