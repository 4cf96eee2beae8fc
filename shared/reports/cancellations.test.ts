import { describe, expect, it } from "vitest";
import { cancellationReport } from "./cancellations";
import { hourGrid } from "./hour-grid";
import { BOOKINGS, TZ, WEEK } from "./report-fixtures";

const sites = () => [{ grid: hourGrid(TZ, WEEK.from, WEEK.to), bookings: BOOKINGS }];

describe("cancellationReport", () => {
  it("counts cancellations and no-shows with the fees kept", () => {
    const r = cancellationReport(sites());
    // 4 sessions + 1 cancelled + 1 no-show; lost: 2 h / 228 € and 4 h / 456 €.
    expect(r.totals).toEqual({
      bookings: 6, cancelled: 1, noShows: 1, rate: 2 / 6, lostHours: 6, lostCents: 68_400,
      cancellationFeesCents: 11_400, noShowFeesCents: 45_600, feesKeptCents: 57_000,
    });
    expect(r.rows.map((x) => [x.status, x.feeCents])).toEqual([["cancelled", 11_400], ["no_show", 45_600]]);
  });
});
