import type { Cell, ColumnKind } from "./report-tables";
import type { ExportLocale } from "./report-labels";

/** A cell as a number a spreadsheet computes with: money in units (cents ÷ 100), percent as a fraction. */
export function numericValue(kind: ColumnKind, cell: Cell): number | null {
  if (typeof cell !== "number") return null;
  return kind === "money" ? cell / 100 : cell;
}

const DECIMALS: Partial<Record<ColumnKind, number>> = { money: 2, hours: 2, percent: 1 };

/**
 * A cell as text for CSV and print: fixed decimals with the locale's decimal mark (French Excel
 * reads "1234,50" as a number), no grouping in CSV so it stays a number; dates as written.
 */
export function plainText(kind: ColumnKind, cell: Cell, locale: ExportLocale): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  const value = kind === "percent" ? cell * 100 : (numericValue(kind, cell) ?? cell);
  const text = value.toFixed(DECIMALS[kind] ?? 0);
  return locale === "fr" ? text.replace(".", ",") : text;
}

const SYMBOL: Record<string, string> = { EUR: "€", GBP: "£", USD: "$", CHF: "CHF" };
export const currencySymbol = (currency: string): string => SYMBOL[currency] ?? currency;

/** A cell as people read it on paper: grouped digits, the currency, "%", dates day first in French. */
export function printedText(kind: ColumnKind, cell: Cell, locale: ExportLocale, currency: string): string {
  if (cell === null) return "";
  if (kind === "date" && typeof cell === "string" && locale === "fr") return `${cell.slice(8, 10)}/${cell.slice(5, 7)}/${cell.slice(0, 4)}`;
  if (typeof cell === "string") return cell;
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  // Narrow and plain no-break spaces become spaces: the PDF's built-in Helvetica has no glyph for U+202F.
  const format = (n: number, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(tag, options).format(n).replace(/[\u202f\u00a0]/g, " ");
  if (kind === "money") return format(cell / 100, { style: "currency", currency });
  if (kind === "percent") return format(cell, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (kind === "hours") return format(cell, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return format(cell, { maximumFractionDigits: 0 });
}
