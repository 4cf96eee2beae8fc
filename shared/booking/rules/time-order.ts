import { DAY_MS } from "../../zoned-time";
import { MAX_BOOKING_DAYS } from "../booking-limits";
import type { BookingFailure, CandidateBooking } from "../booking-types";
import { ruleFailure } from "../rule-failure";

/** Rule 1: the end is after the start (a session may cross midnight), within the longest booking. */
export function checkTimeOrder(c: CandidateBooking): BookingFailure[] {
  if (!(c.endMs > c.startMs)) return [ruleFailure("END_BEFORE_START", {})];
  if (c.endMs - c.startMs > MAX_BOOKING_DAYS * DAY_MS) return [ruleFailure("TOO_LONG", { maxDays: MAX_BOOKING_DAYS })];
  return [];
}
