import type { Column } from "../../components/DataTable";
import { HBars } from "../../components/charts/HBars";
import type { ReportFormat } from "./format";
import { Kpi, KpiRow, ReportEmpty, ReportTable } from "./ReportBits";
import type { EngineersReport } from "./report-types";

type Row = EngineersReport["rows"][number];

/** Each engineer's hours on sessions, and how many of them were billed to the client. */
export function EngineersSection({ report, f }: { report: EngineersReport; f: ReportFormat }) {
  const { t } = f;
  const money = report.money;
  if (report.rows.length === 0) return <ReportEmpty title={t("reports.empty.title")} body={t("reports.empty.engineers")} />;
  const totals = report.totals;
  const c = report.changes;
  const columns: Column<Row>[] = [
    { key: "name", header: t("reports.by.engineer"), render: (r) => <span className="cell-main">{r.label}</span> },
    { key: "sessions", header: t("reports.col.sessions"), className: "num", render: (r) => f.count(r.sessions) },
    { key: "hours", header: t("reports.col.hours"), className: "num", render: (r) => f.hours(r.hours) },
    { key: "billable", header: t("reports.col.billable"), className: "num", render: (r) => f.hours(r.billableHours) },
    { key: "share", header: t("reports.kpi.billableShare"), className: "num strong", render: (r) => f.pct(r.billableShare) },
    { key: "billed", header: t("reports.col.billed"), className: "num", hidden: !money, render: (r) => f.money(r.billedNetCents) },
  ];
  return (
    <div className="report-stack">
      <KpiRow>
        <Kpi label={t("reports.kpi.hours")} value={f.hours(totals.hours)} change={c?.hours} f={f} fmt={f.hours} />
        <Kpi label={t("reports.kpi.billableHours")} value={f.hours(totals.billableHours)} change={c?.billableHours} f={f} fmt={f.hours} />
        <Kpi label={t("reports.kpi.billableShare")} value={f.pct(totals.hours > 0 ? totals.billableHours / totals.hours : null)} f={f} />
        <Kpi label={t("reports.kpi.sessions")} value={f.count(totals.sessions)} change={c?.sessions} f={f} fmt={f.count} />
        {money && <Kpi label={t("reports.kpi.billed")} value={f.money(totals.billedNetCents)} change={c?.billedNetCents} f={f} fmt={f.money} />}
      </KpiRow>
      <div className="report-stack">
        <div className="card card-pad">
          <HBars title={t("reports.hoursVsBillable")}
            data={report.rows.map((r) => ({ key: r.key, label: r.label ?? r.key, value: r.hours, part: r.billableHours, text: `${f.hours(r.billableHours)} / ${f.hours(r.hours)}` }))} />
          <div className="chart-legend" aria-hidden="true">
            <span><i className="key bar-soft" />{t("reports.legend.hours")}</span>
            <span><i className="key bar" />{t("reports.legend.billable")}</span>
          </div>
        </div>
        <div className="card">
          <ReportTable label={t("reports.tab.engineers")} columns={columns} rows={report.rows} rowKey={(r) => r.key} />
        </div>
      </div>
    </div>
  );
}
