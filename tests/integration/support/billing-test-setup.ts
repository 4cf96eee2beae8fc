import type { SessionTokens } from "../../../shared/schemas/account";
import type { MutationResult, PushedMutation } from "../../../shared/sync/protocol";
import { planRefusal } from "../../../sync-server/src/billing/plan-refusal";
import { studioPlan } from "../../../sync-server/src/billing/studio-plan";
import { withTenant } from "../../../sync-server/src/db/with-tenant";
import { ENTITY_TABLES } from "../../../sync-server/src/sync/entity-tables";
import type { BillingDeps, PriceTable } from "../../../sync-server/src/billing/billing-deps";
import { createStripeClient } from "../../../sync-server/src/billing/stripe-client";
import { PAST_DUE_GRACE_MS } from "../../../shared/billing/effective-plan";
import { FAKE_STRIPE_KEY, FakeStripeServer } from "./fake-stripe-server";
import type { TestDatabase } from "./postgres";
import { TEST_WEBHOOK_SECRET } from "./stripe-events";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./sync-test-server";

export const TEST_PRICES: PriceTable = {
  pro: { month: "price_pro_month", year: "price_pro_year" },
  enterprise: { month: "price_ent_month", year: "price_ent_year" },
};
export const TEST_APP_URL = "https://app.studio.test";

/** The environment a sync server process (`npm run server`) sells plans with, through the fake Stripe at `stripeUrl`. */
export function stripeEnv(stripeUrl: string): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: FAKE_STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    STRIPE_PRICE_PRO_MONTHLY: TEST_PRICES.pro.month,
    STRIPE_PRICE_PRO_YEARLY: TEST_PRICES.pro.year,
    STRIPE_PRICE_ENTERPRISE_MONTHLY: TEST_PRICES.enterprise.month,
    STRIPE_PRICE_ENTERPRISE_YEARLY: TEST_PRICES.enterprise.year,
    APP_URL: TEST_APP_URL,
    STRIPE_API_BASE: stripeUrl,
  };
}

export interface BillingTestServer {
  srv: TestSyncServer;
  stripe: FakeStripeServer;
  /** The same dependencies the server runs on (its clock, its databases), for calling billing code directly. */
  billing: BillingDeps;
  close(): Promise<void>;
}

/** A sync server selling plans through the official SDK, pointed at the fake Stripe, on a test clock. */
export async function startBillingTestServer(db: TestDatabase): Promise<BillingTestServer> {
  const stripe = await new FakeStripeServer().start();
  const options = {
    stripe: { client: createStripeClient(FAKE_STRIPE_KEY, stripe.url), webhookSecret: TEST_WEBHOOK_SECRET, prices: TEST_PRICES, appUrl: TEST_APP_URL },
    defaultPlan: "enterprise" as const,
    pastDueGraceMs: PAST_DUE_GRACE_MS,
  };
  // Tests move the clock by weeks (trials, grace periods): access tokens must outlive that.
  const srv = await startTestSyncServer(db, { billing: options, accessTokenTtlSeconds: 365 * 24 * 3600 });
  const billing: BillingDeps = { ...options, databases: srv.deps.databases, log: srv.deps.log, now: srv.clock.now };
  return {
    srv,
    stripe,
    billing,
    close: async () => {
      await srv.close();
      await stripe.close();
    },
  };
}

/** A new studio, and its owner's session. */
export function signUpStudio(srv: TestSyncServer, label: string): Promise<SessionTokens> {
  return srv.client().accounts.signUp.mutate(signUpInput(label));
}

/** What planRefusal says of a pushed mutation now, as the push path would ask it (plan read once, then the tenant transaction). */
export async function planRefusalFor(billing: BillingDeps, tenantId: string, m: PushedMutation): Promise<MutationResult | null> {
  const plan = await studioPlan(billing, tenantId);
  const pool = await billing.databases.forTenant(tenantId);
  return withTenant(pool, tenantId, (tx) => planRefusal(tx, tenantId, ENTITY_TABLES[m.entity]!.table, plan, m));
}
