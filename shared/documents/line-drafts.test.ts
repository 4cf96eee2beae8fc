import { describe, expect, it } from "vitest";
import { computeTotals } from "./document-totals";
import { linesFromTyped, parseQuantityMilli, type TypedLine } from "./line-drafts";

describe("parseQuantityMilli", () => {
  it.each<[string, number | null]>([
    ["1", 1000], ["1,5", 1500], ["0.25", 250], ["2,125", 2125], [" 3 ", 3000], ["0", null], ["-1", null], ["1,2345", null], ["deux", null], ["", null],
  ])("%j → %s", (text, milli) => expect(parseQuantityMilli(text)).toBe(milli));
});

describe("linesFromTyped", () => {
  const row = (label: string, quantity: string, unitPrice: string, vatBp = 2000): TypedLine => ({ label, quantity, unitPrice, vatBp });

  it("two VAT rates: lines and totals per rate", () => {
    const { lines, errors } = linesFromTyped([row("Mixage", "3", "200"), row("Livrets imprimés", "10", "5", 550), row("", "", "")]);
    expect(errors.size).toBe(0);
    expect(lines.map((l) => [l.label, l.quantityMilli, l.unitPriceCents, l.vatBp])).toEqual([["Mixage", 3000, 20000, 2000], ["Livrets imprimés", 10000, 500, 550]]);
    const t = computeTotals(lines);
    expect([t.netCents, t.vatCents, t.totalCents]).toEqual([65000, 12000 + 275, 77275]);
  });

  it.each<[string, TypedLine, string[]]>([
    ["no label", row(" ", "1", "10"), ["label"]],
    ["a quantity of zero", row("Mixage", "0", "10"), ["quantity"]],
    ["an unreadable price", row("Mixage", "1", "dix"), ["unitPrice"]],
    ["everything wrong but the label", row("Mixage", "x", "y"), ["quantity", "unitPrice"]],
  ])("names what is wrong: %s", (_name, r, wrong) => {
    const { lines, errors } = linesFromTyped([r]);
    expect(lines).toEqual([]);
    expect(errors.get(0)).toEqual(wrong);
  });
});
