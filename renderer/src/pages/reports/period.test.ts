import { describe, expect, it } from "vitest";
import { localToday, periodOf } from "./period";

const custom = (from: string, last: string) => ({ preset: "custom" as const, from, last });

describe("report periods", () => {
  it("this week runs Monday to the next Monday", () => {
    expect(periodOf({ ...custom("", ""), preset: "week" }, "2026-11-25")).toEqual({ from: "2026-11-23", to: "2026-11-30" });
    expect(periodOf({ ...custom("", ""), preset: "week" }, "2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-30" });
  });

  it("this month and last month, across a year's end", () => {
    expect(periodOf({ ...custom("", ""), preset: "month" }, "2026-12-31")).toEqual({ from: "2026-12-01", to: "2027-01-01" });
    expect(periodOf({ ...custom("", ""), preset: "lastMonth" }, "2027-01-15")).toEqual({ from: "2026-12-01", to: "2027-01-01" });
    expect(periodOf({ ...custom("", ""), preset: "lastMonth" }, "2026-03-31")).toEqual({ from: "2026-02-01", to: "2026-03-01" });
  });

  it("custom dates include their last day, and refuse a backwards or too long period", () => {
    expect(periodOf(custom("2026-03-01", "2026-03-01"), "2026-11-25")).toEqual({ from: "2026-03-01", to: "2026-03-02" });
    expect(periodOf(custom("2026-03-02", "2026-03-01"), "2026-11-25")).toBeNull();
    expect(periodOf(custom("2020-01-01", "2026-03-01"), "2026-11-25")).toBeNull();
    expect(periodOf(custom("", "2026-03-01"), "2026-11-25")).toBeNull();
  });

  it("today is the computer's own date", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});

describe("bar names", () => {
  it("a week cut by the period's start is named by its first day in the period", async () => {
    const { bucketLabel } = await import("./buckets");
    expect(bucketLabel({ key: "2026-10-26", from: "2026-11-01" }, "week", "en-GB")).toBe("1 Nov");
    expect(bucketLabel({ key: "2026-11", from: "2026-11-01" }, "month", "fr-FR")).toBe("nov. 2026");
  });
});
