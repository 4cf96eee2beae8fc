import { describe, expect, it } from "vitest";
import { engineerHours } from "./engineer-hours";
import { hourGrid } from "./hour-grid";
import { BOOKINGS, CAMILLE, ENGINEER_LINES, HUGO, TZ, WEEK } from "./report-fixtures";

const sites = () => [{ grid: hourGrid(TZ, WEEK.from, WEEK.to), bookings: BOOKINGS }];

describe("engineerHours", () => {
  it("separates hours from billable hours by the engineer's own price line", () => {
    // Camille: 1 (4 h, billed 180 €) and 2 (6 h, in-house at no charge). Hugo: 2 (6 h, 270 €); his no-show is no session.
    expect(engineerHours(sites(), ENGINEER_LINES)).toEqual([
      { key: CAMILLE, sessions: 2, hours: 10, billableHours: 4, completedHours: 10, billableShare: 0.4, billedNetCents: 18_000 },
      { key: HUGO, sessions: 1, hours: 6, billableHours: 6, completedHours: 6, billableShare: 1, billedNetCents: 27_000 },
    ]);
  });
});
