import { useState } from "react";
import type { Column } from "../../components/DataTable";
import { BarChart } from "../../components/charts/BarChart";
import type { MessageKey } from "../../i18n";
import { bucketLabel } from "./buckets";
import type { ReportFormat } from "./format";
import { Kpi, KpiRow, ReportEmpty, ReportTable } from "./ReportBits";
import type { RevenueReport } from "./report-types";

const DIMENSIONS = ["room", "engineer", "client", "location", "type"] as const;
type Dimension = (typeof DIMENSIONS)[number];
type Row = RevenueReport["byRoom"][number];
type Point = RevenueReport["series"][number];

const FIELD: Record<Dimension, "byRoom" | "byEngineer" | "byClient" | "byLocation" | "byType"> = {
  room: "byRoom", engineer: "byEngineer", client: "byClient", location: "byLocation", type: "byType",
};

/** Revenue: headline totals with their change, bars by period, and a breakdown table. */
export function RevenueSection({ report, f, sideBySide }: { report: RevenueReport; f: ReportFormat; sideBySide: boolean }) {
  const { t } = f;
  const [dimension, setDimension] = useState<Dimension>("room");
  const money = report.money;
  // Without money, every figure and bar is hours: no amount, no order that would tell one.
  const valueOf = (p: Pick<Point, "hours" | "totalCents">) => (money ? (p.totalCents ?? 0) : p.hours);
  const format = (v: number) => (money ? f.money(Math.round(v)) : f.hours(v));
  const previous = report.previous?.series as Point[] | undefined;
  const points = (series: Point[], withPrevious: boolean) =>
    series.map((p, i) => ({
      key: p.key, label: bucketLabel(p, report.granularity, f.locale), value: valueOf(p),
      ...(withPrevious && previous?.[i] ? { previous: valueOf(previous[i]!) } : {}),
    }));
  const c = report.changes;
  if (report.totals.bookings === 0 && !(report.totals.totalCents ?? 0)) {
    return <ReportEmpty title={t("reports.empty.title")} body={t("reports.empty.revenue", { from: f.day(report.period.from), to: f.day(lastDay(report.period.to)) })} />;
  }
  const name = (r: Row) => {
    if (r.key === null) return t(dimension === "client" ? "reports.noClient" : "reports.noEngineer");
    if (dimension === "type") return t(`booking.type.${r.key}` as MessageKey);
    return r.label ?? r.key;
  };
  const columns: Column<Row>[] = [
    { key: "name", header: t(`reports.by.${dimension}`), render: (r) => <span className="cell-main">{name(r)}</span> },
    { key: "bookings", header: t("reports.col.bookings"), className: "num", render: (r) => f.count(r.bookings) },
    { key: "hours", header: t("reports.col.hours"), className: "num", render: (r) => f.hours(r.hours) },
    { key: "net", header: t("reports.col.net"), className: "num", hidden: !money, render: (r) => f.money(r.netCents) },
    { key: "vat", header: t("reports.col.vat"), className: "num", hidden: !money, render: (r) => f.money(r.vatCents) },
    { key: "fees", header: t("reports.col.fees"), className: "num", hidden: !money, render: (r) => f.money((r.cancellationFeesCents ?? 0) + (r.noShowFeesCents ?? 0)) },
    { key: "total", header: t("reports.col.total"), className: "num strong", hidden: !money, render: (r) => f.money(r.totalCents) },
  ];
  const totals = report.totals;
  return (
    <div className="report-stack">
      <KpiRow>
        {money && <Kpi testId="kpi-total" label={t("reports.kpi.total")} value={f.money(totals.totalCents)} change={c?.totalCents} f={f} fmt={f.money} />}
        {money && <Kpi label={t("reports.kpi.net")} value={f.money(totals.netCents)} change={c?.netCents} f={f} fmt={f.money} />}
        {money && <Kpi label={t("reports.kpi.fees")} value={f.money((totals.cancellationFeesCents ?? 0) + (totals.noShowFeesCents ?? 0))} f={f} />}
        <Kpi testId="kpi-hours" label={t("reports.kpi.hours")} value={f.hours(totals.hours)} change={c?.hours} f={f} fmt={f.hours} />
        <Kpi label={t("reports.kpi.bookings")} value={f.count(totals.bookings)} change={c?.bookings} f={f} fmt={f.count} />
      </KpiRow>
      {sideBySide && report.seriesByLocation.length > 1 ? (
        <div className="side-by-side">
          {report.seriesByLocation.map((l) => (
            <div className="card card-pad" key={l.key}>
              <BarChart title={`${l.label} — ${t(money ? "reports.chart.revenue" : "reports.chart.hours")}`} data={points(l.series, false)} format={format} />
            </div>
          ))}
        </div>
      ) : (
        <div className="card card-pad">
          <BarChart title={t(money ? "reports.chart.revenue" : "reports.chart.hours")} data={points(report.series, true)} format={format} previousLabel={t("reports.chart.previous")} currentLabel={t("reports.chart.current")} />
          {report.previous && <div className="subtle">{t("reports.previousLabel", { from: f.day(report.previous.period.from), to: f.day(lastDay(report.previous.period.to)) })}</div>}
        </div>
      )}
      <div className="card">
        <div className="toolbar">
          <span className="muted">{t("reports.by")}</span>
          <div className="segmented" role="group" aria-label={t("reports.by")}>
            {DIMENSIONS.map((d) => (
              <button key={d} type="button" aria-pressed={dimension === d} onClick={() => setDimension(d)}>{t(`reports.by.${d}`)}</button>
            ))}
          </div>
        </div>
        <ReportTable key={dimension} label={`${t("reports.tab.revenue")} — ${t(`reports.by.${dimension}`)}`} columns={columns} rows={report[FIELD[dimension]]} rowKey={(r, i) => `${r.key ?? "none"}-${i}`} long />
      </div>
    </div>
  );
}

/** The last day of [from, to), as people say the end of a period. */
export function lastDay(to: string): string {
  const d = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000);
  return d.toISOString().slice(0, 10);
}
