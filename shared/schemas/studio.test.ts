import { describe, expect, it } from "vitest";
import { defaultWeeklyHours } from "./opening-hours";
import { A_UUID, issuesOf } from "./schema-test-utils";
import { devicePrefsInput, setupStudioInput, updateStudioInput } from "./studio";

const setup = {
  studio: { name: "Studio Lumière", currency: "EUR" },
  location: { name: "Paris", timeZone: "Europe/Paris", openingHours: defaultWeeklyHours(), closures: [] },
  room: {
    name: "Studio A", type: "recording", hourlyRateCents: 9500, halfDayRateCents: 34000, dayRateCents: 62000,
    vatRateBp: 2000, capacity: 12, colour: "#c2410c", bookable: true, setupMinutes: 30, teardownMinutes: 30,
  },
};

describe("setupStudioInput", () => {
  it("accepts the three steps and defaults the currency to EUR", () => {
    const parsed = setupStudioInput.parse({ ...setup, studio: { name: "Studio Lumière" } });
    expect(parsed.studio.currency).toBe("EUR");
    expect(parsed.room.notes).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["no studio name", { studio: { name: "" } }, "studio.name", "v.required"],
    ["an unsupported currency", { studio: { name: "S", currency: "JPY" } }, "studio.currency", "v.invalid"],
    ["a bad zone", { location: { ...setup.location, timeZone: "Paris" } }, "location.timeZone", "v.timeZone"],
    ["overlapping hours", { location: { ...setup.location, openingHours: { ...defaultWeeklyHours(), sun: [{ open: "10:00", close: "12:00" }, { open: "11:00", close: "13:00" }] } } }, "location.openingHours.sun.1.open", "v.overlappingHours"],
    ["a half day dearer than a day", { room: { ...setup.room, halfDayRateCents: 70000 } }, "room.halfDayRateCents", "v.halfDayVsDay"],
    ["a room without capacity", { room: { ...setup.room, capacity: 0 } }, "room.capacity", "v.atLeastOne"],
  ])("refuses %s", (_label, patch, path, message) => {
    expect(issuesOf(setupStudioInput, { ...setup, ...patch })).toContainEqual({ path, message });
  });

  it("does not ask for the room's location (it is the one being created)", () => {
    expect(setupStudioInput.parse({ ...setup, room: { ...setup.room, locationId: A_UUID } }).room).not.toHaveProperty("locationId");
  });
});

describe("updateStudioInput and devicePrefsInput", () => {
  it.each<[string, unknown, { path: string; message: string }[]]>([
    ["a rename", { name: "Lumière" }, []],
    ["a deposit of 30 %", { defaultDepositBp: 3000 }, []],
    ["a VAT above 100 %", { defaultVatBp: 10_001 }, [{ path: "defaultVatBp", message: "v.percent" }]],
    ["an unknown currency", { currency: "XYZ" }, [{ path: "currency", message: "v.invalid" }]],
  ])("studio: %s", (_label, input, issues) => {
    expect(issuesOf(updateStudioInput, input)).toEqual(issues);
  });

  it.each<[unknown, boolean]>([
    [{ language: "fr" }, true],
    [{ language: "en", theme: "dark" }, true],
    [{}, true],
    [{ language: "de" }, false],
    [{ theme: "sepia" }, false],
  ])("prefs %j valid: %s", (input, ok) => {
    expect(devicePrefsInput.safeParse(input).success).toBe(ok);
  });
});
