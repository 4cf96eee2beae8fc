import type { ExportFormat, ExportReportInput, ReportKind } from "../../../shared/reports/report-input";
import { addDays } from "../../../shared/zoned-time";
import type { ReportService } from "../services/reports/report-service";
import { reportCsv } from "./csv-export";
import { reportPdf } from "./pdf-export";
import { fileNameKey, labels, type ExportLocale } from "./report-labels";
import { reportDocument, type AnyReport } from "./report-tables";
import { reportXlsx } from "./xlsx-export";

export interface ExportFile {
  filename: string;
  mimeType: string;
  /** The file's bytes, base64: what crosses IPC and WebSocket alike, and the renderer saves. */
  base64: string;
}

const MIME: Record<ExportFormat, string> = {
  csv: "text/csv;charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** Runs the report for the acting person (so an export never carries what the screen would hide). */
function run(reports: ReportService, kind: ReportKind, input: ExportReportInput): AnyReport {
  const { report: _r, format: _f, locale: _l, ...query } = input;
  switch (kind) {
    case "revenue": return reports.revenue(query) as AnyReport;
    case "utilisation": return reports.utilisation(query) as AnyReport;
    case "cancellations": return reports.cancellations(query) as AnyReport;
    case "engineers": return reports.engineers(query) as AnyReport;
    case "topClients": return reports.topClients(query) as AnyReport;
    case "deposits": return reports.deposits({ locationIds: query.locationIds }) as AnyReport;
    case "aging": return reports.aging({ locationIds: query.locationIds, asOf: query.asOf }) as AnyReport;
  }
}

/** "chiffre-affaires_2026-03-23_2026-03-29.xlsx": the report and its dates, inclusive as people say them. */
function filename(kind: ReportKind, report: AnyReport, format: ExportFormat, locale: ExportLocale): string {
  const stem = labels(locale)(fileNameKey(kind));
  const dates = report.period ? `${report.period.from}_${addDays(report.period.to, -1)}` : String(report.asOf).slice(0, 10);
  return `${stem}_${dates}.${format}`;
}

export async function exportReport(reports: ReportService, input: ExportReportInput): Promise<ExportFile> {
  const locale = input.locale ?? "fr";
  const report = run(reports, input.report, input);
  const doc = reportDocument(input.report, report, locale);
  const bytes = input.format === "csv" ? Buffer.from(reportCsv(doc, locale), "utf8") : input.format === "xlsx" ? Buffer.from(reportXlsx(doc)) : await reportPdf(doc, locale);
  return { filename: filename(input.report, report, input.format, locale), mimeType: MIME[input.format], base64: bytes.toString("base64") };
}
