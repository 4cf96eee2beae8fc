import { describe, expect, it } from "vitest";
import { A_UUID, issuesOf } from "./schema-test-utils";
import { createStaffInput, updateStaffInput } from "./staff";

const valid = {
  name: "Camille Rousseau",
  role: "engineer",
  email: "camille@studio-lumiere.fr",
  phone: "+33 6 12 34 56 78",
  hourlyRateCents: 4500,
  dayRateCents: 32000,
  locationId: A_UUID,
  colour: "#0ea5e9",
  notes: null,
};

describe("createStaffInput: accepted", () => {
  it.each<[string, Record<string, unknown>]>([
    ["an engineer at a location", {}],
    ["someone who works at every location", { locationId: null }],
    ["no location given", { locationId: undefined }],
    ["front desk without rates", { role: "front_desk", hourlyRateCents: 0, dayRateCents: 0 }],
    ["no contact details", { email: "", phone: "" }],
    ["every role", { role: "manager" }],
  ])("%s", (_label, patch) => {
    expect(issuesOf(createStaffInput, { ...valid, ...patch })).toEqual([]);
  });

  it("stores a missing location as null (all locations)", () => {
    expect(createStaffInput.parse({ ...valid, locationId: undefined }).locationId).toBeNull();
  });
});

describe("createStaffInput: refused", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ["an unknown role", { role: "drummer" }, "role", "v.required"],
    ["a bad email", { email: "camille.studio" }, "email", "v.email"],
    ["a bad phone", { phone: "n/a" }, "phone", "v.phone"],
    ["a negative hourly rate", { hourlyRateCents: -4500 }, "hourlyRateCents", "v.nonNegative"],
    ["a fractional day rate", { dayRateCents: 320.5 }, "dayRateCents", "v.wholeNumber"],
    ["a bad colour", { colour: "#0ea5e" }, "colour", "v.colour"],
    ["a bad location id", { locationId: "paris" }, "locationId", "v.invalid"],
    ["no name", { name: "" }, "name", "v.required"],
    ["a name too long", { name: "n".repeat(121) }, "name", "v.tooLong"],
  ])("%s", (_label, patch, path, message) => {
    expect(issuesOf(createStaffInput, { ...valid, ...patch })).toContainEqual({ path, message });
  });

  it("checks a patched field on update", () => {
    expect(issuesOf(updateStaffInput, { id: A_UUID, patch: { role: "drummer" } })).toEqual([{ path: "patch.role", message: "v.required" }]);
  });
});
