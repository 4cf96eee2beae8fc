import { describe, expect, it } from "vitest";
import type { BillingState, SubscriptionState, SubscriptionStatus } from "./billing-state";
import { effectivePlan, PAST_DUE_GRACE_MS } from "./effective-plan";

const NOW = Date.UTC(2026, 4, 20, 12);
const DAY = 24 * 3600_000;

const sub = (status: SubscriptionStatus, over: Partial<SubscriptionState> = {}): SubscriptionState => ({
  plan: "enterprise",
  interval: "month",
  status,
  currentPeriodEnd: NOW + 20 * DAY,
  trialEnd: null,
  pastDueSince: null,
  cancelAtPeriodEnd: false,
  ...over,
});
const on = (subscription: SubscriptionState | null, studioTrialEndsAt: number | null = null): BillingState => ({ mode: "on", subscription, studioTrialEndsAt });

describe("effectivePlan", () => {
  it.each<[string, BillingState, { plan: string; access: string; reason: string; graceEndsAt?: number | null; trialEndsAt?: number | null }]>([
    ["billing off: the server's plan", { mode: "off", plan: "pro" }, { plan: "pro", access: "full", reason: "billing_off" }],
    ["no subscription, studio trial running", on(null, NOW + DAY), { plan: "pro", access: "full", reason: "studio_trial", trialEndsAt: NOW + DAY }],
    ["no subscription, studio trial over", on(null, NOW), { plan: "free", access: "full", reason: "no_subscription" }],
    ["no subscription, never trialed", on(null), { plan: "free", access: "full", reason: "no_subscription" }],
    ["active", on(sub("active")), { plan: "enterprise", access: "full", reason: "subscription" }],
    ["trialing", on(sub("trialing", { trialEnd: NOW + 3 * DAY })), { plan: "enterprise", access: "full", reason: "subscription_trial", trialEndsAt: NOW + 3 * DAY }],
    ["past due for 6 days: grace", on(sub("past_due", { pastDueSince: NOW - 6 * DAY })), { plan: "enterprise", access: "full", reason: "past_due_grace", graceEndsAt: NOW + DAY }],
    ["past due for exactly 7 days: read-only", on(sub("past_due", { pastDueSince: NOW - PAST_DUE_GRACE_MS })), { plan: "enterprise", access: "read_only", reason: "past_due_read_only", graceEndsAt: NOW }],
    ["past due, first seen now", on(sub("past_due")), { plan: "enterprise", access: "full", reason: "past_due_grace", graceEndsAt: NOW + PAST_DUE_GRACE_MS }],
    ["unpaid (retries exhausted): read-only at once", on(sub("unpaid", { pastDueSince: NOW - DAY })), { plan: "enterprise", access: "read_only", reason: "past_due_read_only" }],
    ["canceled: free", on(sub("canceled")), { plan: "free", access: "full", reason: "no_subscription" }],
    ["canceled during the studio trial: the trial still counts", on(sub("canceled"), NOW + DAY), { plan: "pro", access: "full", reason: "studio_trial" }],
    ["incomplete (first payment pending): free", on(sub("incomplete")), { plan: "free", access: "full", reason: "no_subscription" }],
    ["paused (trial ended without a card): free", on(sub("paused")), { plan: "free", access: "full", reason: "no_subscription" }],
  ])("%s", (_name, state, expected) => {
    expect(effectivePlan(state, NOW)).toMatchObject(expected);
  });

  it("takes a shorter grace when asked", () => {
    expect(effectivePlan(on(sub("past_due", { pastDueSince: NOW - 2 * DAY })), NOW, DAY).access).toBe("read_only");
  });
});
