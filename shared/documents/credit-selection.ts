import { z } from "zod";
import { V, idSchema, optionalText } from "../schemas/common";
import type { DocumentLine } from "./document-line";

/**
 * A credit note: the whole invoice, some of its lines (by index), or some quantity of some lines
 * (`lines`, quantities in thousandths like the invoice's own, never more than the line bills).
 */
export const creditNoteLinesInput = z.object({
  invoiceId: idSchema,
  lineIndexes: z.array(z.number().int().min(0)).max(500).optional(),
  lines: z.array(z.object({ index: z.number().int().min(0), quantityMilli: z.number().int(V.wholeNumber).min(1, V.atLeastOne).max(1_000_000_000, V.tooLarge) })).max(500).optional(),
  reason: optionalText(500),
});
export type CreditPick = { index: number; quantityMilli: number };

/** Why a pick cannot be credited: an index the invoice does not have, or more than the line bills. */
export type CreditPickError = { index: number; problem: "unknown_line" | "too_much" };

/**
 * The lines a partial credit note carries: each picked line with the picked quantity, negated (a line
 * billed −1 such as a deposit deduction is credited as +1, its sign mirrored). The same line picked
 * twice counts once, with the last quantity.
 */
export function pickedCreditLines(
  lines: readonly DocumentLine[],
  picks: readonly CreditPick[],
  /** What is left to credit of each line (creditableQuantities); the whole line when absent. */
  remaining: readonly number[] = lines.map((l) => Math.abs(l.quantityMilli)),
): { lines: DocumentLine[]; errors: CreditPickError[] } {
  const byIndex = new Map(picks.map((p) => [p.index, p.quantityMilli]));
  const out: DocumentLine[] = [];
  const errors: CreditPickError[] = [];
  for (const [index, quantityMilli] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    const line = lines[index];
    if (!line) errors.push({ index, problem: "unknown_line" });
    else if (quantityMilli > (remaining[index] ?? 0)) errors.push({ index, problem: "too_much" });
    else out.push({ ...line, quantityMilli: -Math.sign(line.quantityMilli) * quantityMilli });
  }
  return { lines: out, errors };
}

const sameLine = (a: DocumentLine, b: DocumentLine) =>
  a.kind === b.kind && a.label === b.label && a.unitPriceCents === b.unitPriceCents && a.vatBp === b.vatBp && a.discountBp === b.discountBp && a.bookingId === b.bookingId;

/**
 * What is left to credit of each line of an invoice, in thousandths, once its earlier credit notes
 * are taken off: a credit note's line is matched to the first invoice line it copies (same kind,
 * label, price, VAT, discount and booking) that still has quantity left.
 */
export function creditableQuantities(lines: readonly DocumentLine[], earlierCredits: readonly (readonly DocumentLine[])[]): number[] {
  const left = lines.map((l) => Math.abs(l.quantityMilli));
  for (const credit of earlierCredits) {
    for (const c of credit) {
      let q = Math.abs(c.quantityMilli);
      lines.forEach((l, i) => {
        if (q === 0 || !sameLine(l, c) || left[i]! === 0) return;
        const take = Math.min(q, left[i]!);
        left[i] = left[i]! - take;
        q -= take;
      });
    }
  }
  return left;
}
