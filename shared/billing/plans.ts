/**
 * The plans a studio can be on and what each costs (ARCHITECTURE.md, Billing). Prices are integer
 * euro cents, as everywhere money is kept; Stripe holds the prices actually charged (by their
 * ids, configured on the server), these are what the app shows beside them.
 */
export const PLANS = ["free", "pro", "enterprise"] as const;
export type Plan = (typeof PLANS)[number];

/** The plans sold through Checkout; Free is what a studio is on without a subscription. */
export const PAID_PLANS = ["pro", "enterprise"] as const;
export type PaidPlan = (typeof PAID_PLANS)[number];

export const BILLING_INTERVALS = ["month", "year"] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export const PLAN_CURRENCY = "EUR";

export const PLAN_PRICES_CENTS: Readonly<Record<PaidPlan, Readonly<Record<BillingInterval, number>>>> = {
  pro: { month: 1900, year: 19_000 },
  enterprise: { month: 5900, year: 59_000 },
};

/** A new studio tries Pro for this long, no card asked (the server dates it at sign-up). */
export const TRIAL_DAYS = 14;
export const TRIAL_PLAN: PaidPlan = "pro";

/** Cheapest first: an upgrade hint names the first plan after the current one that lifts a limit. */
export const PLAN_ORDER: readonly Plan[] = PLANS;

export function isPlan(value: unknown): value is Plan {
  return typeof value === "string" && (PLANS as readonly string[]).includes(value);
}

export const PLAN_NAMES: Readonly<Record<Plan, string>> = { free: "Free", pro: "Pro", enterprise: "Enterprise" };
