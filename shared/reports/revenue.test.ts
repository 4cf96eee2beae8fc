import { describe, expect, it } from "vitest";
import { bucketsOf } from "./buckets";
import { hourGrid } from "./hour-grid";
import { BOOKINGS, CAMILLE, HELOISE, HUGO, LABEL, LOC, ROOM_A, ROOM_B, TZ, WEEK } from "./report-fixtures";
import { revenueBreakdown, type RevenueRow } from "./revenue";

const week = (granularity: "day" | "week" | "month") => {
  const grid = hourGrid(TZ, WEEK.from, WEEK.to);
  const { buckets, bucketOfDay } = bucketsOf(WEEK.from, grid.days, granularity);
  return revenueBreakdown([{ grid, bookings: BOOKINGS }], buckets, bucketOfDay);
};
const byKey = (rows: RevenueRow[]) => Object.fromEntries(rows.map((r) => [String(r.key), r]));

describe("revenue over the Paris DST week", () => {
  it("totals the sessions and the fees kept, and nothing else", () => {
    // Sessions 1–4: 4 + 6 + 4 + 3 hours; fees: 114 € cancellation (5), 456 € no-show (6); 7 is a hold, 8 and 9 fall outside.
    expect(week("week").totals).toEqual({
      bookings: 4, hours: 17, netCents: 150_501, vatCents: 30_100, grossCents: 180_601,
      cancellationFeesCents: 11_400, noShowFeesCents: 45_600, totalCents: 237_601,
    });
  });

  it("puts each booking on the local day it starts, the Saturday night session on Saturday", () => {
    const series = week("day").series.map((b) => [b.key, b.totalCents]);
    expect(series).toEqual([
      ["2026-03-23", 40_800], ["2026-03-24", 60_001], ["2026-03-25", 34_200], ["2026-03-26", 11_400],
      ["2026-03-27", 45_600], ["2026-03-28", 45_600], ["2026-03-29", 0],
    ]);
    expect(week("week").series).toHaveLength(1);
    expect(week("month").series.map((b) => [b.key, b.from, b.to])).toEqual([["2026-03", WEEK.from, WEEK.to]]);
  });

  it("shares a two-room, two-engineer booking to the cent, keeping each its hours", () => {
    const rooms = byKey(week("week").byRoom);
    // A: 1, half of 2 (the odd cent), 4, and the cancellation fee of 5.
    expect(rooms[ROOM_A]).toMatchObject({ bookings: 3, hours: 13, netCents: 87_501, vatCents: 17_500, grossCents: 105_001, cancellationFeesCents: 11_400, totalCents: 116_401 });
    // B: half of 2, 3, and the no-show fee of 6.
    expect(rooms[ROOM_B]).toMatchObject({ bookings: 2, hours: 10, netCents: 63_000, grossCents: 75_600, noShowFeesCents: 45_600, totalCents: 121_200 });
    const engineers = byKey(week("week").byEngineer);
    expect(engineers[CAMILLE]).toMatchObject({ bookings: 2, hours: 10, totalCents: 70_801 });
    expect(engineers[HUGO]).toMatchObject({ bookings: 1, hours: 6, totalCents: 75_600 });
    expect(engineers["null"]).toMatchObject({ bookings: 2, hours: 7, totalCents: 91_200 });
  });

  it("breaks down by client, location and type, each adding up to the total", () => {
    const r = week("week");
    expect(Object.fromEntries(r.byClient.map((c) => [String(c.key), c.totalCents]))).toEqual({ [LABEL]: 132_000, [HELOISE]: 71_401, null: 34_200 });
    expect(Object.fromEntries(r.byType.map((c) => [String(c.key), c.totalCents]))).toEqual({ half_day: 40_800, hourly: 196_801 });
    expect(r.byLocation).toEqual([{ key: LOC, ...r.totals }]);
    expect(r.seriesByLocation).toEqual([{ key: LOC, series: r.series }]);
    for (const rows of [r.byRoom, r.byEngineer, r.byClient, r.byType]) expect(rows.reduce((s, x) => s + x.totalCents, 0)).toBe(237_601);
  });
});
