import { describe, expect, it } from "vitest";
import type { CandidateBooking, RoomInfo } from "../booking-types";
import { NOW, ROOMS, candidate, context } from "../rule-test-fixtures";
import { checkRooms } from "./room-rules";

const H = 3_600_000;
const M = 60_000;
const strict: RoomInfo = { ...ROOMS[0]!, minDurationMinutes: 60, maxDurationMinutes: 600, minNoticeMinutes: 120, maxHorizonDays: 365 };
const rooms = [strict, ...ROOMS.slice(1)];
const from = (startMs: number, minutes: number, over: Partial<CandidateBooking> = {}) => candidate({ startMs, endMs: startMs + minutes * M, ...over });
const DAY = 24 * H;

describe("rule 4: room bookable, duration, notice and horizon", () => {
  it.each<[string, CandidateBooking, string[]]>([
    ["a two-hour session in a week", from(NOW + 7 * DAY, 120), []],
    ["exactly the minimum", from(NOW + 7 * DAY, 60), []],
    ["a minute short", from(NOW + 7 * DAY, 59), ["ROOM_TOO_SHORT"]],
    ["exactly the maximum", from(NOW + 7 * DAY, 600), []],
    ["a minute too long", from(NOW + 7 * DAY, 601), ["ROOM_TOO_LONG"]],
    ["exactly the notice", from(NOW + 2 * H, 60), []],
    ["a minute inside the notice", from(NOW + 2 * H - M, 60), ["NOTICE_TOO_SHORT"]],
    ["exactly the horizon", from(NOW + 365 * DAY, 60), []],
    ["a minute beyond the horizon", from(NOW + 365 * DAY + M, 60), ["BEYOND_HORIZON"]],
    ["already started (rule 2's business, not notice)", from(NOW - H, 120), []],
    ["inside the notice, but the start did not move", from(NOW + H, 90, { previous: { startMs: NOW + H, endMs: NOW + 2 * H } }), []],
    ["inside the notice, moved there", from(NOW + H, 60, { previous: { startMs: NOW + 3 * H, endMs: NOW + 4 * H } }), ["NOTICE_TOO_SHORT"]],
    ["a room that is not bookable", from(NOW + DAY, 60, { roomIds: ["room-booth"] }), ["ROOM_UNAVAILABLE"]],
    ["an archived room", from(NOW + DAY, 60, { roomIds: ["room-old"] }), ["ROOM_UNAVAILABLE"]],
    ["a room of another location", from(NOW + DAY, 60, { roomIds: ["room-ny"] }), ["ROOM_UNAVAILABLE"]],
    ["an unknown room", from(NOW + DAY, 60, { roomIds: ["room-x"] }), ["ROOM_UNAVAILABLE"]],
    ["two rooms, each judged", from(NOW + DAY, 30, { roomIds: ["room-a", "room-b"] }), ["ROOM_TOO_SHORT"]],
  ])("%s", (_label, c, codes) => {
    expect(checkRooms(c, context({ rooms })).map((f) => f.code)).toEqual(codes);
  });

  it("names the room and the bound", () => {
    const [f] = checkRooms(from(NOW + DAY, 30), context({ rooms }));
    expect(f).toMatchObject({ roomId: "room-a", params: { room: "Studio A", minutes: 60 } });
  });
});
