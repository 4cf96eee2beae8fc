import { MINUTE_MS } from "../../zoned-time";
import { isBlocking } from "../booking-status";
import type { CandidateBooking, CheckContext, ExistingBooking, Interval, RoomInfo } from "../booking-types";

/**
 * The span a booking keeps its rooms, staff and gear: the session widened by the largest setup and
 * teardown of its rooms. Two bookings whose spans meet exactly (one's teardown ends as the other's
 * setup starts) do not overlap.
 */
export function occupancyOf(c: Pick<CandidateBooking, "roomIds" | "startMs" | "endMs">, rooms: readonly RoomInfo[]): Interval {
  let setup = 0;
  let teardown = 0;
  for (const room of rooms) {
    if (!c.roomIds.includes(room.id)) continue;
    setup = Math.max(setup, room.setupMinutes);
    teardown = Math.max(teardown, room.teardownMinutes);
  }
  return { startMs: c.startMs - setup * MINUTE_MS, endMs: c.endMs + teardown * MINUTE_MS };
}

/** Other bookings that hold their resources now (holds until they expire) and overlap `occupied`. */
export function blockingOverlaps(c: CandidateBooking, occupied: Interval, ctx: CheckContext): ExistingBooking[] {
  return ctx.existing.filter(
    (e) =>
      e.id !== c.id &&
      isBlocking(e.status, e.holdExpiresMs, ctx.nowMs) &&
      e.occupiedFromMs < occupied.endMs &&
      occupied.startMs < e.occupiedUntilMs,
  );
}
