import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wallDate, wallMinutes, zonedToInstant } from "../zoned-time";
import { foldLine } from "./ics";
import { firstUncovered, mergeIntervals, overlaps } from "./intervals";
import { timeCharge } from "./pricing";
import { expandSeries, parseRrule } from "./rrule";
import { peakUse } from "./rules/gear-available";

/** Properties over many generated cases, beside the tables of chosen ones. */

const ZONES = ["Europe/Paris", "America/New_York", "Europe/London", "Australia/Sydney", "UTC"];
const MINUTE = 60_000;
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => Math.floor(ms / MINUTE) * MINUTE);

describe("zoned time", () => {
  it("reads an instant's wall clock back to the same wall clock (the first of a repeated hour)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (tz, ms) => {
        const back = zonedToInstant(tz, wallDate(tz, ms), wallMinutes(tz, ms));
        expect(back).toBeLessThanOrEqual(ms);
        expect(ms - back === 0 || ms - back === 3_600_000).toBe(true);
        expect([wallDate(tz, back), wallMinutes(tz, back)]).toEqual([wallDate(tz, ms), wallMinutes(tz, ms)]);
      }),
    );
  });

  it("never goes backwards as the wall clock moves forward in a day", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1440 }), (tz, ms, a, b) => {
        const date = wallDate(tz, ms);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(zonedToInstant(tz, date, lo, "clock")).toBeLessThanOrEqual(zonedToInstant(tz, date, hi, "clock"));
      }),
    );
  });
});

describe("intervals and gear", () => {
  const span = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 30 })).map(([s, l]) => ({ startMs: s, endMs: s + l }));

  it("finds an uncovered instant exactly when some minute of the range lies outside every span", () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 6 }), span, (spans, range) => {
        const merged = mergeIntervals(spans);
        const gap = firstUncovered(merged, range.startMs, range.endMs);
        const covered = (t: number) => spans.some((s) => s.startMs <= t && t < s.endMs);
        const firstFree = Array.from({ length: range.endMs - range.startMs }, (_, i) => range.startMs + i).find((t) => !covered(t)) ?? null;
        expect(gap).toBe(firstFree);
      }),
    );
  });

  it("counts the peak use of gear like a minute-by-minute count", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(span, fc.integer({ min: 1, max: 3 })), { maxLength: 8 }), span, (uses, window) => {
        const list = uses.map(([s, quantity]) => ({ ...s, quantity, bookingId: null, label: "" }));
        let brute = 0;
        for (let t = window.startMs; t < window.endMs; t++) {
          brute = Math.max(brute, list.filter((u) => u.startMs <= t && t < u.endMs).reduce((n, u) => n + u.quantity, 0));
        }
        expect(peakUse(list, window).peak).toBe(brute);
      }),
    );
  });

  it("overlap is symmetric and back-to-back spans never overlap", () => {
    fc.assert(
      fc.property(span, span, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        expect(overlaps(a, { startMs: a.endMs, endMs: a.endMs + 5 })).toBe(false);
      }),
    );
  });
});

describe("pricing", () => {
  const rates = fc
    .tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }))
    .filter(([, half, day]) => day === 0 || half <= day)
    .map(([hourlyRateCents, halfDayRateCents, dayRateCents]) => ({ hourlyRateCents, halfDayRateCents, dayRateCents }));

  it("never charges less for a longer session", () => {
    fc.assert(
      fc.property(rates, fc.integer({ min: 1, max: 1439 }), fc.integer({ min: 1, max: 120 }), (r, minutes, more) => {
        expect(timeCharge(minutes + more, r, "hourly").cents).toBeGreaterThanOrEqual(timeCharge(minutes, r, "hourly").cents);
      }),
    );
  });
});

describe("recurring series", () => {
  it("keeps every weekly occurrence at the first one's wall time, in any zone", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, fc.integer({ min: 8 * 60, max: 20 * 60 }), fc.integer({ min: 2, max: 30 }), (tz, ms, minute, count) => {
        const rule = parseRrule(`FREQ=WEEKLY;COUNT=${count}`);
        if (!rule.ok) throw new Error(rule.message);
        const { occurrences } = expandSeries(rule.rule, { timeZone: tz, firstDate: wallDate(tz, ms), startMinute: minute, durationMs: 2 * 3_600_000 });
        expect(occurrences).toHaveLength(count);
        for (const o of occurrences) expect(wallMinutes(tz, o.startMs)).toBe(minute);
      }),
    );
  });
});

describe("iCalendar folding", () => {
  it("folds any text into lines of at most 75 octets that unfold to it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const folded = foldLine(`DESCRIPTION:${text}`);
        for (const line of folded.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${text}`);
      }),
    );
  });
});
