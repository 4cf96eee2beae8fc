import type { Column } from "../../components/DataTable";
import type { ReportFormat } from "./format";
import { Kpi, KpiRow, ReportTable } from "./ReportBits";
import type { CancellationsReport } from "./report-types";

type Row = CancellationsReport["rows"][number];

/** Cancellations and no-shows: counts, rate, fees kept, and each one. */
export function CancellationsSection({ report, f }: { report: CancellationsReport; f: ReportFormat }) {
  const { t } = f;
  const money = report.money;
  const c = report.changes;
  const totals = report.totals;
  const columns: Column<Row>[] = [
    { key: "date", header: t("reports.col.date"), className: "nowrap", render: (r) => `${f.day(r.date)} ${r.time}` },
    { key: "status", header: t("reports.col.status"), render: (r) => <span className={`badge ${r.status === "no_show" ? "warn" : ""}`}>{t(`reports.status.${r.status}`)}</span> },
    { key: "client", header: t("reports.col.client"), render: (r) => r.client ?? t("reports.noClient") },
    { key: "rooms", header: t("reports.col.rooms"), render: (r) => r.rooms.join(", ") },
    { key: "location", header: t("reports.col.location"), hidden: report.locations.length < 2, render: (r) => r.location ?? "" },
    { key: "hours", header: t("reports.col.hours"), className: "num", render: (r) => f.hours(r.hours) },
    { key: "total", header: t("reports.col.sessionTotal"), className: "num", hidden: !money, render: (r) => f.money(r.totalCents) },
    { key: "fee", header: t("reports.col.fee"), className: "num strong", hidden: !money, render: (r) => f.money(r.feeCents) },
  ];
  return (
    <div className="report-stack">
      <KpiRow>
        <Kpi label={t("reports.kpi.cancelled")} value={f.count(totals.cancelled)} change={c?.cancelled} f={f} fmt={f.count} />
        <Kpi label={t("reports.kpi.noShows")} value={f.count(totals.noShows)} change={c?.noShows} f={f} fmt={f.count} />
        <Kpi label={t("reports.kpi.rate")} value={f.pct(totals.rate)} change={c?.rate} f={f} fmt={f.pct} />
        <Kpi label={t("reports.kpi.lostHours")} value={f.hours(totals.lostHours)} f={f} />
        {money && <Kpi label={t("reports.kpi.feesKept")} value={f.money(totals.feesKeptCents)} change={c?.feesKeptCents} f={f} fmt={f.money} />}
        {money && <Kpi label={t("reports.kpi.lost")} value={f.money(totals.lostCents)} f={f} />}
      </KpiRow>
      <div className="card">
        <ReportTable label={t("reports.tab.cancellations")} columns={columns} rows={report.rows} rowKey={(r) => r.bookingId} long empty={t("reports.empty.cancellations")} />
      </div>
    </div>
  );
}
