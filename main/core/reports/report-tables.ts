import type { ReportKind } from "../../../shared/reports/report-input";
import { WEEKDAYS } from "../../../shared/schemas/opening-hours";
import { addDays } from "../../../shared/zoned-time";
import { labels, reportTitleKey, type ExportLocale, type LabelKey } from "./report-labels";

/** How a column's values are written: money is integer cents, percent a fraction, date a local "YYYY-MM-DD". */
export type ColumnKind = "text" | "int" | "hours" | "money" | "percent" | "date";
export type Cell = string | number | null;

export interface ReportTable {
  title: string;
  columns: { label: string; kind: ColumnKind }[];
  rows: Cell[][];
}

/** A report laid out as tables, ready for any export format. */
export interface ReportDocument {
  kind: ReportKind;
  title: string;
  /** "Période : 23/03/2026 – 29/03/2026", or the as-of date of deposits. */
  subtitle: string;
  currency: string;
  tables: ReportTable[];
}

type Row = Record<string, unknown>;
type Spec = [LabelKey, ColumnKind, string | ((r: Row) => Cell)];

/** The shape every report result shares (the service's results, money fields possibly absent). */
export interface AnyReport {
  money: boolean;
  currency: string;
  period?: { from: string; to: string };
  asOf?: string;
  totals: object;
  [table: string]: unknown;
}

const REVENUE: Spec[] = [
  ["col.bookings", "int", "bookings"], ["col.hours", "hours", "hours"], ["col.net", "money", "netCents"], ["col.vat", "money", "vatCents"],
  ["col.gross", "money", "grossCents"], ["col.cancellationFees", "money", "cancellationFeesCents"], ["col.noShowFees", "money", "noShowFeesCents"],
  ["col.total", "money", "totalCents"],
];
const UTILISATION: Spec[] = [
  ["col.openHours", "hours", "openHours"], ["col.bookedHours", "hours", "bookedHours"], ["col.outsideHours", "hours", "outsideHours"], ["col.utilisation", "percent", "utilisation"],
];
const SERIES: Spec[] = [["col.from", "date", "from"], ["col.to", "date", (r) => addDays(String(r["to"]), -1)]];

