import { describe, expect, it } from "vitest";
import type { BookingStatus } from "./booking-status";
import { DEFAULT_CANCELLATION_POLICY, hoursBeforeStart, quoteCancellation, quoteNoShow, type CancellationPolicy } from "./cancellation";
import { at } from "./rule-test-fixtures";

// A 1 000 € session with a 300 € deposit.
const SESSION = { totalCents: 100_000, depositCents: 30_000 };
const M = 1 / 60;

describe("quoteCancellation with the default policy", () => {
  it.each<[string, number, number, number, number, number]>([
    ["a month before, deposit paid", 720, 30_000, 0, 30_000, 0],
    ["exactly 7 days before", 168, 30_000, 0, 30_000, 0],
    ["a minute under 7 days: half the deposit kept", 168 - M, 30_000, 15_000, 15_000, 0],
    ["5 days before", 120, 30_000, 15_000, 15_000, 0],
    ["exactly 3 days before: still half", 72, 30_000, 15_000, 15_000, 0],
    ["a minute under 3 days: the deposit kept", 72 - M, 30_000, 30_000, 0, 0],
    ["exactly 24 h before: the deposit kept", 24, 30_000, 30_000, 0, 0],
    ["a minute under 24 h: the whole session due", 24 - M, 30_000, 100_000, 0, 70_000],
    ["an hour after the start", -1, 30_000, 100_000, 0, 70_000],
    ["5 days before, nothing paid yet", 120, 0, 15_000, 0, 15_000],
    ["5 days before, paid in full", 120, 100_000, 15_000, 85_000, 0],
    ["2 days before, paid in full", 48, 100_000, 30_000, 70_000, 0],
  ])("%s", (_label, hours, paidCents, fee, refund, owed) => {
    const quote = quoteCancellation(DEFAULT_CANCELLATION_POLICY, "confirmed", hours, { ...SESSION, paidCents });
    expect(quote).toMatchObject({ kind: "policy", feeCents: fee, refundCents: refund, owedCents: owed, paidCents });
  });

  it.each<BookingStatus>(["hold", "conflict"])("releases a %s for free", (status) => {
    expect(quoteCancellation(DEFAULT_CANCELLATION_POLICY, status, 2, { ...SESSION, paidCents: 0 })).toMatchObject({ kind: "free", feeCents: 0, owedCents: 0 });
  });

  it("rounds half a deposit half up", () => {
    expect(quoteCancellation(DEFAULT_CANCELLATION_POLICY, "confirmed", 100, { totalCents: 89_883, depositCents: 26_965, paidCents: 0 }).feeCents).toBe(13_483);
  });
});

describe("quoteCancellation with a studio's own policy", () => {
  const policy: CancellationPolicy = {
    tiers: [
      { minHoursBefore: 0, charge: "session", percentBp: 5000 },
      { minHoursBefore: 48, charge: "deposit", percentBp: 0 },
    ],
    noShowPercentBp: 7500,
  };
  it.each([
    [49, 0],
    [48, 0],
    [47, 50_000],
    [0, 50_000],
    [-2, 50_000],
  ])("%i h before → fee %i", (hours, fee) => {
    expect(quoteCancellation(policy, "confirmed", hours, { ...SESSION, paidCents: 0 }).feeCents).toBe(fee);
  });

  it("charges its no-show share", () => {
    expect(quoteNoShow(policy, -1, { ...SESSION, paidCents: 30_000 })).toMatchObject({ kind: "no_show", feeCents: 75_000, owedCents: 45_000, refundCents: 0 });
  });
});

describe("quoteNoShow with the default policy", () => {
  it.each([
    [0, 100_000],
    [30_000, 70_000],
    [100_000, 0],
  ])("paid %i → owes %i", (paidCents, owed) => {
    expect(quoteNoShow(DEFAULT_CANCELLATION_POLICY, 0, { ...SESSION, paidCents })).toMatchObject({ feeCents: 100_000, owedCents: owed });
  });
});

describe("hoursBeforeStart, on the location's wall clock", () => {
  it.each([
    ["an ordinary week", "2026-06-01 10:00", "2026-06-08 10:00", "Europe/Paris", 168],
    // 22 → 29 March 2026 is 167 real hours in Paris, but seven days on the studio's calendar.
    ["a week across the spring change", "2026-03-22 10:00", "2026-03-29 10:00", "Europe/Paris", 168],
    ["a week across the autumn change", "2026-10-18 10:00", "2026-10-25 10:00", "Europe/Paris", 168],
    ["New York, across its spring change", "2026-03-05 09:00", "2026-03-08 09:00", "America/New_York", 72],
    ["after the start", "2026-06-01 12:00", "2026-06-01 10:00", "Europe/Paris", -2],
  ])("%s", (_label, now, start, tz, hours) => {
    expect(hoursBeforeStart(tz, at(now, tz), at(start, tz))).toBe(hours);
  });

  it("keeps the full refund for a cancellation seven calendar days before, across DST", () => {
    const hours = hoursBeforeStart("Europe/Paris", at("2026-03-22 10:00"), at("2026-03-29 10:00"));
    expect(quoteCancellation(DEFAULT_CANCELLATION_POLICY, "confirmed", hours, { ...SESSION, paidCents: 30_000 }).refundCents).toBe(30_000);
  });
});
