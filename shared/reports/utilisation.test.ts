import { describe, expect, it } from "vitest";
import { openIntervals } from "../booking/open-intervals";
import { addDays } from "../zoned-time";
import { bucketsOf } from "./buckets";
import { hourGrid } from "./hour-grid";
import { BOOKINGS, CLOSURES, HOURS, LOC, ROOM_A, ROOM_B, TZ, WEEK } from "./report-fixtures";
import { sessionSpans, utilisationBreakdown } from "./utilisation";

const run = (granularity: "day" | "week", closures = CLOSURES) => {
  const grid = hourGrid(TZ, WEEK.from, WEEK.to);
  const { buckets, bucketOfDay } = bucketsOf(WEEK.from, grid.days, granularity);
  const open = openIntervals(TZ, HOURS, closures, WEEK.from, addDays(WEEK.to, -1));
  return utilisationBreakdown([{ locationId: LOC, grid, open, rooms: [ROOM_A, ROOM_B], spans: sessionSpans(BOOKINGS) }], buckets, bucketOfDay);
};

describe("utilisationBreakdown over the Paris DST week", () => {
  it("divides booked by open room-hours, closures and the lost hour included", () => {
    const r = run("week");
    // Open 65 h a room (Wednesday closed, Sunday 00:00–04:00 is 3 h); booked while open: A 4 + 6, B 6 + 4.
    expect(r.byRoom).toEqual([
      { key: ROOM_A, locationId: LOC, openHours: 65, bookedHours: 10, outsideHours: 3, utilisation: 10 / 65 },
      { key: ROOM_B, locationId: LOC, openHours: 65, bookedHours: 10, outsideHours: 0, utilisation: 10 / 65 },
    ]);
    expect(r.totals).toEqual({ openHours: 130, bookedHours: 20, outsideHours: 3, utilisation: 20 / 130 });
    expect(r.byLocation).toEqual([{ key: LOC, rooms: 2, clockHours: 167, openHours: 130, bookedHours: 20, outsideHours: 3, utilisation: 20 / 130, series: r.series }]);
  });

  it("opens the closed Wednesday when the closure is lifted", () => {
    // 12 more hours a room; booking 4 (12:00–15:00) now counts as booked.
    expect(run("week", []).totals).toEqual({ openHours: 154, bookedHours: 23, outsideHours: 0, utilisation: 23 / 154 });
  });

  it("gives each day its own figures; the closed day has nothing open", () => {
    const days = run("day").series;
    expect(days.map((d) => [d.key, d.openHours, d.bookedHours, d.outsideHours])).toEqual([
      ["2026-03-23", 24, 4, 0], ["2026-03-24", 24, 12, 0], ["2026-03-25", 0, 0, 3], ["2026-03-26", 24, 0, 0],
      ["2026-03-27", 24, 0, 0], ["2026-03-28", 28, 2, 0], ["2026-03-29", 6, 2, 0],
    ]);
    expect(days[2]!.utilisation).toBeNull();
  });

  it("maps weekday × hour on the wall clock: Sunday has no 02:00", () => {
    const cell = (weekday: string, hour: number) => run("week").heatmap.find((c) => c.weekday === weekday && c.hour === hour)!;
    expect(run("week").heatmap).toHaveLength(168);
    expect(cell("mon", 10)).toEqual({ weekday: "mon", hour: 10, openHours: 2, bookedHours: 1, utilisation: 0.5 });
    expect(cell("sat", 22)).toMatchObject({ openHours: 2, bookedHours: 1 });
    expect(cell("sun", 1)).toMatchObject({ openHours: 2, bookedHours: 1 });
    expect(cell("sun", 2)).toEqual({ weekday: "sun", hour: 2, openHours: 0, bookedHours: 0, utilisation: null });
    expect(cell("sun", 3)).toMatchObject({ openHours: 2, bookedHours: 0, utilisation: 0 });
    expect(cell("wed", 12)).toMatchObject({ openHours: 0, bookedHours: 0 });
  });
});
