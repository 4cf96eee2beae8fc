import type { Column } from "../../components/DataTable";
import { BarChart } from "../../components/charts/BarChart";
import { HBars } from "../../components/charts/HBars";
import { Heatmap } from "../../components/charts/Heatmap";
import { WEEKDAYS } from "../../../../shared/schemas/opening-hours";
import { bucketLabel } from "./buckets";
import type { ReportFormat } from "./format";
import { Kpi, KpiRow, ReportEmpty, ReportTable } from "./ReportBits";
import type { UtilisationReport } from "./report-types";

type RoomRow = UtilisationReport["byRoom"][number];

/** Utilisation: booked ÷ open hours per room and per period, and the weekday × hour heatmap. */
export function UtilisationSection({ report, f, sideBySide }: { report: UtilisationReport; f: ReportFormat; sideBySide: boolean }) {
  const { t } = f;
  if (report.totals.openHours === 0 && report.totals.bookedHours === 0) return <ReportEmpty title={t("reports.empty.title")} body={t("reports.empty.utilisation")} />;
  const c = report.changes;
  const many = report.locations.length > 1;
  const locationName = new Map(report.locations.map((l) => [l.id, l.name]));
  const roomName = (r: RoomRow): string => (many ? `${r.label ?? r.key} · ${locationName.get(r.locationId) ?? ""}` : (r.label ?? r.key));
  const rooms = [...report.byRoom].sort((a, b) => (b.utilisation ?? -1) - (a.utilisation ?? -1));
  const pctSeries = (series: UtilisationReport["series"]) =>
    series.map((p) => ({ key: p.key, label: bucketLabel(p, report.granularity, f.locale), value: p.utilisation ?? 0 }));
  const columns: Column<RoomRow>[] = [
    { key: "name", header: t("reports.by.room"), render: (r) => <span className="cell-main">{roomName(r)}</span> },
    { key: "open", header: t("reports.col.openHours"), className: "num", render: (r) => f.hours(r.openHours) },
    { key: "booked", header: t("reports.col.bookedHours"), className: "num", render: (r) => f.hours(r.bookedHours) },
    { key: "outside", header: t("reports.kpi.outsideHours"), className: "num", render: (r) => f.hours(r.outsideHours) },
    { key: "rate", header: t("reports.col.utilisation"), className: "num strong", render: (r) => f.pct(r.utilisation) },
  ];
  const days = WEEKDAYS.map((d) => t(`day.${d}`));
  return (
    <div className="report-stack">
      <KpiRow>
        <Kpi testId="kpi-utilisation" label={t("reports.kpi.utilisation")} value={f.pct(report.totals.utilisation)} change={c?.utilisation} f={f} fmt={f.pct} />
        <Kpi label={t("reports.kpi.bookedHours")} value={f.hours(report.totals.bookedHours)} change={c?.bookedHours} f={f} fmt={f.hours} />
        <Kpi label={t("reports.kpi.openHours")} value={f.hours(report.totals.openHours)} f={f} />
        <Kpi label={t("reports.kpi.outsideHours")} value={f.hours(report.totals.outsideHours)} f={f} />
      </KpiRow>
      <div className="report-grid">
        <div className="card card-pad">
          <HBars title={t("reports.chart.rooms")} max={1} data={rooms.map((r) => ({ key: r.key, label: roomName(r), value: r.utilisation ?? 0, text: f.pct(r.utilisation) }))} />
        </div>
        {sideBySide && many ? (
          report.byLocation.map((l) => (
            <div className="card card-pad" key={l.key}>
              <BarChart title={`${l.label} — ${t("reports.chart.utilisationSeries")} (${f.pct(l.utilisation)})`} data={pctSeries(l.series)} format={(v) => f.pct(v)} height={180} />
            </div>
          ))
        ) : (
          <div className="card card-pad">
            <BarChart title={t("reports.chart.utilisationSeries")} data={pctSeries(report.series)} format={(v) => f.pct(v)} height={180} />
          </div>
        )}
      </div>
      <div className="card card-pad">
        <Heatmap
          title={t("reports.chart.heatmap")}
          rowLabels={days}
          cells={report.heatmap.map((cell) => ({ row: WEEKDAYS.indexOf(cell.weekday), column: cell.hour, value: cell.utilisation }))}
          format={(v) => f.pct(v)}
          describe={(row, hour, value) => t("reports.chart.cell", { day: days[row]!, hour, value: value === null ? t("reports.chart.closed") : f.pct(value) })}
        />
        <div className="subtle">{t("reports.chart.heatmapHint")}</div>
      </div>
      <div className="card">
        <ReportTable label={t("reports.chart.rooms")} columns={columns} rows={rooms} rowKey={(r) => r.key} />
      </div>
    </div>
  );
}
