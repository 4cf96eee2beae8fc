import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../zoned-time";
import { dayOf, dayStartMs, gridEndMs, gridStartMs, hourGrid, slotOf, spreadOverSlots } from "./hour-grid";

const hours = (ms: number) => ms / HOUR_MS;

describe("hourGrid", () => {
  it.each([
    ["an ordinary Paris week", "Europe/Paris", "2026-03-16", "2026-03-23", 168],
    ["the Paris week clocks go forward (29 March)", "Europe/Paris", "2026-03-23", "2026-03-30", 167],
    ["the Paris week clocks go back (25 October)", "Europe/Paris", "2026-10-19", "2026-10-26", 169],
    ["the New York week clocks go forward (8 March)", "America/New_York", "2026-03-02", "2026-03-09", 167],
    ["March 2026 in Paris", "Europe/Paris", "2026-03-01", "2026-04-01", 743],
    ["October 2026 in London", "Europe/London", "2026-10-01", "2026-11-01", 745],
  ])("%s lasts %i hours", (_name, tz, from, to, expected) => {
    const grid = hourGrid(tz, from, to);
    expect(hours(gridEndMs(grid) - gridStartMs(grid))).toBe(expected);
  });

  it("gives the skipped hour no time and the repeated one two hours", () => {
    const spring = hourGrid("Europe/Paris", "2026-03-29", "2026-03-30");
    expect(hours(spring.starts[3]! - spring.starts[2]!)).toBe(0);
    expect(new Date(spring.starts[2]!).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    const autumn = hourGrid("Europe/Paris", "2026-10-25", "2026-10-26");
    expect(hours(autumn.starts[3]! - autumn.starts[2]!)).toBe(2);
    expect(hours(dayStartMs(autumn, 1) - dayStartMs(autumn, 0))).toBe(25);
  });

  it("finds the local slot and day of an instant, and nothing outside the period", () => {
    const grid = hourGrid("Europe/Paris", "2026-03-28", "2026-03-30");
    // 29 March 03:30 CEST = 01:30 UTC: day 1, hour 3 (hour 2 does not exist that night).
    const ms = Date.parse("2026-03-29T01:30:00Z");
    expect(slotOf(grid, ms)).toBe(24 + 3);
    expect(dayOf(grid, ms)).toBe(1);
    expect(slotOf(grid, gridStartMs(grid) - 1)).toBe(-1);
    expect(slotOf(grid, gridEndMs(grid))).toBe(-1);
  });

  it("spreads a span over the hours it covers, clipped to the period", () => {
    const grid = hourGrid("Europe/Paris", "2026-10-25", "2026-10-26");
    const seen: [number, number][] = [];
    // 01:30 CEST to 03:30 CET: 30 min in hour 1, both 02:00 hours, 30 min in hour 3.
    spreadOverSlots(grid, Date.parse("2026-10-24T23:30:00Z"), Date.parse("2026-10-25T02:30:00Z"), (slot, ms) => seen.push([slot, ms / 60_000]));
    expect(seen).toEqual([[1, 30], [2, 120], [3, 30]]);
    const clipped: number[] = [];
    spreadOverSlots(grid, gridStartMs(grid) - HOUR_MS, gridStartMs(grid) + HOUR_MS, (slot) => clipped.push(slot));
    expect(clipped).toEqual([0]);
  });
});
