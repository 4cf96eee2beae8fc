import { describe, expect, it } from "vitest";
import { A_UUID, issuesOf } from "../schemas/schema-test-utils";
import { checkBookingInput, createBookingInput, createSeriesInput, moveBookingInput, recordPaymentInput, updateBookingInput } from "./booking-input";
import { maintenanceInput, timeOffInput } from "./booking-queries";

const B_UUID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
const valid = {
  locationId: A_UUID,
  roomIds: [A_UUID],
  startsAt: "2026-06-03T12:00:00Z",
  endsAt: "2026-06-03T14:00:00.000Z",
};

describe("createBookingInput", () => {
  it("fills the defaults of a new booking", () => {
    expect(createBookingInput.parse(valid)).toEqual({
      ...valid, staffIds: [], equipment: [], clientId: null, title: null, projectName: null, notes: null, type: "hourly", discountBp: 0, status: "confirmed",
    });
  });

  it.each<[string, Record<string, unknown>, { path: string; message: string }[]]>([
    ["a hold with its expiry", { status: "hold", holdExpiresAt: "2026-06-02T12:00:00Z" }, []],
    ["rooms, staff, gear, client", { roomIds: [A_UUID, B_UUID], staffIds: [B_UUID], equipment: [{ equipmentId: A_UUID, quantity: 2 }], clientId: B_UUID }, []],
    ["a lockout", { type: "lockout" }, []],
    ["times out of order are a rule, not a schema error", { endsAt: "2026-06-03T10:00:00Z" }, []],
    ["no room", { roomIds: [] }, [{ path: "roomIds", message: "v.atLeastOne" }]],
    ["a room twice", { roomIds: [A_UUID, A_UUID] }, [{ path: "roomIds", message: "v.duplicate" }]],
    ["an engineer twice", { staffIds: [B_UUID, B_UUID] }, [{ path: "staffIds", message: "v.duplicate" }]],
    ["the same gear on two lines", { equipment: [{ equipmentId: A_UUID, quantity: 1 }, { equipmentId: A_UUID, quantity: 1 }] }, [{ path: "equipment", message: "v.duplicate" }]],
    ["no units of gear", { equipment: [{ equipmentId: A_UUID, quantity: 0 }] }, [{ path: "equipment.0.quantity", message: "v.atLeastOne" }]],
    ["a local time without zone", { startsAt: "2026-06-03T12:00:00" }, [{ path: "startsAt", message: "v.instant" }]],
    ["an offset instead of UTC", { startsAt: "2026-06-03T14:00:00+02:00" }, [{ path: "startsAt", message: "v.instant" }]],
    ["a date that does not exist", { endsAt: "2026-02-30T14:00:00Z" }, [{ path: "endsAt", message: "v.instant" }]],
    ["an unknown type", { type: "weekly" }, [{ path: "type", message: "v.required" }]],
    ["created straight as completed", { status: "completed" }, [{ path: "status", message: "v.invalid" }]],
    ["a bad location id", { locationId: "paris" }, [{ path: "locationId", message: "v.invalid" }]],
    ["a 10 % discount", { discountBp: 1000 }, []],
    ["a free session (100 %)", { discountBp: 10_000 }, []],
    ["a discount above 100 %", { discountBp: 10_001 }, [{ path: "discountBp", message: "v.percent" }]],
    ["a negative discount", { discountBp: -1 }, [{ path: "discountBp", message: "v.percent" }]],
    ["a fraction of a basis point", { discountBp: 12.5 }, [{ path: "discountBp", message: "v.wholeNumber" }]],
  ])("%s", (_label, patch, issues) => {
    expect(issuesOf(createBookingInput, { ...valid, ...patch })).toEqual(issues);
  });
});

describe("update, move and check inputs", () => {
  it("keeps a partial patch partial (no defaults filled in)", () => {
    expect(updateBookingInput.parse({ id: A_UUID, patch: { notes: "Bring stems" } })).toEqual({ id: A_UUID, patch: { notes: "Bring stems" } });
  });

  it("changes a booking's discount alone", () => {
    expect(updateBookingInput.parse({ id: A_UUID, patch: { discountBp: 1500 } })).toEqual({ id: A_UUID, patch: { discountBp: 1500 } });
    expect(issuesOf(updateBookingInput, { id: A_UUID, patch: { discountBp: 20_000 } })).toEqual([{ path: "patch.discountBp", message: "v.percent" }]);
  });

  it("checks a dragged booking by id and new times only", () => {
    expect(checkBookingInput.parse({ bookingId: A_UUID, startsAt: valid.startsAt, endsAt: valid.endsAt })).toEqual({ bookingId: A_UUID, startsAt: valid.startsAt, endsAt: valid.endsAt });
  });

  it.each<[string, Record<string, unknown>, { path: string; message: string }[]]>([
    ["a move", { id: A_UUID, startsAt: valid.startsAt, endsAt: valid.endsAt }, []],
    ["a move of all a series", { id: A_UUID, startsAt: valid.startsAt, endsAt: valid.endsAt, scope: "all" }, []],
    ["a move to another room", { id: A_UUID, startsAt: valid.startsAt, endsAt: valid.endsAt, roomIds: [B_UUID] }, []],
    ["an unknown scope", { id: A_UUID, startsAt: valid.startsAt, endsAt: valid.endsAt, scope: "some" }, [{ path: "scope", message: "v.invalid" }]],
  ])("%s", (_label, input, issues) => {
    expect(issuesOf(moveBookingInput, input)).toEqual(issues);
  });

  it.each([
    [{ id: A_UUID, amountCents: 30_000 }, []],
    [{ id: A_UUID, amountCents: 0 }, [{ path: "amountCents", message: "v.atLeastOne" }]],
  ])("a payment %j", (input, issues) => {
    expect(issuesOf(recordPaymentInput, input)).toEqual(issues);
  });
});

describe("createSeriesInput", () => {
  it.each<[string, string, { path: string; message: string }[]]>([
    ["weekly, 10 times", "FREQ=WEEKLY;COUNT=10", []],
    ["every weekday until the end of the year", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261231", []],
    ["no end", "FREQ=WEEKLY", [{ path: "rrule", message: "v.rruleEnd" }]],
    ["monthly", "FREQ=MONTHLY;COUNT=3", [{ path: "rrule", message: "v.rrule" }]],
  ])("%s", (_label, rrule, issues) => {
    expect(issuesOf(createSeriesInput, { ...valid, rrule })).toEqual(issues);
  });
});

describe("time off and maintenance", () => {
  it.each<[Record<string, unknown>, { path: string; message: string }[]]>([
    [{ staffId: A_UUID, startsAt: "2026-06-04T00:00:00Z", endsAt: "2026-06-05T00:00:00Z", reason: "Congé" }, []],
    [{ staffId: A_UUID, startsAt: "2026-06-05T00:00:00Z", endsAt: "2026-06-05T00:00:00Z" }, [{ path: "endsAt", message: "v.endAfterStart" }]],
  ])("time off %j", (input, issues) => {
    expect(issuesOf(timeOffInput, input)).toEqual(issues);
  });

  it("takes all units out of service unless told how many", () => {
    expect(maintenanceInput.parse({ equipmentId: A_UUID, startsAt: "2026-06-04T00:00:00Z", endsAt: "2026-06-05T00:00:00Z" })).toMatchObject({ quantity: null, reason: null });
  });
});
