import { AGING_BUCKETS } from "../../../../shared/reports/aging";
import type { Column } from "../../components/DataTable";
import { HBars } from "../../components/charts/HBars";
import type { ReportFormat } from "./format";
import { Kpi, KpiRow, ReportEmpty, ReportTable } from "./ReportBits";
import type { AgingReport } from "./report-types";

type Row = AgingReport["rows"][number];

/**
 * Unpaid invoices by age on a date: one bar per bucket (0–30, 31–60, 61–90, 90+ days past due)
 * with its amount beside it, and the invoices, latest overdue first. Without money: counts only.
 */
export function AgingSection({ report, f }: { report: AgingReport; f: ReportFormat }) {
  const { t } = f;
  const money = report.money;
  const bars = AGING_BUCKETS.map((b) => {
    const bucket = report.buckets[b];
    const count = t("reports.aging.invoices", { n: f.count(bucket.invoices) });
    return {
      key: b, label: t(`reports.aging.bucket.${b}`), value: money ? (bucket.outstandingCents ?? 0) : bucket.invoices,
      text: money ? `${f.money(bucket.outstandingCents)} · ${count}` : count,
    };
  });
  const columns: Column<Row>[] = [
    { key: "number", header: t("reports.col.invoice"), className: "nowrap", render: (r) => r.displayNumber ?? "—" },
    { key: "client", header: t("reports.col.client"), render: (r) => r.client ?? t("reports.noClient") },
    { key: "issuedOn", header: t("reports.col.issuedOn"), className: "nowrap", render: (r) => f.day(r.issuedOn) },
    { key: "dueOn", header: t("reports.col.dueOn"), className: "nowrap", render: (r) => (r.dueOn ? f.day(r.dueOn) : "—") },
    { key: "days", header: t("reports.col.daysOverdue"), className: "num", render: (r) => f.count(r.daysOverdue) },
    { key: "bucket", header: t("reports.col.bucket"), render: (r) => <span className="badge">{t(`reports.aging.bucket.${r.bucket}`)}</span> },
    { key: "due", header: t("reports.col.due"), className: "num strong", hidden: !money, render: (r) => f.money(r.dueCents) },
  ];
  return (
    <div className="report-stack" data-testid="aging">
      <div className="subtle">{t("reports.aging.asOf", { date: f.day(report.asOf) })}</div>
      <KpiRow>
        <Kpi testId="kpi-unpaid" label={t("reports.kpi.unpaidInvoices")} value={f.count(report.totals.invoices)} f={f} />
        {money && <Kpi testId="kpi-outstanding" label={t("reports.kpi.outstanding")} value={f.money(report.totals.outstandingCents)} f={f} />}
      </KpiRow>
      <div className="card card-pad">
        <HBars data={bars} title={t("reports.aging.chart")} />
      </div>
      <div className="card">
        {report.rows.length === 0
          ? <ReportEmpty title={t("reports.empty.agingTitle")} body={t("reports.empty.aging")} />
          : <ReportTable label={t("reports.tab.aging")} columns={columns} rows={report.rows} rowKey={(r) => r.id} long />}
      </div>
    </div>
  );
}
