import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it } from "vitest";
import { WEEK } from "../../../../shared/reports/report-fixtures";
import { ENGINEER_WITH_REPORTS, actingAs, reportWorld, type ReportWorld } from "../../services/reports/report-test-fixtures";
import { createCoreCaller } from "../app-router";

let w: ReportWorld;
afterEach(() => w?.close());

const caller = () => createCoreCaller({ core: w.core }).reports;

describe("reports.* procedures", () => {
  it("answers each report query for the owner", async () => {
    w = reportWorld();
    const input = { period: WEEK, granularity: "week" as const };
    expect((await caller().revenue(input)).totals.totalCents).toBe(237_601);
    expect((await caller().utilisation(input)).totals.openHours).toBe(130);
    expect((await caller().cancellations(input)).totals.cancelled).toBe(1);
    expect((await caller().engineers(input)).rows).toHaveLength(2);
    expect((await caller().topClients({ ...input, limit: 5 })).rows).toHaveLength(2);
    expect((await caller().deposits()).totals.bookings).toBe(4);
    expect(await caller().aging()).toMatchObject({ money: true, asOf: "2026-03-20", totals: { invoices: 0, outstandingCents: 0 }, rows: [] });
    expect(await caller().scope()).toEqual({ money: true, currency: "EUR", locations: [{ id: w.real("00000000-0000-7000-8000-00000000000a"), name: "Lumière Paris", timeZone: "Europe/Paris" }] });
  });

  it("says what an engineer's reports hold: no money", async () => {
    w = reportWorld();
    actingAs(w.core, ENGINEER_WITH_REPORTS);
    expect((await caller().scope()).money).toBe(false);
    expect((await caller().revenue({ period: WEEK })).totals).toEqual({ bookings: 4, hours: 17 });
    expect((await caller().aging({ asOf: "2026-03-20" })).totals).toEqual({ invoices: 0 });
  });

  it("refuses an aging date that does not exist, and aging to a role without report.view", async () => {
    w = reportWorld();
    await expect(caller().aging({ asOf: "2026-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    actingAs(w.core, { role: "viewer", locationIds: null, delegations: [] });
    await expect(caller().aging()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it.each([
    ["a period that ends before it starts", { period: { from: "2026-03-30", to: "2026-03-23" } }],
    ["a period longer than two years", { period: { from: "2024-01-01", to: "2026-03-01" } }],
    ["a date that does not exist", { period: { from: "2026-02-30", to: "2026-03-02" } }],
    ["an unknown granularity", { period: WEEK, granularity: "hour" }],
  ])("refuses %s as a bad request", async (_name, input) => {
    w = reportWorld();
    await expect(caller().revenue(input as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses reports to a role without report.view with FORBIDDEN", async () => {
    w = reportWorld();
    actingAs(w.core, { role: "viewer", locationIds: null, delegations: [] });
    const refused = caller().revenue({ period: WEEK });
    await expect(refused).rejects.toBeInstanceOf(TRPCError);
    await expect(refused).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
