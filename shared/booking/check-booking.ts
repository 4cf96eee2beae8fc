import type { BookingRuleCode } from "../errors";
import type { CandidateBooking, CheckContext, CheckResult } from "./booking-types";
import { checkClient } from "./rules/client-allowed";
import { checkGear } from "./rules/gear-available";
import { checkNotInPast } from "./rules/not-in-past";
import { occupancyOf } from "./rules/occupancy";
import { checkOpeningHours } from "./rules/opening-hours-rule";
import { checkRooms } from "./rules/room-rules";
import { checkRoomsFree } from "./rules/room-free";
import { checkStaffFree } from "./rules/staff-free";
import { checkTimeOrder } from "./rules/time-order";

/** Codes reported for a person to look at; they never stop a booking. */
export const WARNING_CODES: ReadonlySet<BookingRuleCode> = new Set(["PAST_OVERRIDDEN", "CLIENT_OVER_LIMIT"]);

/**
 * Every rule a booking must pass, all of them reported at once (the drawer lists each failure and
 * the calendar outlines the slot in red with the first reason). With its times out of order
 * nothing else can be judged, so that failure comes alone.
 */
export function checkBooking(c: CandidateBooking, ctx: CheckContext): CheckResult {
  const order = checkTimeOrder(c);
  if (order.length > 0) return { ok: false, failures: order, warnings: [] };
  const occupied = occupancyOf(c, ctx.rooms);
  const all = [
    ...checkNotInPast(c, ctx),
    ...checkOpeningHours(c, ctx),
    ...checkRooms(c, ctx),
    ...checkRoomsFree(c, occupied, ctx),
    ...checkStaffFree(c, occupied, ctx),
    ...checkGear(c, occupied, ctx),
    ...checkClient(c, ctx),
  ];
  const failures = all.filter((f) => !WARNING_CODES.has(f.code));
  const warnings = all.filter((f) => WARNING_CODES.has(f.code));
  return { ok: failures.length === 0, failures, warnings };
}
