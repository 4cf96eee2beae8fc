import { describe, expect, it } from "vitest";
import { entitlementsOf } from "./entitlements";
import { limitRefusal, type LimitedCreation } from "./limit-refusal";
import type { Plan } from "./plans";
import { monthStartUtc, type PlanUsage } from "./usage";

const usage = (over: Partial<PlanUsage> = {}): PlanUsage => ({ locations: 0, rooms: 0, users: 0, bookingsThisMonth: 0, ...over });

describe("limitRefusal", () => {
  it.each<[Plan, LimitedCreation, Partial<PlanUsage>, null | { limit: string; max: number; used: number; upgradeTo: Plan | null }]>([
    ["free", "location", { locations: 0 }, null],
    ["free", "location", { locations: 1 }, { limit: "maxLocations", max: 1, used: 1, upgradeTo: "pro" }],
    ["free", "room", { rooms: 1 }, null],
    ["free", "room", { rooms: 2 }, { limit: "maxRooms", max: 2, used: 2, upgradeTo: "pro" }],
    ["free", "booking", { bookingsThisMonth: 49 }, null],
    ["free", "booking", { bookingsThisMonth: 50 }, { limit: "maxBookingsPerMonth", max: 50, used: 50, upgradeTo: "pro" }],
    ["free", "user", { users: 2 }, { limit: "maxUsers", max: 2, used: 2, upgradeTo: "pro" }],
    // Pro's 3 locations are not enough for a fourth: the hint skips to Enterprise.
    ["free", "location", { locations: 3 }, { limit: "maxLocations", max: 1, used: 3, upgradeTo: "enterprise" }],
    ["pro", "location", { locations: 3 }, { limit: "maxLocations", max: 3, used: 3, upgradeTo: "enterprise" }],
    ["pro", "room", { rooms: 500 }, null],
    ["pro", "booking", { bookingsThisMonth: 10_000 }, null],
    ["pro", "user", { users: 10 }, { limit: "maxUsers", max: 10, used: 10, upgradeTo: "enterprise" }],
    ["enterprise", "location", { locations: 1000 }, null],
    ["enterprise", "user", { users: 1000 }, null],
  ])("%s plan, one more %s with %o in use", (plan, kind, used, expected) => {
    const hit = limitRefusal(entitlementsOf(plan), usage(used), kind);
    if (expected === null) expect(hit).toBeNull();
    else expect(hit).toMatchObject(expected);
  });

  it("names the limit and how to lift it", () => {
    expect(limitRefusal(entitlementsOf("free"), usage({ rooms: 2 }), "room")?.message).toBe(
      "The Free plan allows 2 rooms (2 in use): upgrade to Pro in Settings → Plan & billing",
    );
    expect(limitRefusal(entitlementsOf("free"), usage({ locations: 1 }), "location")?.message).toBe(
      "The Free plan allows 1 location (1 in use): upgrade to Pro in Settings → Plan & billing",
    );
  });
});

describe("monthStartUtc", () => {
  it.each([
    [Date.UTC(2026, 0, 31, 23, 59), Date.UTC(2026, 0, 1)],
    [Date.UTC(2026, 1, 1, 0, 0), Date.UTC(2026, 1, 1)],
    [Date.UTC(2028, 1, 29, 12), Date.UTC(2028, 1, 1)],
  ])("%s → %s", (now, start) => {
    expect(monthStartUtc(now)).toBe(start);
  });
});
