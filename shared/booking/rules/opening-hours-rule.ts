import { wallDate, wallTime } from "../../zoned-time";
import type { BookingFailure, CandidateBooking, CheckContext } from "../booking-types";
import { firstUncovered } from "../intervals";
import { closureOn, hoursText, openIntervals } from "../open-intervals";
import { ruleFailure } from "../rule-failure";

/**
 * Rule 3: the session lies inside the location's opening hours, on its own wall clock, and on no
 * closure day. A session crossing midnight must fit the spans of every day it covers. Setup and
 * teardown buffers may run outside opening hours (the staff is there, the client is not).
 */
export function checkOpeningHours(c: CandidateBooking, ctx: CheckContext): BookingFailure[] {
  const { timeZone, openingHours, closures, name } = ctx.location;
  const open = openIntervals(timeZone, openingHours, closures, wallDate(timeZone, c.startMs), wallDate(timeZone, c.endMs - 1));
  const gap = firstUncovered(open, c.startMs, c.endMs);
  if (gap === null) return [];
  const date = wallDate(timeZone, gap);
  const closure = closureOn(closures, date);
  if (closure) return [ruleFailure("LOCATION_CLOSED", { location: name, date, reason: closure.reason ?? "" }, { date })];
  return [
    ruleFailure(
      "OUTSIDE_HOURS",
      { location: name, date, hours: hoursText(openingHours, date), at: wallTime(timeZone, gap) },
      { date },
    ),
  ];
}
