import type { BookingFailure, CandidateBooking, CheckContext, Interval } from "../booking-types";
import { ruleFailure } from "../rule-failure";
import { bookedParams } from "./booked-params";
import { blockingOverlaps } from "./occupancy";

/** Rule 5: no room of the booking is held by another active booking, setup and teardown included. */
export function checkRoomsFree(c: CandidateBooking, occupied: Interval, ctx: CheckContext): BookingFailure[] {
  const out: BookingFailure[] = [];
  const others = blockingOverlaps(c, occupied, ctx);
  for (const roomId of c.roomIds) {
    const room = ctx.rooms.find((r) => r.id === roomId);
    for (const e of others) {
      if (!e.roomIds.includes(roomId)) continue;
      const params = { room: room?.name ?? roomId, ...bookedParams(e, ctx.location.timeZone) };
      out.push(ruleFailure("ROOM_BOOKED", params, { conflictingBookingId: e.id, roomId, date: params.date }));
    }
  }
  return out;
}
