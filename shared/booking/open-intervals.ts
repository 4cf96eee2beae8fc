import { toMinutes, type Closure, type WeeklyHours } from "../schemas/opening-hours";
import { addDays, daysBetween, weekdayOf, zonedToInstant } from "../zoned-time";
import type { Interval } from "./booking-types";
import { mergeIntervals } from "./intervals";

/** The closure (date override) covering a local date, if any: closures are whole calendar days. */
export function closureOn(closures: readonly Closure[], date: string): Closure | null {
  return closures.find((c) => c.from <= date && date <= c.to) ?? null;
}

/** The day's spans as text ("10:00–14:00, 15:00–24:00"); empty when closed. */
export function hoursText(hours: WeeklyHours, date: string): string {
  return [...hours[weekdayOf(date)]]
    .sort((a, b) => toMinutes(a.open) - toMinutes(b.open))
    .map((s) => `${s.open}–${s.close}`)
    .join(", ");
}

/**
 * When the location is open from local date `from` to `to` (inclusive), as merged UTC spans.
 * Each span is read on the wall clock of its own day ("clock" policy: a span closing at 02:30 on
 * the night clocks jump from 02:00 to 03:00 closes at the jump), so a 23- or 25-hour day comes out
 * right; "24:00" is the next midnight, which joins it to a next-day span opening at 00:00.
 */
export function openIntervals(timeZone: string, hours: WeeklyHours, closures: readonly Closure[], from: string, to: string): Interval[] {
  const spans: Interval[] = [];
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) {
    const date = addDays(from, i);
    if (closureOn(closures, date)) continue;
    for (const span of hours[weekdayOf(date)]) {
      spans.push({
        startMs: zonedToInstant(timeZone, date, toMinutes(span.open), "clock"),
        endMs: zonedToInstant(timeZone, date, toMinutes(span.close), "clock"),
      });
    }
  }
  return mergeIntervals(spans);
}
