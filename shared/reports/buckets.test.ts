import { describe, expect, it } from "vitest";
import { bucketsOf } from "./buckets";

describe("bucketsOf", () => {
  it("cuts a period into days", () => {
    const { buckets, bucketOfDay } = bucketsOf("2026-03-28", 3, "day");
    expect(buckets.map((b) => b.key)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(bucketOfDay).toEqual([0, 1, 2]);
  });

  it("cuts into ISO weeks named by their Monday, clipping the ends to the period", () => {
    const { buckets, bucketOfDay } = bucketsOf("2026-03-27", 10, "week");
    expect(buckets).toEqual([
      { key: "2026-03-23", from: "2026-03-27", to: "2026-03-30" },
      { key: "2026-03-30", from: "2026-03-30", to: "2026-04-06" },
    ]);
    expect(bucketOfDay).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("cuts into calendar months", () => {
    const { buckets } = bucketsOf("2026-01-15", 60, "month");
    expect(buckets).toEqual([
      { key: "2026-01", from: "2026-01-15", to: "2026-02-01" },
      { key: "2026-02", from: "2026-02-01", to: "2026-03-01" },
      { key: "2026-03", from: "2026-03-01", to: "2026-03-16" },
    ]);
  });
});
