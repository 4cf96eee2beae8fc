import { PLAN_NAMES } from "../../../shared/billing/plans";
import { PAST_DUE_GRACE_MS } from "../../../shared/billing/effective-plan";
import type { TenantDatabases } from "../db/tenant-databases";
import type { Logger } from "../log";
import type { BillingConfig } from "../runtime/billing-config";
import type { BillingDeps } from "./billing-deps";
import { createStripeClient } from "./stripe-client";

/** The billing dependencies from the environment's settings; says at start whether plans are sold. */
export function createBilling(config: BillingConfig, databases: TenantDatabases, log: Logger, now: () => number = Date.now): BillingDeps {
  const base = { databases, log, now, defaultPlan: config.defaultPlan, pastDueGraceMs: PAST_DUE_GRACE_MS };
  if (!config.stripe) {
    log({
      level: "info",
      msg: `billing is off: every studio is on the ${PLAN_NAMES[config.defaultPlan]} plan (set STRIPE_SECRET_KEY to sell plans, SYNC_DEFAULT_PLAN to change it)`,
      billing: "off",
      plan: config.defaultPlan,
    });
    return { ...base, stripe: null };
  }
  const { secretKey, apiBase, webhookSecret, prices, appUrl } = config.stripe;
  log({ level: "info", msg: "billing is on: plans sold through Stripe Checkout", billing: "on", stripeApi: apiBase ?? "api.stripe.com", webhook: "POST /stripe/webhook" });
  return { ...base, stripe: { client: createStripeClient(secretKey, apiBase), webhookSecret, prices, appUrl } };
}
