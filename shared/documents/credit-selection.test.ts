import { describe, expect, it } from "vitest";
import { creditableQuantities, pickedCreditLines, type CreditPick } from "./credit-selection";
import type { DocumentLine } from "./document-line";
import { computeTotals } from "./document-totals";

const line = (label: string, quantityMilli: number, unitPriceCents: number, vatBp: number): DocumentLine => ({
  kind: "custom", refId: null, label, detail: null, quantityMilli, unitPriceCents, vatBp, discountBp: 0, bookingId: null, session: null, projectName: null,
});
const INVOICE = [line("Mixage", 3000, 20000, 2000), line("Livret", 10_000, 500, 550), line("Acompte déjà facturé", -1000, 6000, 2000)];

describe("pickedCreditLines", () => {
  it.each<[string, CreditPick[], [string, number][], number]>([
    ["one hour of three", [{ index: 0, quantityMilli: 1000 }], [["Mixage", -1000]], -24000],
    ["a whole line at 5,5 %", [{ index: 1, quantityMilli: 10_000 }], [["Livret", -10_000]], -5275],
    ["two lines, two rates", [{ index: 1, quantityMilli: 2000 }, { index: 0, quantityMilli: 500 }], [["Mixage", -500], ["Livret", -2000]], -12000 - 1055],
    ["a negative line is mirrored", [{ index: 2, quantityMilli: 1000 }], [["Acompte déjà facturé", 1000]], 7200],
    ["the same line twice counts once, last quantity", [{ index: 0, quantityMilli: 1000 }, { index: 0, quantityMilli: 2000 }], [["Mixage", -2000]], -48000],
  ])("%s", (_name, picks, expected, total) => {
    const got = pickedCreditLines(INVOICE, picks);
    expect(got.errors).toEqual([]);
    expect(got.lines.map((l) => [l.label, l.quantityMilli])).toEqual(expected);
    expect(computeTotals(got.lines).totalCents).toBe(total);
  });

  it.each<[string, CreditPick[], { index: number; problem: string }[]]>([
    ["more than the line bills", [{ index: 0, quantityMilli: 3001 }], [{ index: 0, problem: "too_much" }]],
    ["a line the invoice does not have", [{ index: 7, quantityMilli: 1000 }], [{ index: 7, problem: "unknown_line" }]],
  ])("refuses %s", (_name, picks, errors) => {
    expect(pickedCreditLines(INVOICE, picks).errors).toEqual(errors);
  });
});

describe("creditableQuantities", () => {
  const credit = (index: number, quantityMilli: number) => pickedCreditLines(INVOICE, [{ index, quantityMilli }]).lines;
  it.each<[string, (typeof INVOICE)[], number[]]>([
    ["nothing credited yet", [], [3000, 10_000, 1000]],
    ["one hour of mixing credited", [credit(0, 1000)], [2000, 10_000, 1000]],
    ["two notes on the same line add up", [credit(0, 1000), credit(0, 2000)], [0, 10_000, 1000]],
    ["a whole credit note leaves nothing", [INVOICE.map((l) => ({ ...l, quantityMilli: -l.quantityMilli }))], [0, 0, 0]],
  ])("%s", (_name, earlier, left) => {
    expect(creditableQuantities(INVOICE, earlier)).toEqual(left);
  });

  it("refuses more than what is left of a line", () => {
    const left = creditableQuantities(INVOICE, [credit(0, 2000)]);
    expect(pickedCreditLines(INVOICE, [{ index: 0, quantityMilli: 2000 }], left).errors).toEqual([{ index: 0, problem: "too_much" }]);
    expect(pickedCreditLines(INVOICE, [{ index: 0, quantityMilli: 1000 }], left).errors).toEqual([]);
  });
});
