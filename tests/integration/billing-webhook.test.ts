import crypto from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import type { FakeSubscription } from "./support/fake-stripe-server";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { planRefusalFor, signUpStudio, startBillingTestServer, TEST_PRICES, type BillingTestServer } from "./support/billing-test-setup";
import { postStripeEvent, stripeEvent, TEST_WEBHOOK_SECRET } from "./support/stripe-events";
import { locationWire, roomWire, SimDevice } from "./support/sync-device";

/** POST /stripe/webhook on the real server: signatures, once-only processing, order, past due, trials. */
let db: TestDatabase;
let t: BillingTestServer;

beforeAll(async () => {
  db = await createTestDatabase("billing_webhook");
  t = await startBillingTestServer(db);
});
afterAll(async () => {
  await t?.close();
});

const DAY = 24 * 3600_000;
const post = (event: Record<string, unknown>) => postStripeEvent(t.srv.server.url, event);
const status = (owner: SessionTokens) => t.srv.client(owner.accessToken).billing.status.query();
const subId = () => `sub_${crypto.randomBytes(8).toString("hex")}`;
/** The subscription as the fake holds it now: what an event sent at this moment carries. */
const subObject = (id: string) => t.stripe.subscriptionObject(t.stripe.subscriptions.get(id)!);
const retrievals = (id: string) => t.stripe.requests.filter((r) => r.method === "GET" && r.path === `/v1/subscriptions/${id}`).length;

/** A studio through Checkout: its customer made by billing.checkout, the subscription held by the fake. */
async function subscribed(label: string, sub: Partial<FakeSubscription> = {}): Promise<{ owner: SessionTokens; sub: FakeSubscription }> {
  const owner = await signUpStudio(t.srv, label);
  await t.srv.client(owner.accessToken).billing.checkout.mutate({ plan: "pro", interval: "month" });
  const customer = t.stripe.customersOf(owner.tenantId)[0]!;
  const full: FakeSubscription = { id: subId(), customer, status: "active", priceId: TEST_PRICES.pro.month, metadata: { tenant_id: owner.tenantId }, ...sub };
  t.stripe.setSubscription(full);
  return { owner, sub: full };
}

const invoiceFor = (sub: FakeSubscription) => ({
  id: `in_${crypto.randomBytes(6).toString("hex")}`,
  object: "invoice",
  customer: sub.customer,
  status: "open",
  parent: { type: "subscription_details", quote_details: null, subscription_details: { subscription: sub.id, metadata: sub.metadata } },
});

const storedEvent = (id: string) => asAdmin(db, async (c) => (await c.query("SELECT type, processed_at IS NOT NULL AS processed, outcome FROM stripe_events WHERE event_id = $1", [id])).rows);

describe("signature", () => {
  it("refuses a bad signature, a missing one, and a body changed after signing (400), storing nothing", async () => {
    const { sub } = await subscribed("badsig");
    const event = stripeEvent("customer.subscription.updated", subObject(sub.id));
    expect(await postStripeEvent(t.srv.server.url, event, "whsec_not_the_secret")).toMatchObject({ status: 400, body: { error: "Bad signature" } });

    const noHeader = await fetch(`${t.srv.server.url}/stripe/webhook`, { method: "POST", body: JSON.stringify(event) });
    expect(noHeader.status).toBe(400);

    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
    const tampered = await fetch(`${t.srv.server.url}/stripe/webhook`, { method: "POST", headers: { "stripe-signature": header }, body: payload.replace('"active"', '"canceled"') });
    expect(tampered.status).toBe(400);

    expect(await storedEvent(String(event["id"]))).toEqual([]);
    expect(retrievals(sub.id)).toBe(0);
  });

  it("answers 405 to anything but POST", async () => {
    expect((await fetch(`${t.srv.server.url}/stripe/webhook`)).status).toBe(405);
  });
});

