import { describe, expect, it } from "vitest";
import { entitlementsOf } from "./entitlements";
import { PLAN_PRICES_CENTS } from "./plans";

describe("entitlementsOf", () => {
  it.each([
    ["free", 1, 2, 2, 50, false, false, false, false],
    ["pro", 3, null, 10, null, true, true, false, false],
    ["enterprise", null, null, null, null, true, true, true, true],
  ] as const)("%s: locations %s, rooms %s, users %s, bookings/month %s, sms %s, webhooks %s, sso %s, dedicated db %s", (plan, locations, rooms, users, bookings, sms, webhooks, sso, dedicated) => {
    expect(entitlementsOf(plan)).toMatchObject({
      plan,
      maxLocations: locations,
      maxRooms: rooms,
      maxUsers: users,
      maxBookingsPerMonth: bookings,
      sms,
      webhooks,
      sso,
      auditExport: sso,
      dedicatedDatabase: dedicated,
    });
  });

  it("prices the paid plans in cents, a year costing ten months", () => {
    expect(PLAN_PRICES_CENTS).toEqual({ pro: { month: 1900, year: 19_000 }, enterprise: { month: 5900, year: 59_000 } });
  });
});
