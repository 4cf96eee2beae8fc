import { describe, expect, it } from "vitest";
import { fieldChanges, fieldLabel, valueText } from "./audit-text";

describe("audit text", () => {
  it("lists only what changed, before → after", () => {
    expect(fieldChanges({ name: "A", notes: null, rate: 10 }, { name: "B", notes: null, rate: 12 })).toEqual([
      { field: "name", before: "A", after: "B" },
      { field: "rate", before: "10", after: "12" },
    ]);
  });
  it("a creation has no before, a deletion no after", () => {
    expect(fieldChanges(null, { name: "A" })).toEqual([{ field: "name", before: null, after: "A" }]);
    expect(fieldChanges({ name: "A" }, null)).toEqual([{ field: "name", before: "A", after: null }]);
  });
  it("names columns in words and values in text", () => {
    expect(fieldLabel("hourlyRateCents")).toBe("hourly rate cents");
    expect(fieldLabel("room_ids")).toBe("room ids");
    expect(valueText(["a"])).toBe('["a"]');
    expect(valueText("")).toBeNull();
  });
});
