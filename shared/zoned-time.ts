import { tzOffset } from "@date-fns/tz";
import type { Weekday } from "./schemas/opening-hours";

/**
 * Wall-clock time in a location's IANA zone ↔ UTC instants (epoch ms). Dates are the location's
 * calendar dates ("2026-03-29"); times of day are minutes since local midnight (1440 = "24:00").
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * How to read a wall time that does not exist because clocks jump forward (02:30 in Paris on the
 * last Sunday of March):
 * - "later": as RFC 5545 and Temporal do, with the offset in force before the jump, so 02:30 is
 *   03:30 summer time and a session keeps its length (recurring sessions);
 * - "clock": the instant the wall clock passes that time, i.e. the jump itself (03:00), which is
 *   when "we close at 02:30" really happens (opening hours).
 * A wall time that happens twice (clocks go back) is always its first occurrence.
 */
export type GapPolicy = "later" | "clock";

const offsetMs = (timeZone: string, ms: number): number => Math.round(tzOffset(timeZone, new Date(ms)) * MINUTE_MS);

/** Epoch ms of `date` at midnight, read as if UTC: arithmetic on calendar dates without a zone. */
export const dateToDayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
export const dayMsToDate = (dayMs: number): string => new Date(dayMs).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return dayMsToDate(dateToDayMs(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dateToDayMs(to) - dateToDayMs(from)) / DAY_MS);
}

const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
export function weekdayOf(date: string): Weekday {
  return WEEKDAY_BY_UTC_DAY[new Date(dateToDayMs(date)).getUTCDay()]!;
}

/** The instant at which the location's wall clock reads `date` + `minuteOfDay`. */
export function zonedToInstant(timeZone: string, date: string, minuteOfDay: number, gap: GapPolicy = "later"): number {
  const local = dateToDayMs(date) + minuteOfDay * MINUTE_MS;
  // Offsets a day either side bracket any transition near this wall time (zones change at most
  // once in a few weeks), so the two candidate instants are local minus each of them.
  const before = offsetMs(timeZone, local - DAY_MS);
  const after = offsetMs(timeZone, local + DAY_MS);
  let first = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const t = local - offset;
    if (offsetMs(timeZone, t) === offset && t < first) first = t;
  }
  if (first !== Number.POSITIVE_INFINITY) return first;
  if (gap === "later") return local - before;
  // The jump lies between local - after (old offset still in force) and local - before (new one).
  let lo = local - after;
  let hi = local - before;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMs(timeZone, mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The wall clock of `ms` in the zone, as epoch ms read as if UTC (so UTC getters give local fields). */
export function localMs(timeZone: string, ms: number): number {
  return ms + offsetMs(timeZone, ms);
}

export function wallDate(timeZone: string, ms: number): string {
  return dayMsToDate(localMs(timeZone, ms));
}

/** "HH:MM" of the instant on the location's wall clock. */
export function wallTime(timeZone: string, ms: number): string {
  return new Date(localMs(timeZone, ms)).toISOString().slice(11, 16);
}

/** Minutes since local midnight of the instant. */
export function wallMinutes(timeZone: string, ms: number): number {
  const local = localMs(timeZone, ms);
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** [start, end) of a run of local calendar days, as instants: a DST day is 23 or 25 hours long. */
export function localDaysRange(timeZone: string, firstDate: string, days: number): { startMs: number; endMs: number } {
  return {
    startMs: zonedToInstant(timeZone, firstDate, 0, "clock"),
    endMs: zonedToInstant(timeZone, addDays(firstDate, days), 0, "clock"),
  };
}

/** Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  const idx = new Date(dateToDayMs(date)).getUTCDay();
  return addDays(date, -((idx + 6) % 7));
}
