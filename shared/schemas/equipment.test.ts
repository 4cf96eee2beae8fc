import { describe, expect, it } from "vitest";
import { createEquipmentInput, updateEquipmentInput } from "./equipment";
import { A_UUID, issuesOf } from "./schema-test-utils";

const valid = {
  locationId: A_UUID,
  name: "Neumann U 87 Ai",
  category: "microphone",
  serialNumber: "U87-204118",
  quantity: 2,
  dailyRateCents: 4000,
  lastMaintenance: "2026-06-10",
  nextMaintenance: "2027-06-10",
  notes: null,
};

describe("createEquipmentInput: accepted", () => {
  it.each<[string, Record<string, unknown>]>([
    ["a dated service history", {}],
    ["serviced and due the same day", { nextMaintenance: "2026-06-10" }],
    ["only a next service", { lastMaintenance: null }],
    ["only a last service", { nextMaintenance: undefined }],
    ["no dates (empty fields)", { lastMaintenance: "", nextMaintenance: "" }],
    ["a single item", { quantity: 1 }],
    ["a large lot", { quantity: 10_000 }],
    ["not rented out", { dailyRateCents: 0 }],
    ["no serial number", { serialNumber: undefined }],
  ])("%s", (_label, patch) => {
    expect(issuesOf(createEquipmentInput, { ...valid, ...patch })).toEqual([]);
  });
});

describe("createEquipmentInput: refused", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ["next service before the last", { nextMaintenance: "2026-06-09" }, "nextMaintenance", "v.maintenanceOrder"],
    ["no quantity", { quantity: 0 }, "quantity", "v.atLeastOne"],
    ["a negative quantity", { quantity: -3 }, "quantity", "v.atLeastOne"],
    ["a fractional quantity", { quantity: 1.5 }, "quantity", "v.wholeNumber"],
    ["an absurd quantity", { quantity: 10_001 }, "quantity", "v.tooLarge"],
    ["a missing quantity", { quantity: undefined }, "quantity", "v.required"],
    ["a negative daily rate", { dailyRateCents: -1 }, "dailyRateCents", "v.nonNegative"],
    ["month 13", { lastMaintenance: "2026-13-01" }, "lastMaintenance", "v.date"],
    ["29 February of a common year", { nextMaintenance: "2027-02-29" }, "nextMaintenance", "v.date"],
    ["a timestamp instead of a date", { lastMaintenance: "2026-06-10T10:00:00Z" }, "lastMaintenance", "v.date"],
    ["an unknown category", { category: "spoon" }, "category", "v.required"],
    ["no name", { name: " " }, "name", "v.required"],
    ["a serial number too long", { serialNumber: "S".repeat(81) }, "serialNumber", "v.tooLong"],
    ["a bad location id", { locationId: "" }, "locationId", "v.invalid"],
  ])("%s", (_label, patch, path, message) => {
    expect(issuesOf(createEquipmentInput, { ...valid, ...patch })).toContainEqual({ path, message });
  });
});

describe("updateEquipmentInput", () => {
  it("keeps the patch partial (the store checks the maintenance order on the merged row)", () => {
    expect(updateEquipmentInput.parse({ id: A_UUID, patch: { quantity: 3 } }).patch).toEqual({ quantity: 3 });
  });

  it("checks each patched field", () => {
    expect(issuesOf(updateEquipmentInput, { id: A_UUID, patch: { quantity: 0 } })).toEqual([{ path: "patch.quantity", message: "v.atLeastOne" }]);
  });
});
