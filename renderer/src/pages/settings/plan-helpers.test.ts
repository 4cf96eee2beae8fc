import { describe, expect, it } from "vitest";
import type { BillingStatus } from "../../../../shared/billing/billing-api";
import type { SubscriptionStatus } from "../../../../shared/billing/billing-state";
import { effectivePlan } from "../../../../shared/billing/effective-plan";
import { entitlementsOf } from "../../../../shared/billing/entitlements";
import { isWebUrl } from "../../lib/open-external";
import { billingActions, knownInvoiceStatus, meterOf, metersOf, type PlanView } from "./plan-helpers";

describe("meterOf", () => {
  it.each<[number, number | null, string, number | null]>([
    [0, 2, "ok", 0],
    [1, 2, "ok", 0.5],
    [39, 50, "ok", 0.78],
    [40, 50, "near", 0.8],
    [49, 50, "near", 0.98],
    [50, 50, "full", 1],
    [1, 1, "full", 1],
    [3, 1, "over", 1],
    [500, null, "ok", null],
  ])("%s used of %s: %s", (used, max, level, ratio) => {
    expect(meterOf(used, max)).toEqual({ used, max, level, ratio });
  });

  it("reads the four limits of a plan in order", () => {
    const meters = metersOf({ locations: 1, rooms: 2, users: 1, bookingsThisMonth: 41 }, entitlementsOf("free"));
    expect(meters.map((m) => [m.usage, m.meter.level])).toEqual([
      ["locations", "full"],
      ["rooms", "full"],
      ["users", "ok"],
      ["bookingsThisMonth", "near"],
    ]);
    expect(metersOf({ locations: 1, rooms: 2, users: 1, bookingsThisMonth: 41 }, entitlementsOf("enterprise")).every((m) => m.meter.max === null)).toBe(true);
  });
});

const NOW = Date.UTC(2026, 5, 1);

function view(over: { billing?: "on" | "off"; sub?: SubscriptionStatus | null; source?: PlanView["source"] } = {}): PlanView {
  const state: BillingStatus["state"] = over.billing === "off"
    ? { mode: "off", plan: "enterprise" }
    : {
      mode: "on",
      studioTrialEndsAt: null,
      subscription: over.sub
        ? { plan: "pro", interval: "month", status: over.sub, currentPeriodEnd: NOW, trialEnd: null, pastDueSince: null, cancelAtPeriodEnd: false }
        : null,
    };
  const effective = effectivePlan(state, NOW);
  const status: BillingStatus = {
    billing: state.mode,
    effective,
    entitlements: entitlementsOf(effective.plan),
    usage: { locations: 1, rooms: 1, users: 1, bookingsThisMonth: 0 },
    subscription: state.mode === "on" && state.subscription ? { status: state.subscription.status, interval: "month", currentPeriodEnd: NOW, cancelAtPeriodEnd: false } : null,
    state,
    fetchedAt: NOW,
  };
  return { source: over.source ?? "live", status, effective, entitlements: status.entitlements, offlineGraceEndsAt: null, offlineCode: null };
}

describe("billingActions", () => {
  it.each<[string, PlanView, boolean, { checkout: boolean; portal: boolean; invoices: boolean }]>([
    ["never subscribed: buy", view(), true, { checkout: true, portal: false, invoices: true }],
    ["active: the Portal changes it", view({ sub: "active" }), true, { checkout: false, portal: true, invoices: true }],
    ["past due: the Portal, to pay", view({ sub: "past_due" }), true, { checkout: false, portal: true, invoices: true }],
    ["canceled: buy again, the Portal still opens", view({ sub: "canceled" }), true, { checkout: true, portal: true, invoices: true }],
    ["not an owner: nothing", view(), false, { checkout: false, portal: false, invoices: false }],
    ["billing off: nothing to buy", view({ billing: "off" }), true, { checkout: false, portal: false, invoices: false }],
    ["offline: nothing", view({ source: "last_known" }), true, { checkout: false, portal: false, invoices: false }],
  ])("%s", (_label, v, canManage, expected) => {
    expect(billingActions(v, canManage)).toEqual(expected);
  });
});

describe("isWebUrl and knownInvoiceStatus", () => {
  it.each<[string | null, boolean]>([
    ["https://checkout.stripe.com/c/pay/cs_test_1", true],
    ["http://127.0.0.1:12111/portal", true],
    ["javascript:alert(1)", false],
    ["file:///etc/passwd", false],
    ["pas une adresse", false],
    [null, false],
  ])("%s → %s", (url, ok) => {
    expect(isWebUrl(url)).toBe(ok);
  });

  it("names Stripe's statuses it knows, and leaves others as they are", () => {
    expect(knownInvoiceStatus("paid")).toBe("paid");
    expect(knownInvoiceStatus("something_new")).toBeNull();
    expect(knownInvoiceStatus(null)).toBeNull();
  });
});
