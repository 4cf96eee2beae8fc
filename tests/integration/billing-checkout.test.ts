import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { addMember } from "./support/members";
import { signUpStudio, startBillingTestServer, TEST_APP_URL, type BillingTestServer } from "./support/billing-test-setup";
import { refusal, signUpInput, startTestSyncServer } from "./support/sync-test-server";

/** billing.status, checkout, portal and invoices through the official SDK against the fake Stripe. */
let db: TestDatabase;
let t: BillingTestServer;

beforeAll(async () => {
  db = await createTestDatabase("billing_checkout");
  t = await startBillingTestServer(db);
});
afterAll(async () => {
  await t?.close();
});

const DAY = 24 * 3600_000;

describe("billing.status", () => {
  it("a new studio is on its 14-day Pro trial, with its usage counted", async () => {
    const owner = await signUpStudio(t.srv, "status");
    const status = await t.srv.client(owner.accessToken).billing.status.query();
    expect(status).toMatchObject({
      billing: "on",
      effective: { plan: "pro", access: "full", reason: "studio_trial" },
      entitlements: { plan: "pro", maxLocations: 3, maxRooms: null, maxUsers: 10, sms: true },
      usage: { locations: 1, rooms: 0, users: 1, bookingsThisMonth: 0 },
      subscription: null,
      fetchedAt: t.srv.clock.ms,
    });
    expect(status.effective.trialEndsAt).toBeGreaterThan(t.srv.clock.ms + 13 * DAY);
    expect(status.state).toMatchObject({ mode: "on", subscription: null });
  });

  it("after the trial, without a subscription: Free", async () => {
    const owner = await signUpStudio(t.srv, "aftertrial");
    await asAdmin(db, (c) => c.query("UPDATE tenants SET trial_ends_at = $2 WHERE tenant_id = $1", [owner.tenantId, new Date(t.srv.clock.ms - 1)]));
    const status = await t.srv.client(owner.accessToken).billing.status.query();
    expect(status.effective).toMatchObject({ plan: "free", reason: "no_subscription" });
    expect(status.entitlements).toMatchObject({ maxLocations: 1, maxRooms: 2, maxUsers: 2, maxBookingsPerMonth: 50, sms: false, webhooks: false });
  });
});

describe("billing.checkout", () => {
  it("makes the customer once (tenant in its metadata), then a subscription-mode session for the configured price, with idempotency keys", async () => {
    const owner = await signUpStudio(t.srv, "checkout");
    const client = t.srv.client(owner.accessToken);
    const first = await client.billing.checkout.mutate({ plan: "pro", interval: "year" });
    const second = await client.billing.checkout.mutate({ plan: "enterprise", interval: "month" });
    expect(first.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    expect(second.url).not.toBe(first.url);

    const customers = t.stripe.requests.filter((r) => r.path === "/v1/customers" && r.form["metadata"] && (r.form["metadata"] as Record<string, string>)["tenant_id"] === owner.tenantId);
    expect(customers).toHaveLength(1);
    expect(customers[0]!.form).toMatchObject({ name: "Studio checkout", email: "owner.checkout@example.com" });
    expect(customers[0]!.idempotencyKey).toBe(`rsm-customer-${owner.tenantId}`);
    const customerId = t.stripe.customersOf(owner.tenantId)[0]!;

    const sessions = t.stripe.requests.filter((r) => r.path === "/v1/checkout/sessions" && r.form["client_reference_id"] === owner.tenantId);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.form).toMatchObject({
      mode: "subscription",
      customer: customerId,
      line_items: { 0: { price: "price_pro_year", quantity: "1" } },
      subscription_data: { metadata: { tenant_id: owner.tenantId } },
      success_url: `${TEST_APP_URL}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${TEST_APP_URL}/billing/cancelled`,
    });
    expect(sessions[1]!.form).toMatchObject({ customer: customerId, line_items: { 0: { price: "price_ent_month" } } });
    // The studio's trial carries over: the subscription starts trialing until the studio trial ends.
    const trialEnd = Number((sessions[0]!.form["subscription_data"] as Record<string, string>)["trial_end"]);
    expect(trialEnd * 1000).toBeGreaterThan(t.srv.clock.ms + 13 * DAY);
    expect(new Set(sessions.map((s) => s.idempotencyKey)).size).toBe(2);
    expect(sessions.every((s) => s.idempotencyKey?.startsWith("rsm-checkout-"))).toBe(true);
  });

  it("two checkouts at once still make one customer", async () => {
    const owner = await signUpStudio(t.srv, "race");
    const client = t.srv.client(owner.accessToken);
    await Promise.all([client.billing.checkout.mutate({ plan: "pro", interval: "month" }), client.billing.checkout.mutate({ plan: "pro", interval: "month" })]);
    const made = t.stripe.customersOf(owner.tenantId);
    expect(made).toHaveLength(1);
  });

  it("is refused while a subscription is live: changes go through the Portal", async () => {
    const owner = await signUpStudio(t.srv, "live");
    await t.srv.client(owner.accessToken).billing.checkout.mutate({ plan: "pro", interval: "month" });
    await asAdmin(db, (c) =>
      c.query("UPDATE subscriptions SET stripe_subscription_id = 'sub_live', plan = 'pro', billing_interval = 'month', status = 'active' WHERE tenant_id = $1", [owner.tenantId]),
    );
    expect(await refusal(t.srv.client(owner.accessToken).billing.checkout.mutate({ plan: "enterprise", interval: "year" }))).toMatchObject({
      appCode: "BILLING_ALREADY_SUBSCRIBED",
      httpStatus: 409,
    });
  });

  it("says BILLING_FAILED when Stripe is down, and nothing is half-made", async () => {
    const owner = await signUpStudio(t.srv, "down");
    t.stripe.failures.set("POST /v1/customers", 3);
    expect(await refusal(t.srv.client(owner.accessToken).billing.checkout.mutate({ plan: "pro", interval: "month" }))).toMatchObject({ appCode: "BILLING_FAILED", httpStatus: 503 });
    const row = await asAdmin(db, async (c) => (await c.query("SELECT stripe_customer_id FROM subscriptions WHERE tenant_id = $1", [owner.tenantId])).rows[0]);
    expect(row).toBeUndefined();
  });

  it("is for owners only (billing.manage)", async () => {
    const owner = await signUpStudio(t.srv, "roles");
    await addMember(db, owner.tenantId, "desk.roles@example.com", "front desk password", "front_desk");
    const desk = await t.srv.client().accounts.logIn.mutate({ email: "desk.roles@example.com", password: "front desk password", device: { name: "Desk" } });
    expect(await refusal(t.srv.client(desk.accessToken).billing.checkout.mutate({ plan: "pro", interval: "month" }))).toMatchObject({ appCode: "FORBIDDEN" });
    expect(await refusal(t.srv.client(desk.accessToken).billing.invoices.query())).toMatchObject({ appCode: "FORBIDDEN" });
    // Every member sees the plan: the desktop mirrors its limits.
    expect((await t.srv.client(desk.accessToken).billing.status.query()).usage.users).toBe(2);
  });
});

