import { describe, expect, it } from "vitest";
import { computeLine, computeTotals, roundDiv, type DocumentLineInput } from "./document-totals";

describe("roundDiv rounds half away from zero", () => {
  it.each<[number, number, number]>([
    [5, 10, 1], [4, 10, 0], [15, 10, 2], [-5, 10, -1], [-4, 10, 0], [-15, 10, -2], [0, 7, 0], [1, 3, 0], [2, 3, 1], [-2, 3, -1],
  ])("%i / %i = %i", (n, d, expected) => expect(roundDiv(n, d)).toBe(expected));
});

describe("one line", () => {
  it.each<[string, DocumentLineInput, { net: number; discount: number; vat: number; total: number; vatBp: number }]>([
    ["1 h at 50 €, default 20 %", { label: "", quantityMilli: 1000, unitPriceCents: 5000 }, { net: 5000, discount: 0, vat: 1000, total: 6000, vatBp: 2000 }],
    ["2.5 h at 45 €", { label: "", quantityMilli: 2500, unitPriceCents: 4500 }, { net: 11250, discount: 0, vat: 2250, total: 13500, vatBp: 2000 }],
    ["VAT half cent rounds up: 0.05 € at 10 %", { label: "", quantityMilli: 1000, unitPriceCents: 5, vatBp: 1000 }, { net: 5, discount: 0, vat: 1, total: 6, vatBp: 1000 }],
    ["VAT below half a cent rounds down: 0.02 € at 20 %", { label: "", quantityMilli: 1000, unitPriceCents: 2 }, { net: 2, discount: 0, vat: 0, total: 2, vatBp: 2000 }],
    ["5.5 % on 9.99 €: 54.945 c → 55", { label: "", quantityMilli: 1000, unitPriceCents: 999, vatBp: 550 }, { net: 999, discount: 0, vat: 55, total: 1054, vatBp: 550 }],
    ["a third of an hour at 1 €: 33.33 c → 33", { label: "", quantityMilli: 333, unitPriceCents: 100 }, { net: 33, discount: 0, vat: 7, total: 40, vatBp: 2000 }],
    ["10 % discount on 99.99 €: 9.999 → 10.00", { label: "", quantityMilli: 1000, unitPriceCents: 9999, discountBp: 1000 }, { net: 8999, discount: 1000, vat: 1800, total: 10799, vatBp: 2000 }],
    ["15 % discount on 0.10 €: 1.5 c → 2", { label: "", quantityMilli: 1000, unitPriceCents: 10, discountBp: 1500 }, { net: 8, discount: 2, vat: 2, total: 10, vatBp: 2000 }],
    ["100 % discount", { label: "", quantityMilli: 3000, unitPriceCents: 4000, discountBp: 10000 }, { net: 0, discount: 12000, vat: 0, total: 0, vatBp: 2000 }],
    ["VAT 0 %", { label: "", quantityMilli: 1000, unitPriceCents: 12345, vatBp: 0 }, { net: 12345, discount: 0, vat: 0, total: 12345, vatBp: 0 }],
    ["credit line mirrors: -1 × 9.99 € at 5.5 %", { label: "", quantityMilli: -1000, unitPriceCents: 999, vatBp: 550 }, { net: -999, discount: 0, vat: -55, total: -1054, vatBp: 550 }],
    ["credit line with discount mirrors", { label: "", quantityMilli: -1000, unitPriceCents: 9999, discountBp: 1000 }, { net: -8999, discount: -1000, vat: -1800, total: -10799, vatBp: 2000 }],
  ])("%s", (_name, line, expected) => {
    const c = computeLine(line);
    expect({ net: c.netCents, discount: c.discountCents, vat: c.vatCents, total: c.totalCents, vatBp: c.vatBp }).toEqual(expected);
  });
});

describe("totals round per line, then sum", () => {
  it("three lines of 0.05 € at 10 %: each VAT rounds to 1 c, total VAT 3 c (not round(1.5) = 2)", () => {
    const line = { label: "", quantityMilli: 1000, unitPriceCents: 5, vatBp: 1000 };
    const t = computeTotals([line, line, line]);
    expect([t.netCents, t.vatCents, t.totalCents]).toEqual([15, 3, 18]);
  });

  it("groups VAT per rate, highest first, and the buckets add up to the totals", () => {
    const t = computeTotals([
      { label: "Studio", quantityMilli: 4000, unitPriceCents: 6000 },
      { label: "Book", quantityMilli: 2000, unitPriceCents: 999, vatBp: 550 },
      { label: "Mastering", quantityMilli: 1000, unitPriceCents: 15000, discountBp: 500 },
      { label: "Export", quantityMilli: 1000, unitPriceCents: 1000, vatBp: 0 },
    ]);
    expect(t.vatByRate).toEqual([
      { vatBp: 2000, netCents: 24000 + 14250, vatCents: 4800 + 2850 },
      { vatBp: 550, netCents: 1998, vatCents: 110 },
      { vatBp: 0, netCents: 1000, vatCents: 0 },
    ]);
    expect(t.discountCents).toBe(750);
    expect(t.netCents).toBe(t.vatByRate.reduce((a, b) => a + b.netCents, 0));
    expect(t.vatCents).toBe(t.vatByRate.reduce((a, b) => a + b.vatCents, 0));
    expect(t.totalCents).toBe(t.netCents + t.vatCents);
  });

  it("an empty document is zero", () => {
    expect(computeTotals([])).toMatchObject({ netCents: 0, vatCents: 0, totalCents: 0, vatByRate: [] });
  });
});