export function reportDocument(kind: ReportKind, report: AnyReport, locale: ExportLocale): ReportDocument {
  const t = labels(locale);
  const make = (title: LabelKey, specs: Spec[], items: unknown): ReportTable => {
    const kept = specs.filter(([, k]) => k !== "money" || report.money);
    return {
      title: t(title),
      columns: kept.map(([label, k]) => ({ label: t(label), kind: k })),
      rows: (items as Row[]).map((r) => kept.map(([, , get]) => (typeof get === "function" ? get(r) : ((r[get] as Cell | undefined) ?? null)))),
    };
  };
  const name = (none: LabelKey, prefix?: "type"): Spec => [
    "col.name", "text", (r) => (r["label"] == null && r["key"] == null ? t(none) : prefix ? t(`${prefix}.${String(r["key"])}` as LabelKey) : String(r["label"] ?? r["key"])),
  ];
  const totalsRow = [{ label: t("table.totals"), ...report.totals }];
  const named: Spec = name("none");
  const tables: ReportTable[] = [];
  switch (kind) {
    case "revenue":
      tables.push(
        make("table.totals", [named, ...REVENUE], totalsRow), make("table.series", [...SERIES, ...REVENUE], report["series"]),
        make("table.byLocation", [named, ...REVENUE], report["byLocation"]), make("table.byRoom", [named, ...REVENUE], report["byRoom"]),
        make("table.byEngineer", [name("noEngineer"), ...REVENUE], report["byEngineer"]), make("table.byClient", [name("noClient"), ...REVENUE], report["byClient"]),
        make("table.byType", [name("none", "type"), ...REVENUE], report["byType"]),
      );
      break;
    case "utilisation": {
      const heat = report["heatmap"] as { weekday: string; hour: number; utilisation: number | null }[];
      const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, cells: WEEKDAYS.map((d) => heat.find((c) => c.weekday === d && c.hour === hour)?.utilisation ?? null) }));
      tables.push(
        make("table.totals", [named, ...UTILISATION], totalsRow),
        make("table.byLocation", [named, ["col.rooms", "int", "rooms"], ["col.clockHours", "hours", "clockHours"], ...UTILISATION], report["byLocation"]),
        make("table.byRoom", [named, ...UTILISATION], report["byRoom"]), make("table.series", [...SERIES, ...UTILISATION], report["series"]),
        make("table.heatmap", [["col.hour", "text", (r) => `${String(r["hour"]).padStart(2, "0")}:00`], ...WEEKDAYS.map((d, i): Spec => [`day.${d}`, "percent", (r) => (r["cells"] as Cell[])[i]!])], hours),
      );
      break;
    }
    case "cancellations":
      tables.push(
        make("table.totals", [
          ["col.bookings", "int", "bookings"], ["col.cancelled", "int", "cancelled"], ["col.noShows", "int", "noShows"], ["col.rate", "percent", "rate"],
          ["col.lostHours", "hours", "lostHours"], ["col.lost", "money", "lostCents"], ["col.cancellationFees", "money", "cancellationFeesCents"],
          ["col.noShowFees", "money", "noShowFeesCents"], ["col.feesKept", "money", "feesKeptCents"],
        ], [report.totals]),
        make("table.rows", [
          ["col.date", "date", "date"], ["col.time", "text", "time"], ["col.location", "text", "location"], ["col.client", "text", (r) => (r["client"] as string | null) ?? t("noClient")],
          ["col.rooms", "text", (r) => (r["rooms"] as string[]).join(", ")], ["col.status", "text", (r) => t(`status.${String(r["status"])}` as LabelKey)],
          ["col.hours", "hours", "hours"], ["col.sessionTotal", "money", "totalCents"], ["col.fee", "money", "feeCents"],
        ], report["rows"]),
      );
      break;
    case "deposits":
      tables.push(
        make("table.totals", [["col.bookings", "int", "bookings"], ["col.short", "int", "short"], ["col.deposit", "money", "depositCents"], ["col.paid", "money", "paidCents"], ["col.held", "money", "heldCents"], ["col.due", "money", "dueCents"]], [report.totals]),
        make("table.rows", [
          ["col.date", "date", "date"], ["col.location", "text", "location"], ["col.client", "text", (r) => (r["client"] as string | null) ?? t("noClient")],
          ["col.status", "text", (r) => t(`status.${String(r["status"])}` as LabelKey)], ["col.deposit", "money", "depositCents"], ["col.paid", "money", "paidCents"],
          ["col.held", "money", "heldCents"], ["col.due", "money", "dueCents"],
        ], report["rows"]),
      );
      break;
    case "topClients":
      tables.push(make("table.byClient", [
        ["col.rank", "int", (r) => (report["rows"] as Row[]).indexOf(r) + 1], named, ["col.bookings", "int", "bookings"], ["col.hours", "hours", "hours"],
        ["col.total", "money", "totalCents"], ["col.share", "percent", "share"],
      ], report["rows"]));
      break;
    case "aging": {
      const buckets = report["buckets"] as Record<string, Row>;
      const bucketRows = Object.entries(buckets).map(([key, b]) => ({ ...b, label: t(`bucket.${key}` as LabelKey) }));
      tables.push(
        make("table.buckets", [["col.bucket", "text", "label"], ["col.invoices", "int", "invoices"], ["col.outstanding", "money", "outstandingCents"]],
          [...bucketRows, { label: t("table.totals"), ...report.totals }]),
        make("table.rows", [
          ["col.invoice", "text", "displayNumber"], ["col.client", "text", (r) => (r["client"] as string | null) ?? t("noClient")], ["col.issuedOn", "date", "issuedOn"],
          ["col.dueOn", "date", "dueOn"], ["col.daysOverdue", "int", "daysOverdue"], ["col.bucket", "text", (r) => t(`bucket.${String(r["bucket"])}` as LabelKey)],
          ["col.outstanding", "money", "dueCents"],
        ], report["rows"]),
      );
      break;
    }
    case "engineers":
      tables.push(make("table.byEngineer", [
        named, ["col.sessions", "int", "sessions"], ["col.hours", "hours", "hours"], ["col.billableHours", "hours", "billableHours"],
        ["col.billableShare", "percent", "billableShare"], ["col.completedHours", "hours", "completedHours"], ["col.billedNet", "money", "billedNetCents"],
      ], [...(report["rows"] as Row[]), { label: t("table.totals"), ...report.totals, billableShare: null }]));
      break;
  }
  return { kind, title: t(reportTitleKey(kind)), subtitle: subtitleOf(report, locale), currency: report.currency, tables };
}

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function subtitleOf(report: AnyReport, locale: ExportLocale): string {
  const t = labels(locale);
  const show = (date: string) => (locale === "fr" ? dmy(date) : date);
  if (report.period) return `${t("period")} : ${show(report.period.from)} – ${show(addDays(report.period.to, -1))}`.replace(" :", locale === "fr" ? " :" : ":");
  return `${t("asOf")} ${show(String(report.asOf).slice(0, 10))}`;
}
