import { describe, expect, it } from "vitest";
import { depositReport } from "./deposits";
import { LOC } from "./report-fixtures";

describe("depositReport", () => {
  it("sets deposits due against what was paid, in start order", () => {
    const r = depositReport([
      { id: "b", locationId: LOC, clientId: null, status: "confirmed", startMs: 2, depositCents: 13_680, paidCents: 20_000 },
      { id: "a", locationId: LOC, clientId: null, status: "hold", startMs: 1, depositCents: 10_000, paidCents: 2_500 },
      { id: "c", locationId: LOC, clientId: null, status: "confirmed", startMs: 3, depositCents: 0, paidCents: 0 },
    ]);
    expect(r.rows.map((x) => [x.id, x.heldCents, x.dueCents])).toEqual([["a", 2_500, 7_500], ["b", 13_680, 0], ["c", 0, 0]]);
    expect(r.totals).toEqual({ bookings: 3, depositCents: 23_680, paidCents: 22_500, heldCents: 16_180, dueCents: 7_500, short: 1 });
  });
});
