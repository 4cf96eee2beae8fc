import { describe, expect, it } from "vitest";
import { createRoomInput, roomFields, updateRoomInput } from "./room";
import { A_UUID, issuesOf } from "./schema-test-utils";

const valid = {
  locationId: A_UUID,
  name: "Studio A — Neve",
  type: "recording",
  hourlyRateCents: 9500,
  halfDayRateCents: 34000,
  dayRateCents: 62000,
  vatRateBp: 2000,
  capacity: 12,
  colour: "#c2410c",
  bookable: true,
  setupMinutes: 30,
  teardownMinutes: 30,
  notes: "Console Neve 8078",
};

describe("createRoomInput: accepted", () => {
  it.each<[string, Record<string, unknown>]>([
    ["a full rate card", {}],
    ["a half day priced like a day", { halfDayRateCents: 62000 }],
    ["no day rate: the half-day rule does not apply", { dayRateCents: 0, halfDayRateCents: 34000 }],
    ["free of charge", { hourlyRateCents: 0, halfDayRateCents: 0, dayRateCents: 0 }],
    ["the 10 M€ bound", { dayRateCents: 1_000_000_000, halfDayRateCents: 1_000_000_000 }],
    ["reduced VAT 5.5 %", { vatRateBp: 550 }],
    ["no VAT", { vatRateBp: 0 }],
    ["an upper-case colour", { colour: "#C2410C" }],
    ["not bookable, no buffers", { bookable: false, setupMinutes: 0, teardownMinutes: 0 }],
    ["a whole-day buffer", { setupMinutes: 1440 }],
    ["no notes", { notes: undefined }],
    ["every room type", { type: "booth" }],
  ])("%s", (_label, patch) => {
    expect(issuesOf(createRoomInput, { ...valid, ...patch })).toEqual([]);
  });

  it("stores empty notes as null", () => {
    expect(roomFields.parse({ ...valid, notes: "  " }).notes).toBeNull();
  });
});

describe("createRoomInput: refused", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ["a half day dearer than a day", { halfDayRateCents: 62001 }, "halfDayRateCents", "v.halfDayVsDay"],
    ["negative hourly rate", { hourlyRateCents: -1 }, "hourlyRateCents", "v.nonNegative"],
    ["fractional cents", { hourlyRateCents: 9500.5 }, "hourlyRateCents", "v.wholeNumber"],
    ["negative day rate", { dayRateCents: -100 }, "dayRateCents", "v.nonNegative"],
    ["a rate beyond 10 M€", { dayRateCents: 1_000_000_001 }, "dayRateCents", "v.tooLarge"],
    ["a rate typed as text", { hourlyRateCents: "95" }, "hourlyRateCents", "v.required"],
    ["a missing rate", { halfDayRateCents: undefined }, "halfDayRateCents", "v.required"],
    ["VAT above 100 %", { vatRateBp: 10_001 }, "vatRateBp", "v.percent"],
    ["negative VAT", { vatRateBp: -1 }, "vatRateBp", "v.percent"],
    ["fractional basis points", { vatRateBp: 55.5 }, "vatRateBp", "v.wholeNumber"],
    ["no capacity", { capacity: 0 }, "capacity", "v.atLeastOne"],
    ["a fractional capacity", { capacity: 2.5 }, "capacity", "v.wholeNumber"],
    ["a stadium", { capacity: 501 }, "capacity", "v.tooLarge"],
    ["a colour name", { colour: "red" }, "colour", "v.colour"],
    ["a short hex colour", { colour: "#abc" }, "colour", "v.colour"],
    ["a colour without #", { colour: "c2410c" }, "colour", "v.colour"],
    ["an unknown type", { type: "kitchen" }, "type", "v.required"],
    ["no name", { name: "" }, "name", "v.required"],
    ["a name too long", { name: "x".repeat(81) }, "name", "v.tooLong"],
    ["a bad location id", { locationId: "paris" }, "locationId", "v.invalid"],
    ["a buffer over a day", { teardownMinutes: 1441 }, "teardownMinutes", "v.tooLarge"],
    ["a negative buffer", { setupMinutes: -5 }, "setupMinutes", "v.nonNegative"],
    ["notes too long", { notes: "x".repeat(2001) }, "notes", "v.tooLong"],
    ["a minimum above the maximum", { minDurationMinutes: 240, maxDurationMinutes: 120 }, "maxDurationMinutes", "v.minMaxDuration"],
    ["a maximum beyond 31 days", { maxDurationMinutes: 44_641 }, "maxDurationMinutes", "v.tooLarge"],
    ["no horizon", { maxHorizonDays: 0 }, "maxHorizonDays", "v.atLeastOne"],
    ["negative notice", { minNoticeMinutes: -60 }, "minNoticeMinutes", "v.nonNegative"],
  ])("%s", (_label, patch, path, message) => {
    expect(issuesOf(createRoomInput, { ...valid, ...patch })).toContainEqual({ path, message });
  });
});

describe("room booking rules", () => {
  it("gives a room made without them the defaults", () => {
    expect(roomFields.parse(valid)).toMatchObject({ minDurationMinutes: 60, maxDurationMinutes: 20_160, minNoticeMinutes: 0, maxHorizonDays: 730 });
  });

  it.each<[string, Record<string, unknown>]>([
    ["a two-hour minimum", { minDurationMinutes: 120 }],
    ["no minimum", { minDurationMinutes: 0 }],
    ["minimum equal to maximum", { minDurationMinutes: 240, maxDurationMinutes: 240 }],
    ["a day's notice, a year ahead", { minNoticeMinutes: 1440, maxHorizonDays: 365 }],
  ])("accepts %s", (_label, patch) => {
    expect(issuesOf(createRoomInput, { ...valid, ...patch })).toEqual([]);
  });

  it("leaves them out of a patch that does not mention them", () => {
    expect(updateRoomInput.parse({ id: A_UUID, patch: { name: "Studio A" } }).patch).toEqual({ name: "Studio A" });
    expect(updateRoomInput.parse({ id: A_UUID, patch: { minNoticeMinutes: 60 } }).patch).toEqual({ minNoticeMinutes: 60 });
  });
});

describe("updateRoomInput", () => {
  it("accepts a partial patch and leaves unmentioned fields out", () => {
    const parsed = updateRoomInput.parse({ id: A_UUID, patch: { hourlyRateCents: 10000 } });
    expect(parsed.patch).toEqual({ hourlyRateCents: 10000 });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["negative cents", { hourlyRateCents: -1 }, "patch.hourlyRateCents", "v.nonNegative"],
    ["a bad colour", { colour: "blue" }, "patch.colour", "v.colour"],
  ])("checks each patched field: %s", (_label, patch, path, message) => {
    expect(issuesOf(updateRoomInput, { id: A_UUID, patch })).toEqual([{ path, message }]);
  });
});
