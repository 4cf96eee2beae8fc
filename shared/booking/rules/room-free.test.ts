import { describe, expect, it } from "vitest";
import type { BookingStatus } from "../booking-status";
import type { CandidateBooking, ExistingBooking } from "../booking-types";
import { NOW, ROOMS, at, candidate, context, existing } from "../rule-test-fixtures";
import { occupancyOf } from "./occupancy";
import { checkRoomsFree } from "./room-free";

// Studio A has 30 minutes of setup and of teardown: 14:00–16:00 keeps it 13:30–16:30.
const E1 = existing({ id: "b-1", startMs: at("2026-06-03 14:00"), endMs: at("2026-06-03 16:00") });
const slot = (start: string, end: string, over: Partial<CandidateBooking> = {}) => candidate({ startMs: at(start), endMs: at(end), ...over });

function failuresOf(c: CandidateBooking, others: ExistingBooking[] = [E1]) {
  return checkRoomsFree(c, occupancyOf(c, ROOMS), context({ existing: others }));
}

describe("rule 5: room free, setup and teardown included", () => {
  it.each<[string, CandidateBooking, string[]]>([
    ["the same slot", slot("2026-06-03 14:00", "2026-06-03 16:00"), ["b-1"]],
    ["inside it", slot("2026-06-03 14:30", "2026-06-03 15:30"), ["b-1"]],
    ["right after: the buffers collide", slot("2026-06-03 16:00", "2026-06-03 18:00"), ["b-1"]],
    ["buffers meeting exactly after", slot("2026-06-03 17:00", "2026-06-03 19:00"), []],
    ["a minute too early after", slot("2026-06-03 16:59", "2026-06-03 19:00"), ["b-1"]],
    ["buffers meeting exactly before", slot("2026-06-03 11:00", "2026-06-03 13:00"), []],
    ["a minute too late before", slot("2026-06-03 11:00", "2026-06-03 13:01"), ["b-1"]],
    ["another room", slot("2026-06-03 14:00", "2026-06-03 16:00", { roomIds: ["room-b"] }), []],
    ["the booking itself, moved", slot("2026-06-03 15:00", "2026-06-03 17:00", { id: "b-1" }), []],
    ["two rooms, one taken", slot("2026-06-03 15:00", "2026-06-03 17:00", { roomIds: ["room-b", "room-a"] }), ["b-1"]],
  ])("%s", (_label, c, conflicting) => {
    expect(failuresOf(c).map((f) => f.conflictingBookingId)).toEqual(conflicting);
  });

  it.each<[BookingStatus, number | null, boolean]>([
    ["confirmed", null, true],
    ["checked_in", null, true],
    ["completed", null, true],
    ["hold", NOW + 3_600_000, true],
    ["hold", NOW, false],
    ["hold", NOW - 1, false],
    ["cancelled", null, false],
    ["no_show", null, false],
    ["conflict", null, false],
  ])("a %s booking (hold expiry %s) blocks: %s", (status, holdExpiresMs, blocks) => {
    const c = slot("2026-06-03 15:00", "2026-06-03 17:00");
    expect(failuresOf(c, [{ ...E1, status, holdExpiresMs }])).toHaveLength(blocks ? 1 : 0);
  });

  it("names the room, the other booking and its times", () => {
    const [f] = failuresOf(slot("2026-06-03 16:00", "2026-06-03 18:00"));
    expect(f).toEqual({
      code: "ROOM_BOOKED",
      messageKey: "booking.rule.ROOM_BOOKED",
      params: { room: "Studio A", by: "Label Nuit Blanche", date: "2026-06-03", from: "14:00", to: "16:00", busyFrom: "13:30", busyTo: "16:30" },
      conflictingBookingId: "b-1",
      roomId: "room-a",
      date: "2026-06-03",
    });
  });

  it("finds a session across midnight from the next morning", () => {
    const night = existing({ id: "b-night", startMs: at("2026-06-05 22:00"), endMs: at("2026-06-06 02:00") });
    const [f] = failuresOf(slot("2026-06-06 01:00", "2026-06-06 02:00"), [night]);
    expect(f).toMatchObject({ conflictingBookingId: "b-night", params: { date: "2026-06-05", from: "22:00", to: "02:00" } });
  });

  it("reports each booking in the way", () => {
    const e2 = existing({ id: "b-2", startMs: at("2026-06-03 18:00"), endMs: at("2026-06-03 20:00") });
    expect(failuresOf(slot("2026-06-03 12:00", "2026-06-03 21:00"), [E1, e2]).map((f) => f.conflictingBookingId)).toEqual(["b-1", "b-2"]);
  });
});