describe("each event once", () => {
  it("checkout.session.completed makes the studio Pro; the same event replayed is not processed again", async () => {
    const { owner, sub } = await subscribed("replay");
    const event = stripeEvent("checkout.session.completed", { id: "cs_test_1", object: "checkout.session", mode: "subscription", customer: sub.customer, subscription: sub.id, client_reference_id: owner.tenantId, metadata: {} });
    expect(await post(event)).toMatchObject({ status: 200, body: { received: true, outcome: "pro active" } });
    expect(await post(event)).toMatchObject({ status: 200, body: { received: true, outcome: "already processed or ignored" } });
    await Promise.all([post(event), post(event)]);
    expect(retrievals(sub.id)).toBe(1);
    expect(await storedEvent(String(event["id"]))).toEqual([{ type: "checkout.session.completed", processed: true, outcome: "pro active" }]);
    expect(await status(owner)).toMatchObject({ effective: { plan: "pro", reason: "subscription" }, subscription: { status: "active", interval: "month", cancelAtPeriodEnd: false } });
  });

  it("an event that failed half-way (Stripe down on the re-read) answers 500, stays unprocessed, and Stripe's retry processes it", async () => {
    const { owner, sub } = await subscribed("retry", { priceId: TEST_PRICES.enterprise.year });
    const event = stripeEvent("customer.subscription.created", subObject(sub.id));
    t.stripe.failures.set(`GET /v1/subscriptions/${sub.id}`, 3);
    expect((await post(event)).status).toBe(500);
    expect(await storedEvent(String(event["id"]))).toEqual([{ type: "customer.subscription.created", processed: false, outcome: null }]);
    expect((await status(owner)).subscription).toBeNull();
    expect(await post(event)).toMatchObject({ status: 200, body: { outcome: "enterprise active" } });
    expect((await status(owner)).effective).toMatchObject({ plan: "enterprise" });
  });

  it("events it does not act on are recorded and answered 200", async () => {
    const event = stripeEvent("customer.created", { id: "cus_x", object: "customer", metadata: {} });
    expect(await post(event)).toMatchObject({ status: 200 });
    expect(await storedEvent(String(event["id"]))).toEqual([{ type: "customer.created", processed: true, outcome: "ignored: not acted on" }]);
  });
});

