import { describe, expect, it } from "vitest";
import { createLocationInput, isValidTimeZone, updateLocationInput, type LocationFieldsInput } from "./location";
import { closureSchema, defaultWeeklyHours, toMinutes, weeklyHoursSchema, type WeeklyHours } from "./opening-hours";
import { A_UUID, issuesOf } from "./schema-test-utils";

const CLOSED: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const monday = (...spans: [string, string][]) => ({ ...CLOSED, mon: spans.map(([open, close]) => ({ open, close })) });

const valid: LocationFieldsInput = {
  name: "Lumière Paris — Pigalle",
  timeZone: "Europe/Paris",
  address: "12 rue Frochot, 75009 Paris",
  phone: "+33 1 42 80 00 00",
  email: "paris@studio-lumiere.fr",
  openingHours: defaultWeeklyHours(),
  closures: [{ from: "2026-12-24", to: "2026-12-26", reason: "Noël" }],
};

describe("isValidTimeZone", () => {
  it.each([
    ["Europe/Paris", true],
    ["Europe/London", true],
    ["America/New_York", true],
    ["Asia/Kolkata", true],
    ["Australia/Lord_Howe", true],
    ["UTC", true],
    ["Paris", false],
    ["Mars/Olympus", false],
    ["Europe/Pariss", false],
    ["+01:00", false],
    ["EST", false],
    ["", false],
  ])("%j → %s", (tz, expected) => {
    expect(isValidTimeZone(tz)).toBe(expected);
  });
});

describe("createLocationInput: accepted", () => {
  it.each<[string, Partial<LocationFieldsInput>]>([
    ["the full Paris location", {}],
    ["New York", { timeZone: "America/New_York", phone: "+1 (212) 555-0100" }],
    ["London", { timeZone: "Europe/London" }],
    ["optional contact fields left out", { address: undefined, phone: undefined, email: undefined }],
    ["optional contact fields empty", { address: "", phone: "", email: "" }],
    ["closing at midnight (24:00)", { openingHours: monday(["10:00", "24:00"]) }],
    ["open from midnight", { openingHours: monday(["00:00", "06:00"]) }],
    ["back-to-back spans", { openingHours: monday(["10:00", "14:00"], ["14:00", "18:00"]) }],
    ["a lunch break, spans out of order", { openingHours: monday(["14:00", "19:00"], ["09:00", "12:30"]) }],
    ["four spans", { openingHours: monday(["00:00", "01:00"], ["02:00", "03:00"], ["04:00", "05:00"], ["06:00", "07:00"]) }],
    ["a wall time inside the spring DST gap (Paris 02:30)", { openingHours: monday(["02:00", "03:30"]) }],
    ["closed all week", { openingHours: CLOSED }],
    ["a one-day closure", { closures: [{ from: "2027-01-01", to: "2027-01-01" }] }],
    ["a closure over a leap day", { closures: [{ from: "2028-02-28", to: "2028-03-01", reason: "" }] }],
    ["no closures", { closures: [] }],
  ])("%s", (_label, patch) => {
    expect(issuesOf(createLocationInput, { ...valid, ...patch })).toEqual([]);
  });

  it("trims text and stores empty optional fields as null", () => {
    const parsed = createLocationInput.parse({ ...valid, name: "  Studio  ", address: " ", email: "", closures: [{ from: "2026-01-01", to: "2026-01-02", reason: "" }] });
    expect(parsed).toMatchObject({ name: "Studio", address: null, email: null, closures: [{ from: "2026-01-01", to: "2026-01-02", reason: null }] });
  });
});

