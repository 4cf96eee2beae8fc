import { describe, expect, it } from "vitest";
import { wallTime, zonedToInstant } from "../zoned-time";
import { expandSeries, formatRrule, parseRrule, shiftRuleDays, withCount, type RecurrenceRule, type SeriesStart } from "./rrule";

const rule = (text: string): RecurrenceRule => {
  const parsed = parseRrule(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
  return parsed.rule;
};
const H = 3_600_000;
const paris = (firstDate: string, hhmm: string, hours = 8): SeriesStart => ({
  timeZone: "Europe/Paris", firstDate, startMinute: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), durationMs: hours * H,
});

describe("parseRrule", () => {
  it.each<[string, RecurrenceRule]>([
    ["FREQ=WEEKLY;COUNT=4", { freq: "WEEKLY", interval: 1, count: 4, until: null, byDay: null }],
    ["RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE,MO;UNTIL=20261231", { freq: "WEEKLY", interval: 2, count: null, until: { date: "2026-12-31" }, byDay: ["mon", "wed"] }],
    ["freq=daily;count=5;byday=mo,tu,we,th,fr", { freq: "DAILY", interval: 1, count: 5, until: null, byDay: ["mon", "tue", "wed", "thu", "fri"] }],
    ["FREQ=DAILY;UNTIL=20260410T080000Z", { freq: "DAILY", interval: 1, count: null, until: { ms: Date.UTC(2026, 3, 10, 8) }, byDay: null }],
    ["FREQ=WEEKLY;WKST=MO;COUNT=2", { freq: "WEEKLY", interval: 1, count: 2, until: null, byDay: null }],
  ])("%s", (text, expected) => {
    expect(parseRrule(text)).toEqual({ ok: true, rule: expected });
  });

  it.each([
    ["FREQ=MONTHLY;COUNT=3", "v.rrule"],
    ["FREQ=WEEKLY", "v.rruleEnd"],
    ["FREQ=WEEKLY;COUNT=3;UNTIL=20261231", "v.rrule"],
    ["FREQ=WEEKLY;COUNT=0", "v.rrule"],
    ["FREQ=WEEKLY;COUNT=367", "v.rruleTooMany"],
    ["FREQ=WEEKLY;INTERVAL=0;COUNT=2", "v.rrule"],
    ["FREQ=WEEKLY;BYDAY=1MO;COUNT=2", "v.rrule"],
    ["FREQ=WEEKLY;BYDAY=MO,MO;COUNT=2", "v.rrule"],
    ["FREQ=WEEKLY;BYMONTH=3;COUNT=2", "v.rrule"],
    ["FREQ=WEEKLY;UNTIL=20260230", "v.rrule"],
    ["FREQ=WEEKLY;WKST=SU;COUNT=2", "v.rrule"],
    ["FREQ=WEEKLY;COUNT=2;COUNT=3", "v.rrule"],
    ["", "v.rrule"],
  ])("refuses %s (%s)", (text, message) => {
    expect(parseRrule(text)).toEqual({ ok: false, message });
  });

  it.each(["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20261231", "FREQ=DAILY;COUNT=5", "FREQ=DAILY;UNTIL=20260410T080000Z"])("formats %s back", (text) => {
    expect(formatRrule(rule(text))).toBe(text);
  });
});

