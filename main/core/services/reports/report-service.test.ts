import { afterEach, describe, expect, it } from "vitest";
import type { AccessSnapshot } from "../../../../shared/permissions/access-snapshot";
import { hasMoney } from "../../../../shared/reports/money-visibility";
import { PREVIOUS_WEEK, ROOM_A, ROOM_B, WEEK } from "../../../../shared/reports/report-fixtures";
import { HOUR_MS, zonedToInstant } from "../../../../shared/zoned-time";
import { locationInput, roomInput } from "../../test-fixtures";
import { ENGINEER_WITH_REPORTS, actingAs, reportWorld, type ReportWorld } from "./report-test-fixtures";

let w: ReportWorld;
afterEach(() => w?.close());

const week = (extra: object = {}) => ({ period: WEEK, granularity: "week", ...extra });

describe("ReportService on a studio file (the Paris DST week)", () => {
  it("gives the owner revenue with money, rows named and largest first", () => {
    w = reportWorld();
    const r = w.reports.revenue(week());
    expect(r.money).toBe(true);
    expect(r.currency).toBe("EUR");
    expect(r.totals).toEqual({
      bookings: 4, hours: 17, netCents: 150_501, vatCents: 30_100, grossCents: 180_601, cancellationFeesCents: 11_400, noShowFeesCents: 45_600, totalCents: 237_601,
    });
    expect(r.byRoom.map((x) => [x.label, x.totalCents])).toEqual([["Studio B", 121_200], ["Studio A", 116_401]]);
    expect(r.byClient.map((x) => [x.label, x.totalCents])).toEqual([["Label Nuit Blanche", 132_000], ["Héloïse Mercier", 71_401], [null, 34_200]]);
    expect(r.byEngineer.map((x) => x.label)).toEqual([null, "Hugo Lefèvre", "Camille Rousseau"]);
    expect(r.previous).toBeNull();
  });

  it("compares with the week before, of the same length", () => {
    w = reportWorld();
    const r = w.reports.revenue(week({ compare: true }));
    // The week before has booking 9 only: 2 h, 228 €.
    expect(r.previous).toMatchObject({ period: PREVIOUS_WEEK, totals: { bookings: 1, hours: 2, totalCents: 22_800 } });
    expect(r.changes?.["totalCents"]).toEqual({ current: 237_601, previous: 22_800, delta: 214_801, ratio: 214_801 / 22_800 });
    expect(r.changes?.["hours"]).toMatchObject({ current: 17, previous: 2, delta: 15 });
  });

  it("measures utilisation against opening hours with the closure, on a 167-hour week", () => {
    w = reportWorld();
    const r = w.reports.utilisation(week());
    expect(r.totals).toEqual({ openHours: 130, bookedHours: 20, outsideHours: 3, utilisation: 20 / 130 });
    expect(r.byLocation[0]).toMatchObject({ label: "Lumière Paris", rooms: 2, clockHours: 167 });
    expect(r.byRoom.map((x) => [x.label, x.bookedHours, x.outsideHours])).toEqual([["Studio A", 10, 3], ["Studio B", 10, 0]]);
  });

  it("lists cancellations and no-shows on each location's wall clock", () => {
    w = reportWorld();
    const r = w.reports.cancellations(week());
    expect(r.totals.feesKeptCents).toBe(57_000);
    expect(r.rows.map((x) => [x.date, x.time, x.status, x.client, x.rooms, x.feeCents])).toEqual([
      ["2026-03-26", "10:00", "cancelled", "Héloïse Mercier", ["Studio A"], 11_400],
      ["2026-03-27", "18:00", "no_show", "Label Nuit Blanche", ["Studio B"], 45_600],
    ]);
  });

  it("tells engineers' hours from their billable time", () => {
    w = reportWorld();
    const r = w.reports.engineers(week());
    expect(r.rows.map((x) => [x.label, x.hours, x.billableHours, x.billedNetCents])).toEqual([["Camille Rousseau", 10, 4, 18_000], ["Hugo Lefèvre", 6, 6, 27_000]]);
    expect(r.totals).toEqual({ sessions: 3, hours: 16, billableHours: 10, completedHours: 16, billedNetCents: 45_000 });
  });

  it("ranks top clients by what they brought", () => {
    w = reportWorld();
    const r = w.reports.topClients(week({ limit: 1 }));
    expect(r.rows).toEqual([{ key: w.real("00000000-0000-7000-8000-0000000000c1"), label: "Label Nuit Blanche", bookings: 1 + 1, hours: 8, totalCents: 132_000, share: 132_000 / 203_401 }]);
    expect(r.totals).toMatchObject({ clients: 2, totalCents: 203_401 });
  });

  it("sums deposits held and due on upcoming sessions, as of now", () => {
    w = reportWorld();
    const r = w.reports.deposits();
    // Upcoming: 3 (paid in full), 4 (nothing paid), 7 (a hold, nothing paid), 8 (overpaid).
    expect(r.totals).toEqual({ bookings: 4, depositCents: 41_040, paidCents: 23_680, heldCents: 20_520, dueCents: 20_520, short: 2 });
    expect(r.rows.map((x) => x.date)).toEqual(["2026-03-25", "2026-03-27", "2026-03-28", "2026-03-30"]);
  });
});

