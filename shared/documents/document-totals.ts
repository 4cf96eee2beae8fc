/**
 * Invoice and quote arithmetic in integer cents, VAT in basis points.
 *
 * Rounding rule: each line is rounded on its own, then lines are summed. A line's amount is
 * unit price × quantity (quantity in thousandths, so 2.5 h is 2500), rounded half away from zero;
 * its discount is rounded the same way and subtracted; its VAT is the discounted net × rate, rounded
 * the same way. Totals (and the VAT per rate) are plain sums of the rounded lines, so the printed
 * lines always add up to the printed totals, and a credit note (negative lines) mirrors its invoice
 * to the cent.
 */

export const DEFAULT_VAT_BP = 2000;
export const QUANTITY_SCALE = 1000;

export interface DocumentLineInput {
  label: string;
  /** Thousandths of a unit: 1000 = 1 hour, 2500 = 2.5 hours. Negative on a credit note. */
  quantityMilli: number;
  unitPriceCents: number;
  /** Per-line VAT rate; 20 % when absent. */
  vatBp?: number;
  /** Per-line discount in basis points of the line's amount (1000 = 10 %). */
  discountBp?: number;
}

export interface ComputedLine {
  grossBeforeDiscountCents: number;
  discountCents: number;
  netCents: number;
  vatBp: number;
  vatCents: number;
  totalCents: number;
}

export interface VatBucket {
  vatBp: number;
  netCents: number;
  vatCents: number;
}

export interface DocumentTotals {
  lines: ComputedLine[];
  discountCents: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
  /** One entry per VAT rate used, highest rate first, as invoices print them. */
  vatByRate: VatBucket[];
}

/** numerator / denominator rounded half away from zero; exact for integers below 2^53. */
export function roundDiv(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  return sign * Math.floor((2 * n + d) / (2 * d)) || 0;
}

export function computeLine(line: DocumentLineInput): ComputedLine {
  const vatBp = line.vatBp ?? DEFAULT_VAT_BP;
  const gross = roundDiv(line.unitPriceCents * line.quantityMilli, QUANTITY_SCALE);
  const discountCents = roundDiv(gross * (line.discountBp ?? 0), 10_000);
  const netCents = gross - discountCents;
  const vatCents = roundDiv(netCents * vatBp, 10_000);
  return { grossBeforeDiscountCents: gross, discountCents, netCents, vatBp, vatCents, totalCents: netCents + vatCents };
}

export function computeTotals(lines: readonly DocumentLineInput[]): DocumentTotals {
  const computed = lines.map(computeLine);
  const buckets = new Map<number, VatBucket>();
  for (const c of computed) {
    const b = buckets.get(c.vatBp) ?? { vatBp: c.vatBp, netCents: 0, vatCents: 0 };
    b.netCents += c.netCents;
    b.vatCents += c.vatCents;
    buckets.set(c.vatBp, b);
  }
  const sum = (pick: (c: ComputedLine) => number) => computed.reduce((a, c) => a + pick(c), 0);
  return {
    lines: computed,
    discountCents: sum((c) => c.discountCents),
    netCents: sum((c) => c.netCents),
    vatCents: sum((c) => c.vatCents),
    totalCents: sum((c) => c.totalCents),
    vatByRate: [...buckets.values()].sort((a, b) => b.vatBp - a.vatBp),
  };
}
