import { describe, expect, it } from "vitest";
import type { LocationInfo } from "../booking-types";
import { NEW_YORK, PARIS, candidate, context } from "../rule-test-fixtures";
import { zonedToInstant } from "../../zoned-time";
import { checkOpeningHours } from "./opening-hours-rule";

const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const instant = (tz: string, text: string) => {
  const [date, time] = text.split(" ") as [string, string];
  return zonedToInstant(tz, date, hm(time));
};
const utc = (text: string) => Date.parse(text);

type Expect = [] | [code: string, date: string, at?: string];

describe("rule 3: opening hours and closures, on the location's wall clock", () => {
  it.each<[string, LocationInfo, number, number, Expect]>([
    ["inside a weekday's hours", PARIS, instant("Europe/Paris", "2026-06-03 14:00"), instant("Europe/Paris", "2026-06-03 16:00"), []],
    ["ending exactly at closing", PARIS, instant("Europe/Paris", "2026-06-03 20:00"), instant("Europe/Paris", "2026-06-03 22:00"), []],
    ["starting exactly at opening", PARIS, instant("Europe/Paris", "2026-06-03 10:00"), instant("Europe/Paris", "2026-06-03 12:00"), []],
    ["before opening", PARIS, instant("Europe/Paris", "2026-06-03 09:00"), instant("Europe/Paris", "2026-06-03 11:00"), ["OUTSIDE_HOURS", "2026-06-03", "09:00"]],
    ["after closing", PARIS, instant("Europe/Paris", "2026-06-03 21:00"), instant("Europe/Paris", "2026-06-03 22:30"), ["OUTSIDE_HOURS", "2026-06-03", "22:00"]],
    // Friday open until 24:00, Saturday from 00:00 to 02:00: one night session.
    ["across midnight into a late night", PARIS, instant("Europe/Paris", "2026-06-05 22:00"), instant("Europe/Paris", "2026-06-06 02:00"), []],
    ["across midnight, past the late night", PARIS, instant("Europe/Paris", "2026-06-05 22:00"), instant("Europe/Paris", "2026-06-06 03:00"), ["OUTSIDE_HOURS", "2026-06-06", "02:00"]],
    ["across midnight from a day closing at 22:00", PARIS, instant("Europe/Paris", "2026-06-04 21:00"), instant("Europe/Paris", "2026-06-05 01:00"), ["OUTSIDE_HOURS", "2026-06-04", "22:00"]],
    ["Saturday night into Sunday", PARIS, instant("Europe/Paris", "2026-06-06 23:00"), instant("Europe/Paris", "2026-06-07 01:00"), []],
    ["a Sunday afternoon (closed but for the late night)", PARIS, instant("Europe/Paris", "2026-06-07 10:00"), instant("Europe/Paris", "2026-06-07 12:00"), ["OUTSIDE_HOURS", "2026-06-07", "10:00"]],
    ["on a closure day", PARIS, instant("Europe/Paris", "2026-12-24 14:00"), instant("Europe/Paris", "2026-12-24 16:00"), ["LOCATION_CLOSED", "2026-12-24"]],
    ["across midnight into a closure day", PARIS, instant("Europe/Paris", "2026-06-12 22:00"), instant("Europe/Paris", "2026-06-13 01:00"), ["LOCATION_CLOSED", "2026-06-13"]],
    ["the evening before a closure", PARIS, instant("Europe/Paris", "2026-06-12 20:00"), instant("Europe/Paris", "2026-06-12 24:00"), []],
    // Paris, 29 March 2026: clocks jump 02:00 → 03:00, so the late night closes at 01:00 UTC.
    ["DST spring night: until the jump", PARIS, instant("Europe/Paris", "2026-03-28 22:00"), utc("2026-03-29T01:00:00Z"), []],
    ["DST spring night: 03:30 summer time is past closing", PARIS, instant("Europe/Paris", "2026-03-28 22:00"), utc("2026-03-29T01:30:00Z"), ["OUTSIDE_HOURS", "2026-03-29", "03:00"]],
    ["DST spring night: the same wall hours a week before", PARIS, instant("Europe/Paris", "2026-03-21 22:00"), instant("Europe/Paris", "2026-03-22 02:00"), []],
    // Paris, 25 October 2026: 03:00 → 02:00; the late night closes when clocks first read 02:00.
    ["DST autumn night: until the first 02:00", PARIS, instant("Europe/Paris", "2026-10-24 22:00"), utc("2026-10-25T00:00:00Z"), []],
    ["DST autumn night: the second 02:00 is past closing", PARIS, instant("Europe/Paris", "2026-10-24 22:00"), utc("2026-10-25T01:00:00Z"), ["OUTSIDE_HOURS", "2026-10-25", "02:00"]],
    // New York, 8 March 2026 (02:00 → 03:00) and 1 November 2026 (02:00 → 01:00), open all Sunday.
    ["NY spring Sunday: 00:00–06:00 (five real hours)", NEW_YORK, instant("America/New_York", "2026-03-08 00:00"), instant("America/New_York", "2026-03-08 06:00"), []],
    ["NY spring: Saturday night across the jump", NEW_YORK, instant("America/New_York", "2026-03-07 20:00"), instant("America/New_York", "2026-03-08 04:00"), []],
    ["NY autumn Sunday: the whole 25-hour day", NEW_YORK, instant("America/New_York", "2026-11-01 00:00"), instant("America/New_York", "2026-11-02 00:00"), []],
    ["NY autumn: into Monday before opening", NEW_YORK, instant("America/New_York", "2026-11-01 20:00"), instant("America/New_York", "2026-11-02 00:30"), ["OUTSIDE_HOURS", "2026-11-02", "00:00"]],
    ["NY: a weekday evening past closing", NEW_YORK, instant("America/New_York", "2026-11-03 21:00"), instant("America/New_York", "2026-11-03 23:00"), ["OUTSIDE_HOURS", "2026-11-03", "22:00"]],
  ])("%s", (_label, location, startMs, endMs, expected) => {
    const failures = checkOpeningHours(candidate({ locationId: location.id, startMs, endMs }), context({ location }));
    if (expected.length === 0) return expect(failures).toEqual([]);
    const [code, date, time] = expected;
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code, date, params: { date, location: location.name } });
    if (time) expect(failures[0]!.params.at).toBe(time);
  });

  it("gives the day's hours and the closure's reason for the message", () => {
    const closed = checkOpeningHours(candidate({ startMs: instant("Europe/Paris", "2026-12-25 14:00"), endMs: instant("Europe/Paris", "2026-12-25 15:00") }), context());
    expect(closed[0]).toMatchObject({ messageKey: "booking.rule.LOCATION_CLOSED", params: { reason: "Noël" } });
    const outside = checkOpeningHours(candidate({ startMs: instant("Europe/Paris", "2026-06-06 08:00"), endMs: instant("Europe/Paris", "2026-06-06 12:00") }), context());
    expect(outside[0]!.params.hours).toBe("00:00–02:00, 10:00–24:00");
  });
});
