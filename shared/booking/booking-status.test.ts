import { describe, expect, it } from "vitest";
import { BLOCKS_FOREVER, BOOKING_STATUSES, blocksUntil, canTransition, isBlocking, nextStatuses, type BookingStatus } from "./booking-status";

describe("status transitions", () => {
  const ALLOWED: [BookingStatus, BookingStatus[]][] = [
    ["hold", ["confirmed", "cancelled"]],
    ["confirmed", ["checked_in", "cancelled", "no_show"]],
    ["checked_in", ["completed"]],
    ["completed", []],
    ["cancelled", []],
    ["no_show", []],
    ["conflict", ["confirmed", "cancelled"]],
  ];

  it.each(ALLOWED)("a person may take %s to %j", (from, to) => {
    expect(nextStatuses(from)).toEqual(to);
  });

  it.each(BOOKING_STATUSES.flatMap((from) => BOOKING_STATUSES.map((to) => [from, to] as const)))("%s → %s", (from, to) => {
    const expected = ALLOWED.find(([f]) => f === from)![1].includes(to);
    expect(canTransition(from, to)).toBe(expected);
  });

  it.each<[BookingStatus, boolean]>([
    ["hold", true],
    ["confirmed", true],
    ["checked_in", true],
    ["completed", false],
    ["cancelled", false],
  ])("only sync marks a %s booking as conflict (%s)", (from, allowed) => {
    expect(canTransition(from, "conflict", "user")).toBe(false);
    expect(canTransition(from, "conflict", "sync")).toBe(allowed);
  });
});

describe("what blocks", () => {
  const NOW = Date.UTC(2026, 5, 1, 9);
  it.each<[BookingStatus, number | null, number, boolean]>([
    ["confirmed", null, BLOCKS_FOREVER, true],
    ["checked_in", null, BLOCKS_FOREVER, true],
    ["completed", null, BLOCKS_FOREVER, true],
    ["hold", NOW + 1, NOW + 1, true],
    ["hold", NOW, NOW, false],
    ["hold", NOW - 1, NOW - 1, false],
    ["cancelled", null, 0, false],
    ["no_show", null, 0, false],
    ["conflict", null, 0, false],
  ])("%s with hold expiry %s blocks until %s (now: %s)", (status, expiry, until, blocking) => {
    expect(blocksUntil(status, expiry)).toBe(until);
    expect(isBlocking(status, expiry, NOW)).toBe(blocking);
  });
});
