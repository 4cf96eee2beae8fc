import { addDays, daysBetween } from "../zoned-time";
import type { Period } from "./report-input";

/** The period of the same number of days just before `period` (a 31-day March compares with 31 days before it). */
export function previousPeriod(period: Period): Period {
  return { from: addDays(period.from, -daysBetween(period.from, period.to)), to: period.from };
}

export interface Change {
  current: number;
  previous: number;
  delta: number;
  /** delta ÷ previous; null when the previous figure was 0. */
  ratio: number | null;
}

/** Every numeric figure of `current` beside `previous` (nulls, e.g. a utilisation with nothing open, are left out). */
export function changes<T extends object>(current: T, previous: T): Record<string, Change> {
  const out: Record<string, Change> = {};
  for (const [key, value] of Object.entries(current)) {
    const before = (previous as Record<string, unknown>)[key];
    if (typeof value !== "number" || typeof before !== "number") continue;
    out[key] = { current: value, previous: before, delta: value - before, ratio: before !== 0 ? (value - before) / before : null };
  }
  return out;
}
