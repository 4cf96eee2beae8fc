import { describe, expect, it } from "vitest";
import { agingBucket, agingSummary, outstandingOn, type InvoiceHistory } from "./aging";

describe("agingBucket", () => {
  it.each([
    ["not yet due", "2026-03-01", "2026-02-15", "2026-03-17", "0_30"],
    ["due today", "2026-03-17", "2026-02-15", "2026-03-17", "0_30"],
    ["30 days late", "2026-04-16", "2026-02-15", "2026-03-17", "0_30"],
    ["31 days late", "2026-04-17", "2026-02-15", "2026-03-17", "31_60"],
    ["60 days late", "2026-05-16", "2026-02-15", "2026-03-17", "31_60"],
    ["61 days late", "2026-05-17", "2026-02-15", "2026-03-17", "61_90"],
    ["90 days late", "2026-06-15", "2026-02-15", "2026-03-17", "61_90"],
    ["91 days late", "2026-06-16", "2026-02-15", "2026-03-17", "90_plus"],
    // Across the spring DST change: calendar days, not 24-hour blocks.
    ["31 days across 29 March", "2026-04-14", "2026-03-14", "2026-03-14", "31_60"],
    ["no due date: from the issue date", "2026-04-20", "2026-03-01", null, "31_60"],
  ] as const)("%s", (_name, asOf, issuedOn, dueOn, expected) => {
    expect(agingBucket(asOf, issuedOn, dueOn)).toBe(expected);
  });
});

describe("agingSummary", () => {
  it("sums what is outstanding per bucket and leaves settled invoices out", () => {
    const s = agingSummary("2026-06-30", [
      { id: "a", issuedOn: "2026-06-01", dueOn: "2026-06-15", outstandingCents: 12_000 },
      { id: "b", issuedOn: "2026-04-01", dueOn: "2026-05-01", outstandingCents: 50_050 },
      { id: "c", issuedOn: "2026-01-10", dueOn: "2026-02-10", outstandingCents: 9_999 },
      { id: "d", issuedOn: "2026-01-10", dueOn: "2026-02-10", outstandingCents: 0 },
      { id: "e", issuedOn: "2026-06-20", dueOn: null, outstandingCents: 1 },
    ]);
    expect(s.buckets).toEqual({
      "0_30": { invoices: 2, outstandingCents: 12_001 },
      "31_60": { invoices: 1, outstandingCents: 50_050 },
      "61_90": { invoices: 0, outstandingCents: 0 },
      "90_plus": { invoices: 1, outstandingCents: 9_999 },
    });
    expect(s.invoices).toBe(4);
    expect(s.outstandingCents).toBe(72_050);
  });
});

describe("outstandingOn: what was due on a past date", () => {
  const inv: InvoiceHistory = {
    issuedOn: "2026-03-10",
    totalCents: 10_000,
    voidedOn: null,
    payments: [{ amountCents: 3_000, receivedOn: "2026-03-15" }, { amountCents: 2_000, receivedOn: "2026-04-02" }],
    credits: [{ totalCents: -1_500, issuedOn: "2026-03-31" }],
  };
  it.each([
    ["before it was issued", "2026-03-09", inv, null],
    ["the day it was issued", "2026-03-10", inv, 10_000],
    ["the day of the first payment (counted)", "2026-03-15", inv, 7_000],
    ["the end of March: the credit note of the 31st counts, April's payment does not", "2026-03-31", inv, 5_500],
    ["after every payment", "2026-04-02", inv, 3_500],
    ["paid more than due (overpaid): nothing due, never negative", "2026-04-30", { ...inv, payments: [{ amountCents: 12_000, receivedOn: "2026-04-01" }] }, 0],
    ["voided later: still due before its voiding", "2026-03-20", { ...inv, voidedOn: "2026-03-25" }, 7_000],
    ["voided that day: out", "2026-03-25", { ...inv, voidedOn: "2026-03-25" }, null],
  ] as const)("%s", (_name, asOf, invoice, expected) => {
    expect(outstandingOn(asOf, invoice)).toBe(expected);
  });
});
