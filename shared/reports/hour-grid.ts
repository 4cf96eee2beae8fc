import { HOUR_MS, addDays, daysBetween, zonedToInstant } from "../zoned-time";

/**
 * A period of local calendar days cut into the location's wall-clock hours. Slot k is hour k % 24
 * of day floor(k / 24) and runs from starts[k] to starts[k + 1]; the last entry is the period's end.
 * The hour clocks skip (02:00 on the spring-forward night) lasts 0 ms, the one they repeat (02:00
 * on the fall-back night) 2 h, so a DST week is 167 or 169 hours long.
 */
export interface HourGrid {
  timeZone: string;
  from: string;
  days: number;
  starts: number[];
}

/** The grid of local dates [from, to). */
export function hourGrid(timeZone: string, from: string, to: string): HourGrid {
  const days = daysBetween(from, to);
  const starts: number[] = [];
  let dayStart = zonedToInstant(timeZone, from, 0, "clock");
  for (let d = 0; d < days; d++) {
    const date = addDays(from, d);
    const next = zonedToInstant(timeZone, addDays(date, 1), 0, "clock");
    // A 24-hour day has no transition in it (zones change at most once in a day), so its hours
    // are plain multiples; only the few DST days need each hour read on the wall clock.
    if (next - dayStart === 24 * HOUR_MS) for (let h = 0; h < 24; h++) starts.push(dayStart + h * HOUR_MS);
    else for (let h = 0; h < 24; h++) starts.push(zonedToInstant(timeZone, date, h * 60, "clock"));
    dayStart = next;
  }
  starts.push(dayStart);
  return { timeZone, from, days, starts };
}

export const gridStartMs = (grid: HourGrid): number => grid.starts[0]!;
export const gridEndMs = (grid: HourGrid): number => grid.starts[grid.starts.length - 1]!;

/** The instant local day `day` (0-based, may be `days`) starts. */
export const dayStartMs = (grid: HourGrid, day: number): number => grid.starts[day * 24]!;

/** The slot holding instant `ms`, or -1 outside the period. */
export function slotOf(grid: HourGrid, ms: number): number {
  const s = grid.starts;
  if (ms < s[0]! || ms >= s[s.length - 1]!) return -1;
  let lo = 0;
  let hi = s.length - 2;
  // The last slot starting at or before ms: zero-length slots share their start with the next one.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The local day (0-based) holding instant `ms`, or -1 outside the period. */
export function dayOf(grid: HourGrid, ms: number): number {
  const slot = slotOf(grid, ms);
  return slot < 0 ? -1 : Math.floor(slot / 24);
}

/** Calls `visit(slot, ms)` for each slot [startMs, endMs) covers within the period, with the ms it covers there. */
export function spreadOverSlots(grid: HourGrid, startMs: number, endMs: number, visit: (slot: number, ms: number) => void): void {
  const s = grid.starts;
  let t = Math.max(startMs, s[0]!);
  const end = Math.min(endMs, s[s.length - 1]!);
  if (t >= end) return;
  for (let k = slotOf(grid, t); t < end; k++) {
    const slotEnd = Math.min(end, s[k + 1]!);
    if (slotEnd > t) visit(k, slotEnd - t);
    t = slotEnd;
  }
}
