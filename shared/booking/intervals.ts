import type { Interval } from "./booking-types";

/** Half-open spans overlap when each starts before the other ends: back-to-back spans do not. */
export const overlaps = (a: Interval, b: Interval): boolean => a.startMs < b.endMs && b.startMs < a.endMs;

/** Sorted, with touching or overlapping spans joined (Friday until 24:00 + Saturday from 00:00 is one span). */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = [...list].filter((i) => i.endMs > i.startMs).sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else out.push({ startMs: i.startMs, endMs: i.endMs });
  }
  return out;
}

/** The first instant of [startMs, endMs) that no span of `merged` covers, or null when it is all covered. */
export function firstUncovered(merged: readonly Interval[], startMs: number, endMs: number): number | null {
  let cursor = startMs;
  for (const i of merged) {
    if (i.endMs <= cursor) continue;
    if (i.startMs > cursor) return cursor;
    cursor = i.endMs;
    if (cursor >= endMs) return null;
  }
  return cursor < endMs ? cursor : null;
}
