import { wallDate, wallTime } from "../../zoned-time";
import type { BookingFailure, CandidateBooking, CheckContext } from "../booking-types";
import { ruleFailure } from "../rule-failure";

/** Whether the start is new or moved: an edge left where it was is not judged against "now" again. */
export const startMoved = (c: CandidateBooking): boolean => c.previous === null || c.previous.startMs !== c.startMs;
const endMoved = (c: CandidateBooking): boolean => c.previous === null || c.previous.endMs !== c.endMs;

/**
 * Rule 2: nothing is booked in the past (a checked-in session may still run over: its start stays
 * put). With the override the booking is made and a warning records that the override was used.
 */
export function checkNotInPast(c: CandidateBooking, ctx: CheckContext): BookingFailure[] {
  const past = (startMoved(c) && c.startMs < ctx.nowMs) || (endMoved(c) && c.endMs <= ctx.nowMs);
  if (!past) return [];
  const tz = ctx.location.timeZone;
  const date = wallDate(tz, c.startMs);
  const params = { date, from: wallTime(tz, c.startMs), to: wallTime(tz, c.endMs) };
  return [ruleFailure(ctx.overridePast ? "PAST_OVERRIDDEN" : "IN_PAST", params, { date })];
}
