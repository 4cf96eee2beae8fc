import { strToU8, zipSync } from "fflate";
import { DAY_MS, dateToDayMs } from "../../../shared/zoned-time";
import { currencySymbol, numericValue } from "./cell-format";
import type { Cell, ColumnKind, ReportDocument, ReportTable } from "./report-tables";
import { STYLE, contentTypes, escapeXml, rootRels, styles, workbook, workbookRels, worksheet } from "./xlsx-parts";

/** Spreadsheet dates are days since 30 December 1899 (Excel's 1900 system, leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
export const excelSerial = (date: string): number => (dateToDayMs(date) - EXCEL_EPOCH_MS) / DAY_MS;

/** "A", "B", …, "Z", "AA": a column's letters from its 0-based index. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const STYLE_OF: Record<ColumnKind, number> = { text: STYLE.plain, int: STYLE.plain, hours: STYLE.decimal, money: STYLE.money, percent: STYLE.percent, date: STYLE.date };

function cellXml(ref: string, kind: ColumnKind, cell: Cell, style?: number): string {
  if (cell === null || cell === "") return "";
  if (kind === "date" && typeof cell === "string" && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return `<c r="${ref}" s="${STYLE.date}"><v>${excelSerial(cell)}</v></c>`;
  const number = kind === "text" ? null : numericValue(kind, cell);
  if (number !== null) return `<c r="${ref}" s="${style ?? STYLE_OF[kind]}"><v>${number}</v></c>`;
  return `<c r="${ref}" t="inlineStr"${style !== undefined ? ` s="${style}"` : ""}><is><t xml:space="preserve">${escapeXml(String(cell))}</t></is></c>`;
}

/** One sheet: the report's title and period, then the table's heading row and its rows. */
function sheetXml(doc: ReportDocument, table: ReportTable): string {
  const rows: string[] = [];
  const row = (r: number, cells: string) => rows.push(`<row r="${r}">${cells}</row>`);
  row(1, cellXml("A1", "text", `${doc.title} — ${table.title}`, STYLE.title));
  row(2, cellXml("A2", "text", doc.subtitle));
  row(4, table.columns.map((c, i) => cellXml(`${columnName(i)}4`, "text", c.label, STYLE.heading)).join(""));
  table.rows.forEach((cells, r) => row(r + 5, cells.map((cell, i) => cellXml(`${columnName(i)}${r + 5}`, table.columns[i]!.kind, cell)).join("")));
  const widths = table.columns.map((c, i) => {
    const longest = Math.max(c.label.length, ...table.rows.map((cells) => String(cells[i] ?? "").length));
    return `<col min="${i + 1}" max="${i + 1}" width="${Math.min(40, Math.max(10, longest + 2))}" customWidth="1"/>`;
  });
  return worksheet(rows.join(""), widths.length > 0 ? `<cols>${widths.join("")}</cols>` : "");
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetNames(tables: readonly ReportTable[]): string[] {
  const used = new Set<string>();
  return tables.map((t, i) => {
    let name = t.title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31).trim() || `Sheet ${i + 1}`;
    if (used.has(name)) name = `${name.slice(0, 27)} (${i + 1})`;
    used.add(name);
    return name;
  });
}

/** The report as an .xlsx workbook, one sheet per table: numbers as numbers, money with the currency's format, dates as dates. */
export function reportXlsx(doc: ReportDocument): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(contentTypes(doc.tables.length)),
    "_rels/.rels": strToU8(rootRels()),
    "xl/workbook.xml": strToU8(workbook(sheetNames(doc.tables))),
    "xl/_rels/workbook.xml.rels": strToU8(workbookRels(doc.tables.length)),
    "xl/styles.xml": strToU8(styles(currencySymbol(doc.currency))),
  };
  doc.tables.forEach((table, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(doc, table))));
  return zipSync(files, { level: 6 });
}
