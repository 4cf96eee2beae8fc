import { addDays, mondayOf } from "../zoned-time";
import type { Granularity } from "./report-input";

/** One bar of a series: local dates [from, to) clipped to the period, named by `key`. */
export interface Bucket {
  /** "2026-03-29" (day), "2026-03-23" (the ISO week's Monday), "2026-03" (month). */
  key: string;
  from: string;
  to: string;
}

const keyOf = (date: string, granularity: Granularity): string =>
  granularity === "day" ? date : granularity === "week" ? mondayOf(date) : date.slice(0, 7);

/**
 * The buckets of local dates [from, from + days), and for each day its bucket's index: a partial
 * week or month at either end is clipped to the period, never stretched past it.
 */
export function bucketsOf(from: string, days: number, granularity: Granularity): { buckets: Bucket[]; bucketOfDay: number[] } {
  const buckets: Bucket[] = [];
  const bucketOfDay: number[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(from, d);
    const key = keyOf(date, granularity);
    const last = buckets.at(-1);
    if (last && last.key === key) last.to = addDays(date, 1);
    else buckets.push({ key, from: date, to: addDays(date, 1) });
    bucketOfDay.push(buckets.length - 1);
  }
  return { buckets, bucketOfDay };
}