describe("expandSeries", () => {
  const dates = (r: string, start: SeriesStart) => expandSeries(rule(r), start).occurrences.map((o) => o.date);

  it.each<[string, string, SeriesStart, string[]]>([
    ["weekly, 4 times", "FREQ=WEEKLY;COUNT=4", paris("2026-06-01", "10:00"), ["2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22"]],
    ["every other week", "FREQ=WEEKLY;INTERVAL=2;COUNT=3", paris("2026-06-01", "10:00"), ["2026-06-01", "2026-06-15", "2026-06-29"]],
    ["Monday and Thursday", "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5", paris("2026-06-01", "10:00"), ["2026-06-01", "2026-06-04", "2026-06-08", "2026-06-11", "2026-06-15"]],
    ["every other week on Mon and Wed", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=4", paris("2026-06-03", "10:00"), ["2026-06-03", "2026-06-15", "2026-06-17", "2026-06-29"]],
    ["DTSTART counts even off-pattern", "FREQ=WEEKLY;BYDAY=MO;COUNT=3", paris("2026-06-03", "10:00"), ["2026-06-03", "2026-06-08", "2026-06-15"]],
    ["daily on weekdays", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=6", paris("2026-06-04", "10:00"), ["2026-06-04", "2026-06-05", "2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11"]],
    ["every third day", "FREQ=DAILY;INTERVAL=3;COUNT=3", paris("2026-06-29", "10:00"), ["2026-06-29", "2026-07-02", "2026-07-05"]],
    ["until a date, inclusive", "FREQ=WEEKLY;UNTIL=20260615", paris("2026-06-01", "10:00"), ["2026-06-01", "2026-06-08", "2026-06-15"]],
    // 10:00 Paris is 08:00 UTC in June: an UNTIL at 08:00 UTC includes that day, at 07:59 it does not.
    ["until an instant, inclusive", "FREQ=DAILY;UNTIL=20260603T080000Z", paris("2026-06-01", "10:00"), ["2026-06-01", "2026-06-02", "2026-06-03"]],
    ["until an instant, a minute short", "FREQ=DAILY;UNTIL=20260603T075900Z", paris("2026-06-01", "10:00"), ["2026-06-01", "2026-06-02"]],
    ["across a year end", "FREQ=WEEKLY;COUNT=3", paris("2026-12-21", "10:00"), ["2026-12-21", "2026-12-28", "2027-01-04"]],
  ])("%s", (_label, r, start, expected) => {
    expect(dates(r, start)).toEqual(expected);
  });

  it.each<[string, string, string[], string[]]>([
    // Paris changes on 29 March and 25 October 2026: 10:00 stays 10:00, the UTC instant moves.
    ["Paris, spring", "2026-03-16", ["09:00", "09:00", "08:00", "08:00"], ["2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06"]],
    ["Paris, autumn", "2026-10-19", ["08:00", "09:00", "09:00", "09:00"], ["2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09"]],
  ])("a weekly 10:00 session across the DST change (%s)", (_label, first, utcTimes, expectedDates) => {
    const { occurrences } = expandSeries(rule("FREQ=WEEKLY;COUNT=4"), paris(first, "10:00", 8));
    expect(occurrences.map((o) => o.date)).toEqual(expectedDates);
    expect(occurrences.map((o) => wallTime("Europe/Paris", o.startMs))).toEqual(["10:00", "10:00", "10:00", "10:00"]);
    expect(occurrences.map((o) => wallTime("UTC", o.startMs))).toEqual(utcTimes);
    expect(occurrences.map((o) => wallTime("Europe/Paris", o.endMs))).toEqual(["18:00", "18:00", "18:00", "18:00"]);
    expect(new Set(occurrences.map((o) => o.endMs - o.startMs))).toEqual(new Set([8 * H]));
  });

  it("moves the UTC instant by an hour in New York's spring change", () => {
    const start: SeriesStart = { timeZone: "America/New_York", firstDate: "2026-03-01", startMinute: 600, durationMs: 2 * H };
    const { occurrences } = expandSeries(rule("FREQ=WEEKLY;COUNT=3"), start);
    expect(occurrences.map((o) => new Date(o.startMs).toISOString())).toEqual([
      "2026-03-01T15:00:00.000Z", "2026-03-08T14:00:00.000Z", "2026-03-15T14:00:00.000Z",
    ]);
  });

  it("keeps a session that starts in the skipped hour its length (02:30 is read as 03:30)", () => {
    const { occurrences } = expandSeries(rule("FREQ=WEEKLY;COUNT=2"), paris("2026-03-22", "02:30", 2));
    expect(occurrences[1]).toMatchObject({ date: "2026-03-29", startMs: zonedToInstant("Europe/Paris", "2026-03-29", 210), endMs: Date.UTC(2026, 2, 29, 3, 30) });
  });

  it("numbers occurrences from 1", () => {
    expect(expandSeries(rule("FREQ=DAILY;COUNT=3"), paris("2026-06-01", "10:00")).occurrences.map((o) => o.seq)).toEqual([1, 2, 3]);
  });

  it("stops at the cap instead of building an endless series", () => {
    const result = expandSeries(rule("FREQ=DAILY;UNTIL=20300101"), paris("2026-06-01", "10:00"));
    expect(result.tooMany).toBe(true);
  });
});

describe("rewriting a rule", () => {
  it.each([
    ["FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4", 1, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4"],
    ["FREQ=WEEKLY;BYDAY=SA,SU;COUNT=4", 1, "FREQ=WEEKLY;BYDAY=MO,SU;COUNT=4"],
    ["FREQ=WEEKLY;BYDAY=MO;COUNT=4", -1, "FREQ=WEEKLY;BYDAY=SU;COUNT=4"],
    ["FREQ=WEEKLY;COUNT=4", 3, "FREQ=WEEKLY;COUNT=4"],
    ["FREQ=WEEKLY;BYDAY=MO;COUNT=4", 7, "FREQ=WEEKLY;BYDAY=MO;COUNT=4"],
  ])("%s shifted by %i day(s) → %s", (text, days, expected) => {
    expect(formatRrule(shiftRuleDays(rule(text), days))).toBe(expected);
  });

  it("limits a rule to a count", () => {
    expect(formatRrule(withCount(rule("FREQ=WEEKLY;UNTIL=20261231"), 3))).toBe("FREQ=WEEKLY;COUNT=3");
  });
});
