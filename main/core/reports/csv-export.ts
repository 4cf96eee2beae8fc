import { toCsv } from "../../../shared/csv";
import { plainText } from "./cell-format";
import type { ExportLocale } from "./report-labels";
import type { ReportDocument } from "./report-tables";

/**
 * The report as one CSV file: the title and period, then each table under its own title line,
 * separated by an empty line; semicolons and decimal commas in French, commas and points in English.
 */
export function reportCsv(doc: ReportDocument, locale: ExportLocale): string {
  const lines: string[][] = [[doc.subtitle]];
  for (const table of doc.tables) {
    lines.push([], [table.title], table.columns.map((c) => c.label));
    for (const row of table.rows) lines.push(row.map((cell, i) => plainText(table.columns[i]!.kind, cell, locale)));
  }
  return toCsv([doc.title], lines, locale === "fr" ? ";" : ",");
}
