import { describe, expect, it } from "vitest";
import { hasMoney, withoutMoney } from "./money-visibility";

describe("withoutMoney", () => {
  it("drops every …Cents field at any depth, keeps hours and counts", () => {
    const report = {
      totals: { bookings: 2, hours: 5.5, netCents: 100, totalCents: 120 },
      rows: [{ key: "a", hours: 1, feeCents: 0 }],
      changes: { totalCents: { current: 1, previous: 0 }, hours: { current: 1, previous: 1 } },
    };
    const stripped = withoutMoney(report);
    expect(stripped).toEqual({ totals: { bookings: 2, hours: 5.5 }, rows: [{ key: "a", hours: 1 }], changes: { hours: { current: 1, previous: 1 } } });
    expect(hasMoney(report)).toBe(true);
    expect(hasMoney(stripped)).toBe(false);
    // A zero amount is still money: omitted, never shown as 0.
    expect("feeCents" in stripped.rows[0]!).toBe(false);
  });
});
