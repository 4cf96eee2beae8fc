import { describe, expect, it } from "vitest";
import type { BillingState } from "./billing-state";
import { OFFLINE_GRACE_MS, offlinePlan } from "./offline-plan";

const FETCHED = Date.UTC(2026, 4, 1);
const DAY = 24 * 3600_000;
const pro: BillingState = {
  mode: "on",
  subscription: { plan: "pro", interval: "year", status: "active", currentPeriodEnd: FETCHED + 300 * DAY, trialEnd: null, pastDueSince: null, cancelAtPeriodEnd: false },
  studioTrialEndsAt: null,
};
const trial: BillingState = { mode: "on", subscription: null, studioTrialEndsAt: FETCHED + 2 * DAY };
const pastDue: BillingState = {
  mode: "on",
  subscription: { plan: "pro", interval: "month", status: "past_due", currentPeriodEnd: FETCHED, trialEnd: null, pastDueSince: FETCHED - 5 * DAY, cancelAtPeriodEnd: false },
  studioTrialEndsAt: null,
};

describe("offlinePlan", () => {
  it.each<[string, BillingState | null, number, { source: string; plan: string | null; access?: string }]>([
    ["never heard from the server: no local limits", null, FETCHED, { source: "unknown", plan: null }],
    ["paid plan, offline a day", pro, FETCHED + DAY, { source: "last_known", plan: "pro", access: "full" }],
    ["paid plan, offline just under the grace", pro, FETCHED + OFFLINE_GRACE_MS - 1, { source: "last_known", plan: "pro" }],
    ["paid plan, offline past the grace: Free limits, never read-only", pro, FETCHED + OFFLINE_GRACE_MS, { source: "offline_expired", plan: "free", access: "full" }],
    ["trial that ends while offline ends here too", trial, FETCHED + 3 * DAY, { source: "last_known", plan: "free" }],
    ["past-due grace that ends while offline turns read-only", pastDue, FETCHED + 3 * DAY, { source: "last_known", plan: "pro", access: "read_only" }],
    ["billing off holds for good", { mode: "off", plan: "enterprise" }, FETCHED + 10 * OFFLINE_GRACE_MS, { source: "last_known", plan: "enterprise" }],
    ["a clock set back counts as the last contact", trial, FETCHED - 30 * DAY, { source: "last_known", plan: "pro" }],
  ])("%s", (_name, state, now, expected) => {
    const result = offlinePlan(state && { state, fetchedAt: FETCHED }, now);
    expect(result.source).toBe(expected.source);
    expect(result.effective?.plan ?? null).toBe(expected.plan);
    expect(result.entitlements?.plan ?? null).toBe(expected.plan);
    if (expected.access) expect(result.effective?.access).toBe(expected.access);
  });
});