describe("who sees what", () => {
  it("gives an engineer lent report.view hours and utilisation, and no money field anywhere", () => {
    w = reportWorld();
    actingAs(w.core, ENGINEER_WITH_REPORTS);
    const revenue = w.reports.revenue(week({ compare: true }));
    expect(revenue.money).toBe(false);
    expect(hasMoney(revenue)).toBe(false);
    expect(revenue.totals).toEqual({ bookings: 4, hours: 17 });
    expect("totalCents" in revenue.byRoom[0]!).toBe(false);
    // Ranked by hours, not by the amounts it may not see.
    expect(revenue.byRoom.map((x) => [x.label, x.hours])).toEqual([["Studio A", 13], ["Studio B", 10]]);
    expect(w.reports.utilisation(week()).totals.bookedHours).toBe(20);
    for (const report of [w.reports.cancellations(week()), w.reports.engineers(week()), w.reports.topClients(week()), w.reports.deposits()]) {
      expect(report.money).toBe(false);
      expect(hasMoney(report)).toBe(false);
    }
    expect(w.reports.engineers(week()).rows[0]).toMatchObject({ label: "Camille Rousseau", hours: 10, billableHours: 4 });
  });

  it("refuses reports to a viewer", () => {
    w = reportWorld();
    actingAs(w.core, { role: "viewer", locationIds: null, delegations: [] });
    expect(() => w.reports.revenue(week())).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("gives an engineer hours and utilisation by role alone, and a front desk no money in reports", () => {
    w = reportWorld();
    actingAs(w.core, { role: "engineer", locationIds: null, delegations: [] });
    expect(hasMoney(w.reports.revenue(week()))).toBe(false);
    actingAs(w.core, { role: "front_desk", locationIds: null, delegations: [] });
    // finance.view without report.financial: reports stay without amounts.
    expect(w.reports.revenue(week()).money).toBe(false);
  });

  it("shows an owner every location side by side, and a Paris manager only Paris", () => {
    w = reportWorld();
    const london = w.core.locations.create(locationInput());
    const liveRoom = w.core.rooms.create(roomInput(london.id, { name: "Live Room" })).id;
    // Monday 23 March, 10:00–12:00 in London (GMT): 100 € + 20 %.
    const start = zonedToInstant("Europe/London", "2026-03-23", 600);
    w.insert({ id: "london-1", locationId: london.id, roomIds: [liveRoom], staffIds: [], clientId: null, type: "hourly", status: "completed", startMs: start, endMs: start + 2 * HOUR_MS, netCents: 10_000, vatCents: 2_000, totalCents: 12_000, feeCents: 0 });
    const all = w.reports.revenue(week());
    expect(all.byLocation.map((x) => [x.label, x.totalCents])).toEqual([["Lumière Paris", 237_601], ["Lumière London", 12_000]]);
    expect(all.totals.totalCents).toBe(249_601);
    expect(all.seriesByLocation.map((x) => [x.label, x.series[0]!.totalCents])).toEqual([["Lumière London", 12_000], ["Lumière Paris", 237_601]]);
    // London also changes to summer time on 29 March: its week is 167 hours too.
    expect(w.reports.utilisation(week()).byLocation.map((x) => [x.label, x.clockHours])).toEqual([["Lumière London", 167], ["Lumière Paris", 167]]);

    const paris = w.core.locations.list().find((l) => l.name === "Lumière Paris")!.id;
    actingAs(w.core, { role: "manager", locationIds: [paris], delegations: [] });
    const mine = w.reports.revenue(week());
    expect(mine.locations.map((l) => l.name)).toEqual(["Lumière Paris"]);
    expect(mine.totals.totalCents).toBe(237_601);
    expect(() => w.reports.revenue(week({ locationIds: [london.id] }))).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("keeps room keys as the studio's ids", () => {
    w = reportWorld();
    expect(w.reports.utilisation(week()).byRoom.map((x) => x.key)).toEqual([w.real(ROOM_A), w.real(ROOM_B)]);
  });
});
