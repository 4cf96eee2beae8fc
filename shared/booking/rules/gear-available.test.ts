import { describe, expect, it } from "vitest";
import type { CandidateBooking, EquipmentLine, MaintenanceWindow } from "../booking-types";
import { ROOMS, at, candidate, context, existing } from "../rule-test-fixtures";
import { checkGear, peakUse } from "./gear-available";
import { occupancyOf } from "./occupancy";

// Two U 87s: one used in Studio B in the morning, one in the evening (never both at once).
const MORNING = existing({ id: "b-am", label: "Héloïse Mercier", roomIds: ["room-b"], startMs: at("2026-06-03 10:00"), endMs: at("2026-06-03 12:00"), equipment: [{ equipmentId: "gear-u87", quantity: 1 }, { equipmentId: "gear-dt770", quantity: 6 }] });
const EVENING = existing({ id: "b-pm", label: "Radio Canal Sud", roomIds: ["room-b"], startMs: at("2026-06-03 16:00"), endMs: at("2026-06-03 18:00"), equipment: [{ equipmentId: "gear-u87", quantity: 1 }] });
const LA2A_SERVICE: MaintenanceWindow = { id: "m-1", equipmentId: "gear-la2a", startMs: at("2026-06-03 00:00"), endMs: at("2026-06-04 00:00"), quantity: null, reason: "Révision" };
const DT770_REPAIR: MaintenanceWindow = { id: "m-2", equipmentId: "gear-dt770", startMs: at("2026-06-01 00:00"), endMs: at("2026-06-10 00:00"), quantity: 4, reason: "Câbles" };

const inA = (start: string, end: string, equipment: EquipmentLine[], over: Partial<CandidateBooking> = {}) =>
  candidate({ startMs: at(start), endMs: at(end), equipment, ...over });
const u87 = (quantity: number): EquipmentLine[] => [{ equipmentId: "gear-u87", quantity }];

function failuresOf(c: CandidateBooking) {
  return checkGear(c, occupancyOf(c, ROOMS), context({ existing: [MORNING, EVENING], maintenance: [LA2A_SERVICE, DT770_REPAIR] }));
}

describe("rule 7: gear available, quantity-aware, not in maintenance", () => {
  it.each<[string, CandidateBooking, string[]]>([
    ["one U 87 all day: at the limit (one of two used at any time)", inA("2026-06-03 10:00", "2026-06-03 18:00", u87(1)), []],
    ["two U 87s all day: one too many", inA("2026-06-03 10:00", "2026-06-03 18:00", u87(2)), ["GEAR_SHORTAGE"]],
    ["two U 87s at lunch, between the two sessions", inA("2026-06-03 13:00", "2026-06-03 15:00", u87(2)), []],
    // Studio A's 30-minute setup from 12:45 starts at 12:15, exactly when Studio B's teardown ends.
    ["two U 87s, buffers meeting exactly", inA("2026-06-03 12:45", "2026-06-03 15:15", u87(2)), []],
    ["two U 87s, buffers colliding", inA("2026-06-03 12:40", "2026-06-03 15:00", u87(2)), ["GEAR_SHORTAGE"]],
    ["three U 87s on a free day", inA("2026-06-04 10:00", "2026-06-04 12:00", u87(3)), ["GEAR_SHORTAGE"]],
    ["the LA-2A on its service day", inA("2026-06-03 14:00", "2026-06-03 16:00", [{ equipmentId: "gear-la2a", quantity: 1 }]), ["GEAR_MAINTENANCE"]],
    ["the LA-2A the next day", inA("2026-06-04 14:00", "2026-06-04 16:00", [{ equipmentId: "gear-la2a", quantity: 1 }]), []],
    // 12 headphones, 4 in repair, 6 in the morning session: 2 left at the limit.
    ["two headphones with the morning session", inA("2026-06-03 10:00", "2026-06-03 12:00", [{ equipmentId: "gear-dt770", quantity: 2 }]), []],
    ["three headphones with the morning session", inA("2026-06-03 10:00", "2026-06-03 12:00", [{ equipmentId: "gear-dt770", quantity: 3 }]), ["GEAR_SHORTAGE"]],
    ["eight headphones in the afternoon", inA("2026-06-03 14:00", "2026-06-03 15:00", [{ equipmentId: "gear-dt770", quantity: 8 }]), []],
    ["gear of another location", inA("2026-06-03 14:00", "2026-06-03 16:00", [{ equipmentId: "gear-london", quantity: 1 }]), ["GEAR_UNAVAILABLE"]],
    ["unknown gear", inA("2026-06-03 14:00", "2026-06-03 16:00", [{ equipmentId: "gear-x", quantity: 1 }]), ["GEAR_UNAVAILABLE"]],
    ["the morning booking itself asking for two", inA("2026-06-03 10:00", "2026-06-03 12:00", u87(2), { id: "b-am", roomIds: ["room-b"] }), []],
  ])("%s", (_label, c, codes) => {
    expect(failuresOf(c).map((f) => f.code)).toEqual(codes);
  });

  it("says how many are left and who has them", () => {
    const [f] = failuresOf(inA("2026-06-03 09:00", "2026-06-03 11:00", u87(2)));
    expect(f).toMatchObject({
      equipmentId: "gear-u87", conflictingBookingId: "b-am", date: "2026-06-03",
      params: { gear: "Neumann U 87", requested: 2, available: 1, by: "Héloïse Mercier" },
    });
  });

  it("names the maintenance window", () => {
    const [f] = failuresOf(inA("2026-06-03 14:00", "2026-06-03 16:00", [{ equipmentId: "gear-la2a", quantity: 1 }]));
    expect(f).toMatchObject({ params: { gear: "Teletronix LA-2A", from: "2026-06-03 00:00", to: "2026-06-04 00:00", reason: "Révision" } });
  });
});

describe("peakUse", () => {
  const use = (startMs: number, endMs: number, quantity: number) => ({ startMs, endMs, quantity, bookingId: null, label: "" });
  it.each([
    ["nothing", [], 0],
    ["one", [use(0, 10, 2)], 2],
    ["two at once", [use(0, 10, 2), use(5, 15, 1)], 3],
    ["back to back (half-open)", [use(0, 10, 2), use(10, 20, 1)], 2],
    ["outside the window", [use(100, 110, 5)], 0],
    ["three staggered", [use(0, 10, 1), use(5, 15, 1), use(9, 20, 1)], 3],
  ])("%s", (_label, uses, peak) => {
    expect(peakUse(uses, { startMs: 0, endMs: 50 }).peak).toBe(peak);
  });
});
