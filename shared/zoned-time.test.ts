import { describe, expect, it } from "vitest";
import {
  addDays, daysBetween, localDaysRange, mondayOf, wallDate, wallMinutes, wallTime, weekdayOf, zonedToInstant, type GapPolicy,
} from "./zoned-time";

const iso = (ms: number) => new Date(ms).toISOString();
const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

describe("zonedToInstant", () => {
  it.each<[string, string, string, string, GapPolicy | undefined]>([
    // Ordinary days, winter and summer.
    ["Europe/Paris", "2026-01-15", "10:00", "2026-01-15T09:00:00.000Z", undefined],
    ["Europe/Paris", "2026-07-15", "10:00", "2026-07-15T08:00:00.000Z", undefined],
    ["America/New_York", "2026-01-15", "10:00", "2026-01-15T15:00:00.000Z", undefined],
    ["America/New_York", "2026-07-15", "10:00", "2026-07-15T14:00:00.000Z", undefined],
    ["UTC", "2026-07-15", "10:00", "2026-07-15T10:00:00.000Z", undefined],
    // Paris, 29 March 2026: 02:00 → 03:00. Before and after the jump.
    ["Europe/Paris", "2026-03-29", "01:59", "2026-03-29T00:59:00.000Z", undefined],
    ["Europe/Paris", "2026-03-29", "03:00", "2026-03-29T01:00:00.000Z", undefined],
    // Inside the gap: "later" keeps the old offset (03:30 CEST), "clock" is the jump itself.
    ["Europe/Paris", "2026-03-29", "02:30", "2026-03-29T01:30:00.000Z", "later"],
    ["Europe/Paris", "2026-03-29", "02:30", "2026-03-29T01:00:00.000Z", "clock"],
    ["Europe/Paris", "2026-03-29", "02:00", "2026-03-29T01:00:00.000Z", "clock"],
    // Paris, 25 October 2026: 03:00 → 02:00. The repeated 02:30 is its first occurrence (CEST).
    ["Europe/Paris", "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z", "later"],
    ["Europe/Paris", "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z", "clock"],
    ["Europe/Paris", "2026-10-25", "03:00", "2026-10-25T02:00:00.000Z", undefined],
    // New York, 8 March 2026: 02:00 → 03:00; 1 November 2026: 02:00 → 01:00.
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00.000Z", "later"],
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00.000Z", "clock"],
    ["America/New_York", "2026-03-08", "10:00", "2026-03-08T14:00:00.000Z", undefined],
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z", undefined],
    ["America/New_York", "2026-11-01", "10:00", "2026-11-01T15:00:00.000Z", undefined],
    // 24:00 is the next day's midnight.
    ["Europe/Paris", "2026-03-28", "24:00", "2026-03-28T23:00:00.000Z", "clock"],
    ["Europe/Paris", "2026-03-29", "24:00", "2026-03-29T22:00:00.000Z", "clock"],
  ])("%s %s %s → %s (%s)", (tz, date, time, expected, gap) => {
    expect(iso(zonedToInstant(tz, date, hm(time), gap))).toBe(expected);
  });
});

describe("wall clock of an instant", () => {
  it.each([
    ["Europe/Paris", "2026-03-29T00:59:00Z", "2026-03-29", "01:59"],
    ["Europe/Paris", "2026-03-29T01:00:00Z", "2026-03-29", "03:00"],
    ["Europe/Paris", "2026-10-25T00:30:00Z", "2026-10-25", "02:30"],
    ["Europe/Paris", "2026-10-25T01:30:00Z", "2026-10-25", "02:30"],
    ["Europe/Paris", "2026-06-01T22:30:00Z", "2026-06-02", "00:30"],
    ["America/New_York", "2026-06-02T02:30:00Z", "2026-06-01", "22:30"],
  ])("%s %s → %s %s", (tz, instant, date, time) => {
    const ms = Date.parse(instant);
    expect(wallDate(tz, ms)).toBe(date);
    expect(wallTime(tz, ms)).toBe(time);
    expect(wallMinutes(tz, ms)).toBe(hm(time));
  });
});

describe("local days", () => {
  it.each([
    ["Europe/Paris", "2026-03-29", 1, 23],
    ["Europe/Paris", "2026-10-25", 1, 25],
    ["Europe/Paris", "2026-06-01", 7, 168],
    ["Europe/Paris", "2026-03-23", 7, 167],
    ["America/New_York", "2026-03-08", 1, 23],
    ["America/New_York", "2026-11-01", 1, 25],
  ])("%s from %s for %i day(s) is %i hours", (tz, date, days, hours) => {
    const { startMs, endMs } = localDaysRange(tz, date, days);
    expect((endMs - startMs) / 3_600_000).toBe(hours);
    expect(wallTime(tz, startMs)).toBe("00:00");
  });

  it.each([
    ["2026-03-29", "sun", "2026-03-23"],
    ["2026-03-30", "mon", "2026-03-30"],
    ["2026-01-01", "thu", "2025-12-29"],
  ])("%s is a %s in the week of %s", (date, weekday, monday) => {
    expect(weekdayOf(date)).toBe(weekday);
    expect(mondayOf(date)).toBe(monday);
  });

  it("adds and counts calendar days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});
