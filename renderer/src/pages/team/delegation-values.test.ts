import { describe, expect, it } from "vitest";
import { defaultEnd, endAllowed, localInstant } from "./delegation-values";

const NOW = new Date(2026, 10, 25, 14, 7).getTime();

describe("delegation end", () => {
  it("reads local date and time fields", () => {
    expect(localInstant("2026-11-26", "18:30")).toBe(new Date(2026, 10, 26, 18, 30).getTime());
    expect(localInstant("26/11/2026", "18:30")).toBeNull();
  });
  it("must be in the future and at most 90 days ahead", () => {
    expect(endAllowed(NOW + 1, NOW)).toBe(true);
    expect(endAllowed(NOW, NOW)).toBe(false);
    expect(endAllowed(NOW + 90 * 86_400_000, NOW)).toBe(true);
    expect(endAllowed(NOW + 91 * 86_400_000, NOW)).toBe(false);
    expect(endAllowed(null, NOW)).toBe(false);
  });
  it("starts at this time tomorrow, on the next quarter hour", () => {
    expect(defaultEnd(NOW)).toEqual({ date: "2026-11-26", time: "14:15" });
  });
});
