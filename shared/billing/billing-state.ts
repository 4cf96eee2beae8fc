import type { BillingInterval, PaidPlan, Plan } from "./plans";

/** Stripe's subscription statuses, stored as Stripe reports them. */
export const SUBSCRIPTION_STATUSES = ["trialing", "active", "past_due", "unpaid", "canceled", "incomplete", "incomplete_expired", "paused"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export function isSubscriptionStatus(value: unknown): value is SubscriptionStatus {
  return typeof value === "string" && (SUBSCRIPTION_STATUSES as readonly string[]).includes(value);
}

/** A subscription still holding (or owing for) its plan: a studio with one is sent to the Portal, not Checkout. */
export const LIVE_STATUSES: ReadonlySet<SubscriptionStatus> = new Set(["trialing", "active", "past_due", "unpaid"]);

/** A studio's subscription as last read from Stripe; instants in ms since the epoch. */
export interface SubscriptionState {
  plan: PaidPlan;
  interval: BillingInterval;
  status: SubscriptionStatus;
  currentPeriodEnd: number | null;
  trialEnd: number | null;
  /** When the server first saw it past due (or unpaid): the grace period counts from here. */
  pastDueSince: number | null;
  cancelAtPeriodEnd: boolean;
}

/**
 * Everything the effective plan is decided from. Billing off (no Stripe key on the server):
 * every studio is on the server's configured plan. Billing on: the subscription, if any, and the
 * studio's own trial (dated at sign-up, no card asked).
 */
export type BillingState =
  | { mode: "off"; plan: Plan }
  | { mode: "on"; subscription: SubscriptionState | null; studioTrialEndsAt: number | null };
