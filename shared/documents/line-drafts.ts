import { parseAmountToCents } from "../money";
import type { DocumentLine } from "./document-line";

/** A hand-made invoice line as typed: label, quantity, unit price excluding VAT, VAT rate (basis points). */
export interface TypedLine {
  label: string;
  quantity: string;
  unitPrice: string;
  vatBp: number;
}

export type TypedLineError = "label" | "quantity" | "unitPrice";

/** The VAT rates a French studio uses: standard, intermediate, reduced, super-reduced, none. */
export const VAT_RATES_BP = [2000, 1000, 550, 210, 0] as const;

/** "1,5" / "2" / "0.25" → thousandths (1500 / 2000 / 250); null when not a positive quantity with up to three decimals. */
export function parseQuantityMilli(text: string): number | null {
  const m = /^(\d+)(?:[.,](\d{1,3}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, ""));
  if (!m) return null;
  const milli = Number(m[1]) * 1000 + Number((m[2] ?? "").padEnd(3, "0"));
  return milli > 0 && milli <= 1_000_000_000 ? milli : null;
}

/**
 * The typed lines as document lines (kind "custom"), or what is wrong with each row; a row left
 * entirely blank is skipped, so a spare empty row never blocks saving.
 */
export function linesFromTyped(rows: readonly TypedLine[]): { lines: DocumentLine[]; errors: Map<number, TypedLineError[]> } {
  const lines: DocumentLine[] = [];
  const errors = new Map<number, TypedLineError[]>();
  rows.forEach((r, i) => {
    if (!r.label.trim() && !r.quantity.trim() && !r.unitPrice.trim()) return;
    const quantityMilli = parseQuantityMilli(r.quantity);
    const unitPriceCents = parseAmountToCents(r.unitPrice);
    const wrong: TypedLineError[] = [];
    if (!r.label.trim() || r.label.trim().length > 200) wrong.push("label");
    if (quantityMilli === null) wrong.push("quantity");
    if (unitPriceCents === null) wrong.push("unitPrice");
    if (wrong.length > 0) {
      errors.set(i, wrong);
      return;
    }
    lines.push({
      kind: "custom", refId: null, label: r.label.trim(), detail: null, quantityMilli: quantityMilli!, unitPriceCents: unitPriceCents!, vatBp: r.vatBp,
      discountBp: 0, bookingId: null, session: null, projectName: null,
    });
  });
  return { lines, errors };
}
