import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BillingInterval, PaidPlan } from "../../shared/billing/plans";
import type { SessionTokens } from "../../shared/schemas/account";
import { signUp } from "../../sync-server/src/accounts/sign-up";
import { withTenant } from "../../sync-server/src/db/with-tenant";
import { startSyncServer, type SyncServer } from "../../sync-server/src/server";
import { TEST_PRICES, startBillingTestServer, type BillingTestServer } from "./support/billing-test-setup";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { postStripeEvent, stripeEvent } from "./support/stripe-events";
import { refusal, signUpInput } from "./support/sync-test-server";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { SyncRouter } from "../../sync-server/src/router";

/**
 * operator.metrics over the real path: studios signed up (one in a dedicated database), subscriptions
 * fed through the signed Stripe webhook and the fake Stripe API, history recorded by the database's
 * trigger, read across studios by the operator's one function, computed by shared/billing.
 */
const OPERATOR_TOKEN = "operator-token-0123456789-abcdefghijklmnop";
let primary: TestDatabase;
let dedicated: TestDatabase;
let t: BillingTestServer;
/** The same databases and clock, with the operator API on. */
let operatorServer: SyncServer;
const studios: Record<"a" | "b" | "c", SessionTokens> = {} as never;
const subs: Record<string, string> = {};

