import { wallDate, wallTime } from "../../zoned-time";
import type { BookingFailure, CandidateBooking, CheckContext, Interval } from "../booking-types";
import { overlaps } from "../intervals";
import { ruleFailure } from "../rule-failure";
import { bookedParams } from "./booked-params";
import { blockingOverlaps } from "./occupancy";

/**
 * Rule 6: every engineer and staff member is active, on no other active booking at the same time
 * (buffers included: they set up and tear down too), and not on time off.
 */
export function checkStaffFree(c: CandidateBooking, occupied: Interval, ctx: CheckContext): BookingFailure[] {
  const out: BookingFailure[] = [];
  const tz = ctx.location.timeZone;
  const others = blockingOverlaps(c, occupied, ctx);
  for (const staffId of c.staffIds) {
    const person = ctx.staff.find((s) => s.id === staffId);
    if (!person || !person.active) {
      out.push(ruleFailure("STAFF_UNAVAILABLE", { staff: person?.name ?? staffId }, { staffId }));
      continue;
    }
    for (const e of others) {
      if (!e.staffIds.includes(staffId)) continue;
      const params = { staff: person.name, ...bookedParams(e, tz) };
      out.push(ruleFailure("STAFF_BOOKED", params, { conflictingBookingId: e.id, staffId, date: params.date }));
    }
    for (const off of ctx.timeOff) {
      if (off.staffId !== staffId || !overlaps(off, occupied)) continue;
      const date = wallDate(tz, off.startMs);
      const params = {
        staff: person.name,
        from: `${date} ${wallTime(tz, off.startMs)}`,
        to: `${wallDate(tz, off.endMs)} ${wallTime(tz, off.endMs)}`,
        reason: off.reason ?? "",
      };
      out.push(ruleFailure("STAFF_TIME_OFF", params, { staffId, date }));
    }
  }
  return out;
}