describe("createLocationInput: refused, with the field and the message key", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ["no name", { name: "" }, "name", "v.required"],
    ["a blank name", { name: "   " }, "name", "v.required"],
    ["a name too long", { name: "x".repeat(81) }, "name", "v.tooLong"],
    ["a city, not a zone", { timeZone: "Paris" }, "timeZone", "v.timeZone"],
    ["an unknown zone", { timeZone: "Mars/Olympus" }, "timeZone", "v.timeZone"],
    ["a fixed offset", { timeZone: "+01:00" }, "timeZone", "v.timeZone"],
    ["no zone", { timeZone: "" }, "timeZone", "v.required"],
    ["a bad email", { email: "paris@" }, "email", "v.email"],
    ["a bad phone", { phone: "call us" }, "phone", "v.phone"],
    ["closing before opening", { openingHours: monday(["18:00", "10:00"]) }, "openingHours.mon.0.close", "v.closeAfterOpen"],
    ["closing when opening", { openingHours: monday(["10:00", "10:00"]) }, "openingHours.mon.0.close", "v.closeAfterOpen"],
    ["opening at 24:00", { openingHours: monday(["24:00", "24:00"]) }, "openingHours.mon.0.close", "v.closeAfterOpen"],
    ["24:30", { openingHours: monday(["10:00", "24:30"]) }, "openingHours.mon.0.close", "v.time"],
    ["25:00", { openingHours: monday(["25:00", "26:00"]) }, "openingHours.mon.0.open", "v.time"],
    ["an hour without a leading zero", { openingHours: monday(["9:00", "12:00"]) }, "openingHours.mon.0.open", "v.time"],
    ["minutes past 59", { openingHours: monday(["09:60", "12:00"]) }, "openingHours.mon.0.open", "v.time"],
    ["overlapping spans", { openingHours: monday(["10:00", "14:00"], ["13:00", "18:00"]) }, "openingHours.mon.1.open", "v.overlappingHours"],
    ["overlapping spans given out of order", { openingHours: monday(["13:00", "18:00"], ["10:00", "14:00"]) }, "openingHours.mon.0.open", "v.overlappingHours"],
    ["a span inside another", { openingHours: monday(["10:00", "22:00"], ["12:00", "13:00"]) }, "openingHours.mon.1.open", "v.overlappingHours"],
    ["the same span twice", { openingHours: monday(["10:00", "12:00"], ["10:00", "12:00"]) }, "openingHours.mon.1.open", "v.overlappingHours"],
    ["five spans in a day", { openingHours: monday(["00:00", "01:00"], ["02:00", "03:00"], ["04:00", "05:00"], ["06:00", "07:00"], ["08:00", "09:00"]) }, "openingHours.mon", "v.tooLarge"],
    ["a closure ending before it starts", { closures: [{ from: "2026-12-26", to: "2026-12-24" }] }, "closures.0.to", "v.closureOrder"],
    ["a closure on 30 February", { closures: [{ from: "2026-02-30", to: "2026-03-01" }] }, "closures.0.from", "v.date"],
    ["a closure on 29 February of a common year", { closures: [{ from: "2026-02-28", to: "2026-02-29" }] }, "closures.0.to", "v.date"],
    ["a French-style date", { closures: [{ from: "24/12/2026", to: "2026-12-26" }] }, "closures.0.from", "v.date"],
    ["a closure reason too long", { closures: [{ from: "2026-12-24", to: "2026-12-26", reason: "x".repeat(121) }] }, "closures.0.reason", "v.tooLong"],
    ["too many closures", { closures: Array.from({ length: 201 }, () => ({ from: "2026-01-01", to: "2026-01-01" })) }, "closures", "v.tooLarge"],
  ])("%s", (_label, patch, path, message) => {
    expect(issuesOf(createLocationInput, { ...valid, ...patch })).toContainEqual({ path, message });
  });

  it("reports every day's problem, not only the first", () => {
    const hours = { ...CLOSED, tue: [{ open: "12:00", close: "11:00" }], sun: [{ open: "x", close: "12:00" }] };
    expect(issuesOf(weeklyHoursSchema, hours)).toEqual(
      expect.arrayContaining([
        { path: "tue.0.close", message: "v.closeAfterOpen" },
        { path: "sun.0.open", message: "v.time" },
      ]),
    );
  });
});

describe("updateLocationInput", () => {
  it.each<[string, unknown, { path: string; message: string }[]]>([
    ["a rename alone", { id: A_UUID, patch: { name: "Pigalle" } }, []],
    ["a zone change alone", { id: A_UUID, patch: { timeZone: "America/New_York" } }, []],
    ["an empty patch", { id: A_UUID, patch: {} }, []],
    ["a bad id", { id: "paris", patch: {} }, [{ path: "id", message: "v.invalid" }]],
    ["a bad zone in the patch", { id: A_UUID, patch: { timeZone: "Nowhere" } }, [{ path: "patch.timeZone", message: "v.timeZone" }]],
  ])("%s", (_label, input, issues) => {
    expect(issuesOf(updateLocationInput, input)).toEqual(issues);
  });

  it("leaves the fields a patch does not mention out of the parsed patch", () => {
    expect(updateLocationInput.parse({ id: A_UUID, patch: { name: "Pigalle" } }).patch).toEqual({ name: "Pigalle" });
  });
});

describe("closureSchema and toMinutes", () => {
  it.each([
    ["00:00", 0],
    ["09:30", 570],
    ["23:59", 1439],
    ["24:00", 1440],
  ])("toMinutes(%j) → %i", (time, minutes) => {
    expect(toMinutes(time)).toBe(minutes);
  });

  it("keeps a closure's reason optional", () => {
    expect(closureSchema.parse({ from: "2026-08-01", to: "2026-08-15" })).toEqual({ from: "2026-08-01", to: "2026-08-15", reason: null });
  });
});