describe("out of order", () => {
  it("updated before created: the late `created` (payload: incomplete) does not undo the active subscription", async () => {
    const { owner, sub } = await subscribed("order1", { status: "incomplete" });
    const created = stripeEvent("customer.subscription.created", subObject(sub.id));
    t.stripe.updateSubscription(sub.id, { status: "active" });
    const updated = stripeEvent("customer.subscription.updated", subObject(sub.id));
    expect((await post(updated)).body).toMatchObject({ outcome: "pro active" });
    expect((await post(created)).body).toMatchObject({ outcome: "pro active" });
    expect(await status(owner)).toMatchObject({ effective: { plan: "pro", access: "full" }, subscription: { status: "active" } });
  });

  it("deleted, then a late `updated` (payload: active): the studio stays on Free", async () => {
    const { owner, sub } = await subscribed("order2");
    await post(stripeEvent("customer.subscription.created", subObject(sub.id)));
    const lateUpdated = stripeEvent("customer.subscription.updated", subObject(sub.id));
    t.stripe.updateSubscription(sub.id, { status: "canceled" });
    await post(stripeEvent("customer.subscription.deleted", subObject(sub.id)));
    t.srv.clock.advance(15 * DAY); // past the studio's own trial
    expect((lateUpdated["data"] as { object: { status: string } }).object.status).toBe("active");
    expect((await post(lateUpdated)).body).toMatchObject({ outcome: "pro canceled" });
    expect(await status(owner)).toMatchObject({ effective: { plan: "free", reason: "no_subscription" }, subscription: { status: "canceled" } });
  });

  it("an old subscription's late news does not replace the studio's live one", async () => {
    const { owner, sub: old } = await subscribed("order3", { status: "canceled" });
    const fresh: FakeSubscription = { ...old, id: subId(), status: "active", priceId: TEST_PRICES.enterprise.month };
    t.stripe.setSubscription(fresh);
    await post(stripeEvent("customer.subscription.created", subObject(fresh.id)));
    expect((await post(stripeEvent("customer.subscription.deleted", subObject(old.id)))).body).toMatchObject({ outcome: expect.stringMatching(/^ignored: .* is older than the live/) });
    expect((await status(owner)).effective).toMatchObject({ plan: "enterprise", access: "full" });
  });

  it("a subscription whose metadata names a studio that is not its customer's is ignored", async () => {
    const a = await subscribed("victim");
    const b = await subscribed("other");
    t.stripe.setSubscription({ ...b.sub, id: subId(), metadata: { tenant_id: a.owner.tenantId } });
    const forged = [...t.stripe.subscriptions.values()].at(-1)!;
    expect((await post(stripeEvent("customer.subscription.created", subObject(forged.id)))).body).toMatchObject({ outcome: expect.stringMatching(/^ignored: customer .* is not this studio's/) });
    expect((await status(a.owner)).subscription).toBeNull();
  });
});

describe("past due: warn, grace, then read-only; data never deleted", () => {
  it("keeps access for 7 days from the first failure, then refuses every change until paid", async () => {
    const { owner, sub } = await subscribed("pastdue");
    await post(stripeEvent("customer.subscription.created", subObject(sub.id)));
    const desk = new SimDevice("pastdue-desk");
    const loc = desk.insert("location", locationWire("Lyon"));
    const room = desk.insert("room", roomWire(loc.rowId));
    expect((await t.srv.client(owner.accessToken).sync.push.mutate({ mutations: [loc, room] })).results.map((r) => r.status)).toEqual(["applied", "applied"]);

    t.stripe.updateSubscription(sub.id, { status: "past_due" });
    const failedAt = t.srv.clock.ms;
    await post(stripeEvent("invoice.payment_failed", invoiceFor(sub)));
    expect(await status(owner)).toMatchObject({ effective: { plan: "pro", access: "full", reason: "past_due_grace", graceEndsAt: failedAt + 7 * DAY }, subscription: { status: "past_due" } });

    // Stripe retries the payment and fails again: the grace still counts from the first failure.
    t.srv.clock.advance(6 * DAY);
    await post(stripeEvent("invoice.payment_failed", invoiceFor(sub)));
    expect((await status(owner)).effective).toMatchObject({ access: "full", graceEndsAt: failedAt + 7 * DAY });
    expect(await planRefusalFor(t.billing, owner.tenantId, desk.insert("room", roomWire(loc.rowId, "Studio B")))).toBeNull();

    t.srv.clock.advance(DAY);
    expect((await status(owner)).effective).toMatchObject({ plan: "pro", access: "read_only", reason: "past_due_read_only" });
    expect(await planRefusalFor(t.billing, owner.tenantId, desk.insert("room", roomWire(loc.rowId, "Studio C")))).toMatchObject({ status: "rejected", code: "PLAN_READ_ONLY" });
    expect(await planRefusalFor(t.billing, owner.tenantId, desk.update("room", room.rowId, { name: "Renamed" }))).toMatchObject({ status: "rejected", code: "PLAN_READ_ONLY" });
    expect((await status(owner)).usage).toMatchObject({ locations: 2, rooms: 1 });

    t.stripe.updateSubscription(sub.id, { status: "active" });
    expect((await post(stripeEvent("invoice.paid", { ...invoiceFor(sub), status: "paid" }))).body).toMatchObject({ outcome: "pro active" });
    expect((await status(owner)).effective).toMatchObject({ access: "full", reason: "subscription", graceEndsAt: null });
    expect(await planRefusalFor(t.billing, owner.tenantId, desk.update("room", room.rowId, { name: "Renamed" }))).toBeNull();
    const since = await asAdmin(db, async (c) => (await c.query("SELECT past_due_since FROM subscriptions WHERE tenant_id = $1", [owner.tenantId])).rows[0].past_due_since);
    expect(since).toBeNull();
  });
});

describe("trial ending", () => {
  it("trial_will_end re-reads the trial (extended in the dashboard); a trial ended without a card falls back to Free", async () => {
    const now = Math.floor(t.srv.clock.ms / 1000);
    const { owner, sub } = await subscribed("trial", { status: "trialing", trialEnd: now + 3 * 86_400 });
    await post(stripeEvent("customer.subscription.created", subObject(sub.id)));
    const willEnd = stripeEvent("customer.subscription.trial_will_end", subObject(sub.id));
    t.stripe.updateSubscription(sub.id, { trialEnd: now + 10 * 86_400 });
    expect((await post(willEnd)).body).toMatchObject({ outcome: "pro trialing" });
    expect(await status(owner)).toMatchObject({ effective: { plan: "pro", reason: "subscription_trial", trialEndsAt: (now + 10 * 86_400) * 1000 } });
    expect(t.srv.logs.some((l) => l.msg === "stripe event processed" && l["type"] === "customer.subscription.trial_will_end" && l["trialEnd"] === new Date((now + 10 * 86_400) * 1000).toISOString())).toBe(true);

    t.srv.clock.advance(15 * DAY);
    t.stripe.updateSubscription(sub.id, { status: "paused" });
    await post(stripeEvent("customer.subscription.updated", subObject(sub.id)));
    expect((await status(owner)).effective).toMatchObject({ plan: "free", access: "full", reason: "no_subscription" });
  });
});
