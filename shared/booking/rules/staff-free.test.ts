import { describe, expect, it } from "vitest";
import type { CandidateBooking } from "../booking-types";
import { ROOMS, at, candidate, context, existing } from "../rule-test-fixtures";
import { occupancyOf } from "./occupancy";
import { checkStaffFree } from "./staff-free";

// Camille engineers in Studio B 10:00–12:00 (15-minute buffers: busy 09:45–12:15).
const E2 = existing({ id: "b-2", roomIds: ["room-b"], staffIds: ["staff-camille"], startMs: at("2026-06-03 10:00"), endMs: at("2026-06-03 12:00") });
const OFF = { id: "off-1", staffId: "staff-hugo", startMs: at("2026-06-04 00:00"), endMs: at("2026-06-05 00:00"), reason: "Congé" };
const inA = (start: string, end: string, staffIds: string[]) => candidate({ startMs: at(start), endMs: at(end), staffIds });

function failuresOf(c: CandidateBooking) {
  return checkStaffFree(c, occupancyOf(c, ROOMS), context({ existing: [E2], timeOff: [OFF] }));
}

describe("rule 6: engineers and staff free and not on time off", () => {
  it.each<[string, CandidateBooking, string[]]>([
    ["Camille, overlapping in another room", inA("2026-06-03 11:00", "2026-06-03 13:00", ["staff-camille"]), ["STAFF_BOOKED"]],
    // Studio A's 30-minute setup from 12:30 starts at 12:00, inside Camille's teardown.
    ["Camille, buffers colliding", inA("2026-06-03 12:30", "2026-06-03 14:00", ["staff-camille"]), ["STAFF_BOOKED"]],
    ["Camille, buffers meeting exactly", inA("2026-06-03 12:45", "2026-06-03 14:00", ["staff-camille"]), []],
    ["Hugo at the same time", inA("2026-06-03 11:00", "2026-06-03 13:00", ["staff-hugo"]), []],
    ["Hugo on his day off", inA("2026-06-04 14:00", "2026-06-04 16:00", ["staff-hugo"]), ["STAFF_TIME_OFF"]],
    ["Hugo ending as his day off starts (teardown included)", inA("2026-06-03 21:00", "2026-06-03 23:30", ["staff-hugo"]), []],
    ["Hugo with a teardown into his day off", inA("2026-06-03 21:00", "2026-06-03 23:45", ["staff-hugo"]), ["STAFF_TIME_OFF"]],
    ["both, each reported", inA("2026-06-04 10:00", "2026-06-04 12:00", ["staff-camille", "staff-hugo"]), ["STAFF_TIME_OFF"]],
    ["someone who left", inA("2026-06-03 14:00", "2026-06-03 16:00", ["staff-gone"]), ["STAFF_UNAVAILABLE"]],
    ["someone unknown", inA("2026-06-03 14:00", "2026-06-03 16:00", ["staff-x"]), ["STAFF_UNAVAILABLE"]],
  ])("%s", (_label, c, codes) => {
    expect(failuresOf(c).map((f) => f.code)).toEqual(codes);
  });

  it("names the engineer and the other booking", () => {
    const [f] = failuresOf(inA("2026-06-03 11:00", "2026-06-03 13:00", ["staff-camille"]));
    expect(f).toMatchObject({
      staffId: "staff-camille", conflictingBookingId: "b-2",
      params: { staff: "Camille Rousseau", by: "Label Nuit Blanche", from: "10:00", to: "12:00" },
    });
  });

  it("names the time off and its reason", () => {
    const [f] = failuresOf(inA("2026-06-04 14:00", "2026-06-04 16:00", ["staff-hugo"]));
    expect(f).toMatchObject({ staffId: "staff-hugo", date: "2026-06-04", params: { from: "2026-06-04 00:00", to: "2026-06-05 00:00", reason: "Congé" } });
  });
});
