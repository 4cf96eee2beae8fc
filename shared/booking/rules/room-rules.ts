import { DAY_MS, MINUTE_MS } from "../../zoned-time";
import type { BookingFailure, CandidateBooking, CheckContext } from "../booking-types";
import { ruleFailure } from "../rule-failure";
import { startMoved } from "./not-in-past";

/**
 * Rule 4: each room is at the booking's location, active and bookable; the session lasts between the
 * room's minimum and maximum; and a new or moved start respects its minimum notice and horizon.
 */
export function checkRooms(c: CandidateBooking, ctx: CheckContext): BookingFailure[] {
  const out: BookingFailure[] = [];
  const minutes = (c.endMs - c.startMs) / MINUTE_MS;
  for (const roomId of c.roomIds) {
    const room = ctx.rooms.find((r) => r.id === roomId);
    if (!room || room.locationId !== c.locationId || !room.active || !room.bookable) {
      out.push(ruleFailure("ROOM_UNAVAILABLE", { room: room?.name ?? roomId }, { roomId }));
      continue;
    }
    const p = { room: room.name };
    if (minutes < room.minDurationMinutes) out.push(ruleFailure("ROOM_TOO_SHORT", { ...p, minutes: room.minDurationMinutes }, { roomId }));
    if (minutes > room.maxDurationMinutes) out.push(ruleFailure("ROOM_TOO_LONG", { ...p, minutes: room.maxDurationMinutes }, { roomId }));
    if (!startMoved(c)) continue;
    const ahead = c.startMs - ctx.nowMs;
    // Starting in the past is rule 2's business (and its override); notice is about the future.
    if (ahead >= 0 && ahead < room.minNoticeMinutes * MINUTE_MS) {
      out.push(ruleFailure("NOTICE_TOO_SHORT", { ...p, minutes: room.minNoticeMinutes }, { roomId }));
    }
    if (ahead > room.maxHorizonDays * DAY_MS) out.push(ruleFailure("BEYOND_HORIZON", { ...p, days: room.maxHorizonDays }, { roomId }));
  }
  return out;
}
