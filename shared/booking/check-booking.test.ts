import { describe, expect, it } from "vitest";
import { checkBooking } from "./check-booking";
import type { CandidateBooking, CheckContext } from "./booking-types";
import { at, candidate, context, existing } from "./rule-test-fixtures";
import { describeFailure } from "./rule-failure";

const E1 = existing({ id: "b-1", startMs: at("2026-06-03 14:00"), endMs: at("2026-06-03 16:00"), staffIds: ["staff-camille"] });
const ctx = (over: Partial<CheckContext> = {}) => context({ existing: [E1], ...over });

describe("checkBooking", () => {
  it.each<[string, CandidateBooking, Partial<CheckContext>, string[], string[]]>([
    ["a free slot", candidate({ startMs: at("2026-06-04 14:00"), endMs: at("2026-06-04 16:00") }), {}, [], []],
    ["times out of order: that failure alone", candidate({ startMs: at("2026-06-03 16:00"), endMs: at("2026-06-03 09:00") }), {}, ["END_BEFORE_START"], []],
    [
      "everything wrong at once, all reported",
      candidate({ startMs: at("2026-06-03 15:00"), endMs: at("2026-06-03 23:00"), staffIds: ["staff-camille"], equipment: [{ equipmentId: "gear-u87", quantity: 3 }] }),
      {}, ["OUTSIDE_HOURS", "ROOM_BOOKED", "STAFF_BOOKED", "GEAR_SHORTAGE"], [],
    ],
    [
      "in the past with the override, and a client over the limit: warnings only",
      candidate({ startMs: at("2026-05-27 14:00"), endMs: at("2026-05-27 16:00"), clientId: "c-1" }),
      { overridePast: true, client: { id: "c-1", name: "Aya", active: true, unpaidCents: 10 }, unpaidLimitCents: 0 },
      [], ["PAST_OVERRIDDEN", "CLIENT_OVER_LIMIT"],
    ],
  ])("%s", (_label, c, over, failures, warnings) => {
    const result = checkBooking(c, ctx(over));
    expect(result.failures.map((f) => f.code)).toEqual(failures);
    expect(result.warnings.map((f) => f.code)).toEqual(warnings);
    expect(result.ok).toBe(failures.length === 0);
  });

  it("words a refusal the way the desk reads it", () => {
    const { failures } = checkBooking(candidate({ startMs: at("2026-06-03 15:00"), endMs: at("2026-06-03 17:00") }), ctx());
    expect(failures.map(describeFailure)).toEqual(["2026-06-03: Studio A is booked 14:00–16:00 by Label Nuit Blanche"]);
  });
});

describe("describeFailure", () => {
  it.each([
    ["a closure with its reason", { code: "LOCATION_CLOSED", params: { location: "Lumière Paris", date: "2026-12-24", reason: "Noël" }, date: "2026-12-24" }, "Lumière Paris is closed on 2026-12-24 (Noël)"],
    ["a closure without one", { code: "LOCATION_CLOSED", params: { location: "Lumière Paris", date: "2026-12-24", reason: "" }, date: "2026-12-24" }, "Lumière Paris is closed on 2026-12-24"],
    ["a closed day", { code: "OUTSIDE_HOURS", params: { location: "Lumière Paris", date: "2026-06-07", at: "10:00", hours: "" }, date: "2026-06-07" }, "Lumière Paris is closed on 2026-06-07 at 10:00 (hours: closed all day)"],
    ["no date in the text", { code: "ROOM_TOO_SHORT", params: { room: "Studio A", minutes: 60 }, date: "2026-06-03" }, "2026-06-03: Studio A is booked for at least 60 minutes"],
  ] as const)("%s", (_label, failure, text) => {
    expect(describeFailure({ messageKey: `booking.rule.${failure.code}`, ...failure, params: { ...failure.params } })).toBe(text);
  });
});
