import type { SubscriptionStatus } from "./billing-state";
import { PLAN_PRICES_CENTS, type BillingInterval, type PaidPlan } from "./plans";

/**
 * One studio's billing as the operator metrics read it: when it signed up, its own trial (no card
 * asked), and every state its Stripe subscription was seen in, oldest first. The server records a
 * change each time the webhook writes a different subscription state (server migration 011).
 */
export interface StudioBillingHistory {
  tenantId: string;
  /** Sign-up instant, ms since the epoch: it decides the studio's cohort. */
  signedUpAt: number;
  /** The studio's own trial end (dated at sign-up), or null. */
  trialEndsAt: number | null;
  /** Its data lives in a dedicated database (tenant directory): counted like any other studio. */
  dedicated: boolean;
  changes: readonly SubscriptionChange[];
}

export interface SubscriptionChange {
  /** When the server saw this state, ms since the epoch. */
  at: number;
  plan: PaidPlan;
  interval: BillingInterval;
  status: SubscriptionStatus;
  /** A Stripe trial on the subscription, ms, or null. */
  trialEnd: number | null;
}

/**
 * Paying = the subscription is active, or past due (still in dunning: the customer is billed and
 * usually pays on retry). Trialing pays nothing yet; unpaid, canceled, paused and incomplete do not pay.
 */
const PAYING: ReadonlySet<SubscriptionStatus> = new Set(["active", "past_due"]);

export function isPaying(change: SubscriptionChange | null): boolean {
  return change !== null && PAYING.has(change.status);
}

/**
 * The studio's subscription state just before `instant`: the last change strictly earlier. So a
 * change stamped exactly at midnight on the 1st belongs to the month that starts then.
 */
export function stateBefore(history: StudioBillingHistory, instant: number): SubscriptionChange | null {
  let state: SubscriptionChange | null = null;
  for (const c of history.changes) {
    if (c.at >= instant) break;
    state = c;
  }
  return state;
}

/**
 * What a paying subscription brings in a year, in cents: 12 × the monthly price, or the yearly
 * price. Sums are kept in annual cents (integers) and divided by 12 once, at the end, so a
 * 190 €/year plan never drifts as 15 833.33… cents added up many times. Prices are the plans'
 * catalogue prices, the only ones this server sells (a price it does not know is never stored).
 */
export function annualCents(change: SubscriptionChange | null): number {
  if (!change || !isPaying(change)) return 0;
  const price = PLAN_PRICES_CENTS[change.plan][change.interval];
  return change.interval === "month" ? price * 12 : price;
}

/** a ÷ b rounded half up, in exact integer arithmetic (BigInt: products of sums may pass 2^53). */
export function roundDiv(a: bigint, b: bigint): number {
  if (b <= 0n) throw new Error("roundDiv needs a positive divisor");
  const q = a / b;
  const r = a % b;
  return Number(2n * r >= b ? q + 1n : q);
}
