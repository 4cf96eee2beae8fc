import { describe, expect, it } from "vitest";
import { changes, previousPeriod } from "./compare";

describe("previousPeriod", () => {
  it.each([
    ["a month of 31 days", { from: "2026-03-01", to: "2026-04-01" }, { from: "2026-01-29", to: "2026-03-01" }],
    ["the DST week", { from: "2026-03-23", to: "2026-03-30" }, { from: "2026-03-16", to: "2026-03-23" }],
    ["one day across a year end", { from: "2026-01-01", to: "2026-01-02" }, { from: "2025-12-31", to: "2026-01-01" }],
  ])("%s", (_name, period, expected) => {
    expect(previousPeriod(period)).toEqual(expected);
  });
});

describe("changes", () => {
  it("compares numeric figures and skips the rest", () => {
    expect(changes({ totalCents: 15_000, bookings: 3, utilisation: null, key: "x" }, { totalCents: 10_000, bookings: 0, utilisation: 0.5, key: "y" })).toEqual({
      totalCents: { current: 15_000, previous: 10_000, delta: 5_000, ratio: 0.5 },
      bookings: { current: 3, previous: 0, delta: 3, ratio: null },
    });
  });
});
