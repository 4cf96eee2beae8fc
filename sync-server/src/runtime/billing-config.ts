import { BILLING_INTERVALS, isPlan, PAID_PLANS, type BillingInterval, type PaidPlan, type Plan } from "../../../shared/billing/plans";
import type { PriceTable } from "../billing/billing-deps";

/**
 * Billing off (no Stripe key): nobody can buy an upgrade, so a limit would be a dead end only the
 * operator can lift. Every studio is then on Enterprise (no limits) unless SYNC_DEFAULT_PLAN says
 * otherwise — an operator who wants Free or Pro limits on a self-hosted server sets it.
 */
export const DEFAULT_PLAN_WITHOUT_BILLING: Plan = "enterprise";

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  prices: PriceTable;
  appUrl: string;
  /** Another API address than Stripe's (tests point the SDK at a local server). */
  apiBase: string | undefined;
}

export interface BillingConfig {
  stripe: StripeConfig | null;
  defaultPlan: Plan;
}

type Env = Readonly<Record<string, string | undefined>>;

const PRICE_VARIABLE = (plan: PaidPlan, interval: BillingInterval) => `STRIPE_PRICE_${plan.toUpperCase()}_${interval === "month" ? "MONTHLY" : "YEARLY"}`;

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is required when STRIPE_SECRET_KEY is set`);
  return value;
}

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, "");
}

/** STRIPE_* and APP_URL when selling plans; SYNC_DEFAULT_PLAN otherwise. Throws with the variable's name. */
export function readBillingConfig(env: Env): BillingConfig {
  const rawPlan = env.SYNC_DEFAULT_PLAN?.trim();
  if (rawPlan && !isPlan(rawPlan)) throw new Error(`SYNC_DEFAULT_PLAN must be free, pro or enterprise, got "${rawPlan}"`);
  const defaultPlan = rawPlan && isPlan(rawPlan) ? rawPlan : DEFAULT_PLAN_WITHOUT_BILLING;
  const secretKey = env.STRIPE_SECRET_KEY?.trim();
  if (!secretKey) return { stripe: null, defaultPlan };
  const price = (plan: PaidPlan) =>
    Object.fromEntries(BILLING_INTERVALS.map((i) => [i, required(env, PRICE_VARIABLE(plan, i))])) as Record<BillingInterval, string>;
  const apiBase = env.STRIPE_API_BASE?.trim();
  return {
    stripe: {
      secretKey,
      webhookSecret: required(env, "STRIPE_WEBHOOK_SECRET"),
      prices: Object.fromEntries(PAID_PLANS.map((p) => [p, price(p)])) as Record<PaidPlan, Record<BillingInterval, string>>,
      appUrl: httpUrl("APP_URL", required(env, "APP_URL")),
      apiBase: apiBase ? httpUrl("STRIPE_API_BASE", apiBase) : undefined,
    },
    defaultPlan,
  };
}