const at = (iso: string) => Date.parse(iso);
const client = (url: string, token?: string) =>
  createTRPCClient<SyncRouter>({ links: [httpLink({ url: `${url}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) })] });
const operator = (token: string | undefined = OPERATOR_TOKEN) => client(operatorServer.url, token);

async function subscribe(owner: SessionTokens, plan: PaidPlan, interval: BillingInterval): Promise<void> {
  await t.srv.client(owner.accessToken).billing.checkout.mutate({ plan, interval });
  const id = `sub_${crypto.randomBytes(8).toString("hex")}`;
  t.stripe.setSubscription({ id, customer: t.stripe.customersOf(owner.tenantId)[0]!, status: "active", priceId: TEST_PRICES[plan][interval], metadata: { tenant_id: owner.tenantId } });
  subs[owner.tenantId] = id;
  await webhook("customer.subscription.created", id);
}

async function webhook(type: string, subscriptionId: string): Promise<void> {
  const event = stripeEvent(type, t.stripe.subscriptionObject(t.stripe.subscriptions.get(subscriptionId)!));
  expect((await postStripeEvent(t.srv.server.url, event)).status).toBe(200);
}

beforeAll(async () => {
  [primary, dedicated] = await Promise.all([createTestDatabase("operator_primary"), createTestDatabase("operator_dedicated")]);
  t = await startBillingTestServer(primary);
  operatorServer = await startSyncServer({ port: 0, hostname: "127.0.0.1", log: () => {}, services: { accounts: t.srv.deps, billing: t.billing, operator: { token: OPERATOR_TOKEN } } });
  const clock = t.srv.clock;
  clock.ms = at("2026-01-05T10:00:00Z");
  studios.a = await t.srv.client().accounts.signUp.mutate(signUpInput("op-a"));
  studios.b = await signUp(t.srv.deps, signUpInput("op-b"), { database: dedicated.name });
  clock.ms = at("2026-01-10T09:00:00Z");
  await subscribe(studios.a, "pro", "month");
  clock.ms = at("2026-01-12T09:00:00Z");
  await subscribe(studios.b, "enterprise", "year");
  // The same state delivered again adds no history.
  await webhook("customer.subscription.updated", subs[studios.b.tenantId]!);
  clock.ms = at("2026-02-03T08:00:00Z");
  studios.c = await t.srv.client().accounts.signUp.mutate(signUpInput("op-c"));
  clock.ms = at("2026-02-20T16:00:00Z");
  t.stripe.updateSubscription(subs[studios.a.tenantId]!, { status: "canceled" });
  await webhook("customer.subscription.deleted", subs[studios.a.tenantId]!);
  clock.ms = at("2026-03-10T12:00:00Z");
}, 60_000);
afterAll(async () => {
  await operatorServer?.close();
  await t?.close();
});

describe("operator.metrics", () => {
  it("computes MRR, ARR, studios by plan, churn, LTV, trial conversion and cohorts across pooled and dedicated studios", async () => {
    const m = await operator().operator.metrics.query({ from: "2026-01", to: "2026-03" });
    expect(m.asOf).toBe(at("2026-03-10T12:00:00Z"));
    // Left: Enterprise yearly (590 €/year) in the dedicated database.
    expect(m.revenue).toEqual({ mrrCents: 4917, arrCents: 59_000, paying: 1 });
    expect(m.studios).toEqual({ free: 2, trial: 0, pro: { month: 0, year: 0 }, enterprise: { month: 0, year: 1 }, pastDue: 0, dedicated: 1, total: 3 });
    expect(m.months.map(({ month, payingAtStart, churned, churnRate, mrrAtStartCents, lostMrrCents, mrrAtEndCents }) => ({ month, payingAtStart, churned, churnRate, mrrAtStartCents, lostMrrCents, mrrAtEndCents }))).toEqual([
      { month: "2026-01", payingAtStart: 0, churned: 0, churnRate: null, mrrAtStartCents: 0, lostMrrCents: 0, mrrAtEndCents: 6817 },
      { month: "2026-02", payingAtStart: 2, churned: 1, churnRate: 0.5, mrrAtStartCents: 6817, lostMrrCents: 1900, mrrAtEndCents: 4917 },
      { month: "2026-03", payingAtStart: 1, churned: 0, churnRate: 0, mrrAtStartCents: 4917, lostMrrCents: 0, mrrAtEndCents: 4917 },
    ]);
    // ARPA 4916.67 ÷ (1 churned / 3 studio-months).
    expect(m.ltv).toEqual({ cents: 14_750, arpaCents: 4917, monthlyChurnRate: 1 / 3 });
    // A and B paid before their trials ended (19 January); C's ended 17 February, unpaid.
    expect(m.trialConversion).toEqual({ ended: 3, converted: 2, rate: 2 / 3 });
    expect(m.cohorts).toEqual([
      { month: "2026-01", size: 2, paying: [2, 1, 1] },
      { month: "2026-02", size: 1, paying: [0, 0] },
      { month: "2026-03", size: 0, paying: [0] },
    ]);
  });

  it("keeps one history row per new state, written by the trigger; the app role only reads its studio's", async () => {
    const rows = await asAdmin(primary, async (c) => (await c.query("SELECT tenant_id, status, plan, billing_interval FROM subscription_history ORDER BY at")).rows);
    expect(rows).toEqual([
      { tenant_id: studios.a.tenantId, status: "active", plan: "pro", billing_interval: "month" },
      { tenant_id: studios.b.tenantId, status: "active", plan: "enterprise", billing_interval: "year" },
      { tenant_id: studios.a.tenantId, status: "canceled", plan: "pro", billing_interval: "month" },
    ]);
    const pool = t.srv.deps.databases.primary;
    // The app role reads one studio's history at a time, none without a studio, and writes none.
    expect((await pool.query("SELECT count(*)::int AS n FROM subscription_history")).rows[0].n).toBe(0);
    expect(await withTenant(pool, studios.a.tenantId, async (tx) => (await tx.query("SELECT DISTINCT tenant_id FROM subscription_history")).rows)).toEqual([{ tenant_id: studios.a.tenantId }]);
    await expect(withTenant(pool, studios.c.tenantId, (tx) => tx.query("INSERT INTO subscription_history (tenant_id, at, stripe_subscription_id, plan, billing_interval, status, cancel_at_period_end) VALUES ($1, now(), 'sub_x', 'pro', 'month', 'active', false)", [studios.c.tenantId]))).rejects.toThrow(/permission denied/);
    await expect(withTenant(pool, studios.a.tenantId, (tx) => tx.query("UPDATE subscription_history SET status = 'active'"))).rejects.toThrow(/permission denied/);
  });

  it("refuses a studio user's token, no token and a wrong one; refuses a bad range", async () => {
    expect(await refusal(operator(studios.a.accessToken).operator.metrics.query({ from: "2026-01", to: "2026-03" }))).toMatchObject({ appCode: "UNAUTHENTICATED", httpStatus: 401 });
    expect(await refusal(operator(studios.b.accessToken).operator.metrics.query({ from: "2026-01", to: "2026-03" }))).toMatchObject({ appCode: "UNAUTHENTICATED" });
    expect(await refusal(client(operatorServer.url).operator.metrics.query({ from: "2026-01", to: "2026-03" }))).toMatchObject({ appCode: "UNAUTHENTICATED" });
    expect(await refusal(operator(`${OPERATOR_TOKEN}x`).operator.metrics.query({ from: "2026-01", to: "2026-03" }))).toMatchObject({ appCode: "UNAUTHENTICATED" });
    expect(await refusal(operator().operator.metrics.query({ from: "2026-04", to: "2026-03" }))).toMatchObject({ appCode: "VALIDATION_FAILED", fieldErrors: { to: ["v.monthOrder"] } });
  });

  it("is off, with its own code, on a server without OPERATOR_TOKEN — even for the right token", async () => {
    expect(await refusal(client(t.srv.server.url, OPERATOR_TOKEN).operator.metrics.query({ from: "2026-01", to: "2026-03" }))).toMatchObject({ appCode: "OPERATOR_DISABLED", httpStatus: 412 });
  });
});

describe("/operator page", () => {
  const post = (url: string, form: Record<string, string>, lang = "fr-FR,fr;q=0.9,en;q=0.8") =>
    fetch(`${url}/operator`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": lang }, body: new URLSearchParams(form) });

  it("asks for the token, then shows the figures in the browser's language", async () => {
    const form = await fetch(`${operatorServer.url}/operator`, { headers: { "accept-language": "fr" } });
    expect(form.status).toBe(200);
    expect(form.headers.get("cache-control")).toBe("no-store");
    expect(await form.text()).toContain("Jeton opérateur");

    const fr = await post(operatorServer.url, { token: OPERATOR_TOKEN, from: "2026-01", to: "2026-03" });
    expect(fr.status).toBe(200);
    const html = await fr.text();
    expect(html).toContain("49,17\u00a0€"); // MRR
    expect(html).toContain("590,00\u00a0€"); // ARR
    expect(html).toContain("147,50\u00a0€"); // LTV
    expect(html).toContain("66,7\u00a0%"); // trial conversion

    const en = await (await post(operatorServer.url, { token: OPERATOR_TOKEN, from: "2026-01", to: "2026-03" }, "en-US,en;q=0.9")).text();
    expect(en).toContain("Trial conversion");
    expect(en).toContain("€590.00");
  });

  it("says what is wrong: a studio's token, an operator API that is off", async () => {
    const wrong = await post(operatorServer.url, { token: studios.a.accessToken, from: "2026-01", to: "2026-03" });
    expect(wrong.status).toBe(401);
    const body = await wrong.text();
    expect(body).toContain("Ce n'est pas le jeton opérateur.");
    expect(body).not.toContain(studios.a.accessToken);
    expect(await (await fetch(`${t.srv.server.url}/operator`, { headers: { "accept-language": "en" } })).text()).toContain("The operator view is off on this server: set OPERATOR_TOKEN.");
    const off = await post(t.srv.server.url, { token: OPERATOR_TOKEN, from: "2026-01", to: "2026-03" }, "en");
    expect(off.status).toBe(412);
    expect(await off.text()).toContain("The operator view is off on this server: set OPERATOR_TOKEN.");
  });
});
