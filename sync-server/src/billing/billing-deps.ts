import type Stripe from "stripe";
import type { BillingInterval, PaidPlan, Plan } from "../../../shared/billing/plans";
import type { TenantDatabases } from "../db/tenant-databases";
import type { Logger } from "../log";

/** Stripe price ids by plan and interval (STRIPE_PRICE_*). */
export type PriceTable = Readonly<Record<PaidPlan, Readonly<Record<BillingInterval, string>>>>;

/** What selling through Stripe needs; absent, billing is off. */
export interface StripeBilling {
  client: Stripe;
  webhookSecret: string;
  prices: PriceTable;
  /** Where Checkout and the Portal send the browser back (APP_URL). */
  appUrl: string;
}

/** The billing procedures', webhook's and plan checks' dependencies; `now` is injectable for grace periods. */
export interface BillingDeps {
  databases: TenantDatabases;
  log: Logger;
  now: () => number;
  /** Null: billing off, every studio on `defaultPlan`. */
  stripe: StripeBilling | null;
  defaultPlan: Plan;
  pastDueGraceMs: number;
}