describe("billing.portal and billing.invoices", () => {
  it("before any Checkout: no portal, no invoices", async () => {
    const owner = await signUpStudio(t.srv, "nocustomer");
    expect(await refusal(t.srv.client(owner.accessToken).billing.portal.mutate())).toMatchObject({ appCode: "BILLING_NO_CUSTOMER" });
    expect(await t.srv.client(owner.accessToken).billing.invoices.query()).toEqual([]);
  });

  it("opens the Customer Portal for the studio's customer and lists its invoices, newest first", async () => {
    const owner = await signUpStudio(t.srv, "portal");
    const client = t.srv.client(owner.accessToken);
    await client.billing.checkout.mutate({ plan: "pro", interval: "month" });
    const customerId = t.stripe.customersOf(owner.tenantId)[0]!;

    const portal = await client.billing.portal.mutate();
    expect(portal.url).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\/bps_/);
    const request = t.stripe.requests.findLast((r) => r.path === "/v1/billing_portal/sessions")!;
    expect(request.form).toEqual({ customer: customerId, return_url: `${TEST_APP_URL}/billing` });
    expect(request.idempotencyKey).toMatch(/^rsm-portal-/);

    t.stripe.invoices.push(
      { customer: customerId, number: "RSM-0001", created: 1_780_000_000, total: 1900, status: "paid" },
      { customer: customerId, number: "RSM-0002", created: 1_782_600_000, total: 1900, status: "open" },
      { customer: "cus_someone_else", number: "OTHER-1", created: 1_782_600_000, total: 5900, status: "paid" },
    );
    expect(await client.billing.invoices.query()).toEqual([
      { id: "in_0_RSM-0002", number: "RSM-0002", createdAt: 1_782_600_000_000, totalCents: 1900, currency: "EUR", status: "open", hostedUrl: "https://invoice.stripe.test/i/RSM-0002", pdfUrl: "https://invoice.stripe.test/i/RSM-0002/pdf" },
      { id: "in_1_RSM-0001", number: "RSM-0001", createdAt: 1_780_000_000_000, totalCents: 1900, currency: "EUR", status: "paid", hostedUrl: "https://invoice.stripe.test/i/RSM-0001", pdfUrl: "https://invoice.stripe.test/i/RSM-0001/pdf" },
    ]);
  });
});

describe("billing off", () => {
  it("every studio on the default plan; the billing procedures answer BILLING_DISABLED; the webhook is not served", async () => {
    const off = await startTestSyncServer(db);
    try {
      const owner = await off.client().accounts.signUp.mutate(signUpInput("billingoff"));
      const status = await off.client(owner.accessToken).billing.status.query();
      expect(status).toMatchObject({ billing: "off", effective: { plan: "enterprise", reason: "billing_off" }, subscription: null, state: { mode: "off", plan: "enterprise" } });
      expect(await refusal(off.client(owner.accessToken).billing.checkout.mutate({ plan: "pro", interval: "month" }))).toMatchObject({ appCode: "BILLING_DISABLED", httpStatus: 412 });
      expect(await refusal(off.client(owner.accessToken).billing.portal.mutate())).toMatchObject({ appCode: "BILLING_DISABLED" });
      const res = await fetch(`${off.server.url}/stripe/webhook`, { method: "POST", body: "{}" });
      expect(res.status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
