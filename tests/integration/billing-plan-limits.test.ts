import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthStartUtc } from "../../shared/billing/usage";
import type { SessionTokens } from "../../shared/schemas/account";
import type { PushedMutation } from "../../shared/sync/protocol";
import { decodePullPage } from "../../shared/sync/pull-wire";
import type { BillingDeps } from "../../sync-server/src/billing/billing-deps";
import { memberLimitRefusal } from "../../sync-server/src/billing/member-limit";
import { studioPlan } from "../../sync-server/src/billing/studio-plan";
import { withTenant } from "../../sync-server/src/db/with-tenant";
import { addMember } from "./support/members";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { planRefusalFor, signUpStudio, startBillingTestServer, TEST_PRICES, type BillingTestServer } from "./support/billing-test-setup";
import { postStripeEvent, stripeEvent } from "./support/stripe-events";
import { bookingWire, locationWire, roomWire, SimDevice } from "./support/sync-device";
import { createStudioCore } from "../../main/core/studio-core";
import { roomInput as deskRoom, SETUP, tempDir } from "../../main/core/test-fixtures";

/** planRefusal against the real database: plan limits on pushed creations, downgrades, billing off. */
let db: TestDatabase;
let t: BillingTestServer;

beforeAll(async () => {
  db = await createTestDatabase("billing_limits");
  t = await startBillingTestServer(db);
});
afterAll(async () => {
  await t?.close();
});

const HOUR = 3600_000;
const desk = new SimDevice("limits-desk");
const push = async (owner: SessionTokens, mutations: PushedMutation[]) => {
  const { results } = await t.srv.client(owner.accessToken).sync.push.mutate({ mutations });
  expect(results.map((r) => r.status)).toEqual(mutations.map(() => "applied"));
};
const refusalOf = (owner: SessionTokens, m: PushedMutation, billing: BillingDeps | undefined = t.billing) => planRefusalFor(billing as BillingDeps, owner.tenantId, m);

/** A studio past its own trial, without a subscription: Free. */
async function freeStudio(label: string): Promise<{ owner: SessionTokens; locationId: string }> {
  const owner = await signUpStudio(t.srv, label);
  await asAdmin(db, (c) => c.query("UPDATE tenants SET trial_ends_at = $2 WHERE tenant_id = $1", [owner.tenantId, new Date(t.srv.clock.ms - 1)]));
  const locationId = await asAdmin(db, async (c) => (await c.query("SELECT id FROM locations WHERE tenant_id = $1", [owner.tenantId])).rows[0].id as string);
  return { owner, locationId };
}

describe("Free plan limits on pushed creations", () => {
  it("one location: a second is refused, naming the limit and the upgrade; edits of the first are not", async () => {
    const { owner, locationId } = await freeStudio("freeloc");
    expect(await refusalOf(owner, desk.insert("location", locationWire("Lyon")))).toMatchObject({
      status: "rejected",
      code: "PLAN_LIMIT",
      message: "The Free plan allows 1 location (1 in use): upgrade to Pro in Settings → Plan & billing",
    });
    expect(await refusalOf(owner, desk.update("location", locationId, { name: "Paris 11e" }))).toBeNull();
    // An update of a row the server has never seen creates it: it counts as a creation.
    expect(await refusalOf(owner, desk.update("location", crypto.randomUUID(), locationWire("Nantes")))).toMatchObject({ code: "PLAN_LIMIT" });
  });

  it("two rooms: the third is refused; archiving one frees its place; a tombstone takes none", async () => {
    const { owner, locationId } = await freeStudio("freerooms");
    const rooms = [desk.insert("room", roomWire(locationId, "A")), desk.insert("room", roomWire(locationId, "B"))];
    for (const room of rooms) {
      expect(await refusalOf(owner, room)).toBeNull();
      await push(owner, [room]);
    }
    const third = desk.insert("room", roomWire(locationId, "C"));
    expect(await refusalOf(owner, third)).toMatchObject({ code: "PLAN_LIMIT", message: expect.stringContaining("allows 2 rooms (2 in use)") });
    expect(await refusalOf(owner, desk.insert("room", { ...roomWire(locationId, "Gone"), deletedAt: new Date(t.srv.clock.ms).toISOString() }))).toBeNull();
    await push(owner, [desk.update("room", rooms[0]!.rowId, { archivedAt: new Date(t.srv.clock.ms).toISOString() })]);
    expect(await refusalOf(owner, third)).toBeNull();
  });

  it("50 bookings a month: the 51st is refused; next month counts from zero", async () => {
    const { owner, locationId } = await freeStudio("freebookings");
    const room = desk.insert("room", roomWire(locationId, "A"));
    await push(owner, [room]);
    const start = Date.UTC(2027, 0, 4, 9);
    const booking = (i: number) => desk.insert("booking", bookingWire({ locationId, roomIds: [room.rowId], startsAt: start + i * 2 * HOUR, endsAt: start + (i * 2 + 1) * HOUR }));
    await push(owner, Array.from({ length: 49 }, (_, i) => booking(i)));
    expect(await refusalOf(owner, booking(49))).toBeNull();
    await push(owner, [booking(49)]);
    expect(await refusalOf(owner, booking(50))).toMatchObject({ code: "PLAN_LIMIT", message: "The Free plan allows 50 bookings a month (50 in use): upgrade to Pro in Settings → Plan & billing" });
    expect((await t.srv.client(owner.accessToken).billing.status.query()).usage.bookingsThisMonth).toBe(50);

    const clockBefore = t.srv.clock.ms;
    t.srv.clock.ms = monthStartUtc(clockBefore) + 32 * 24 * HOUR; // into next month
    try {
      expect(await refusalOf(owner, booking(50))).toBeNull();
    } finally {
      t.srv.clock.ms = clockBefore;
    }
  });
});

describe("members (joined by invitation, not pushed)", () => {
  it("Free allows 2 people: a third is refused with the limit and the plan lifting it", async () => {
    const { owner } = await freeStudio("freemembers");
    const refusal = async () => {
      const plan = await studioPlan(t.billing, owner.tenantId);
      return withTenant(t.billing.databases.primary, owner.tenantId, (tx) => memberLimitRefusal(tx, owner.tenantId, plan));
    };
    expect(await refusal()).toBeNull();
    await addMember(db, owner.tenantId, "second.freemembers@example.com", "second password!", "front_desk");
    expect(await refusal()).toMatchObject({ code: "PLAN_LIMIT", message: "The Free plan allows 2 users (2 in use): upgrade to Pro in Settings → Plan & billing", details: { limit: "maxUsers", max: 2, used: 2, upgradeTo: "pro" } });
  });
});

describe("a downgrade that exceeds the new plan", () => {
  it("keeps every row and every edit, and refuses new creations over the limit", async () => {
    const owner = await signUpStudio(t.srv, "downgrade");
    await t.srv.client(owner.accessToken).billing.checkout.mutate({ plan: "enterprise", interval: "year" });
    const customer = t.stripe.customersOf(owner.tenantId)[0]!;
    const sub = { id: `sub_${crypto.randomBytes(8).toString("hex")}`, customer, status: "active", priceId: TEST_PRICES.enterprise.year, metadata: { tenant_id: owner.tenantId } };
    t.stripe.setSubscription(sub);
    await postStripeEvent(t.srv.server.url, stripeEvent("customer.subscription.created", t.stripe.subscriptionObject(sub)));

    const locations = ["Lyon", "Lille", "Nice"].map((n) => desk.insert("location", locationWire(n)));
    const rooms = [0, 1, 2].map((i) => desk.insert("room", roomWire(locations[0]!.rowId, `Room ${i}`)));
    for (const m of [...locations, ...rooms]) expect(await refusalOf(owner, m)).toBeNull();
    await push(owner, [...locations, ...rooms]);

    // Enterprise → Pro in the Portal: 4 locations where Pro allows 3.
    t.stripe.updateSubscription(sub.id, { priceId: TEST_PRICES.pro.month });
    await postStripeEvent(t.srv.server.url, stripeEvent("customer.subscription.updated", t.stripe.subscriptionObject(t.stripe.subscriptions.get(sub.id)!)));
    const status = await t.srv.client(owner.accessToken).billing.status.query();
    expect(status).toMatchObject({ effective: { plan: "pro" }, subscription: { interval: "month" }, usage: { locations: 4, rooms: 3 } });
    expect(await refusalOf(owner, desk.insert("location", locationWire("Brest")))).toMatchObject({
      code: "PLAN_LIMIT",
      message: "The Pro plan allows 3 locations (4 in use): upgrade to Enterprise in Settings → Plan & billing",
    });
    expect(await refusalOf(owner, desk.insert("room", roomWire(locations[1]!.rowId, "Room 4")))).toBeNull();
    expect(await refusalOf(owner, desk.update("location", locations[2]!.rowId, { name: "Nice Port" }))).toBeNull();

    // Canceled, past the studio trial: Free, with 3 rooms where it allows 2. Nothing is removed.
    t.stripe.updateSubscription(sub.id, { status: "canceled" });
    await postStripeEvent(t.srv.server.url, stripeEvent("customer.subscription.deleted", t.stripe.subscriptionObject(t.stripe.subscriptions.get(sub.id)!)));
    await asAdmin(db, (c) => c.query("UPDATE tenants SET trial_ends_at = $2 WHERE tenant_id = $1", [owner.tenantId, new Date(t.srv.clock.ms - 1)]));
    expect(await refusalOf(owner, desk.insert("room", roomWire(locations[1]!.rowId, "Room 5")))).toMatchObject({ code: "PLAN_LIMIT", message: expect.stringContaining("allows 2 rooms (3 in use): upgrade to Pro") });
    expect(await refusalOf(owner, desk.update("room", rooms[2]!.rowId, { name: "Still mine" }))).toBeNull();
    const changes = decodePullPage(await t.srv.client(owner.accessToken).sync.pull.query({ cursor: 0, limit: 1000 }));
    expect(changes.filter((c) => c.entity === "location" && c.deletedAt === null)).toHaveLength(4);
    expect(changes.filter((c) => c.entity === "room" && c.deletedAt === null)).toHaveLength(3);
  });
});

describe("billing off", () => {
  it("every studio on the server's plan: Enterprise limits nothing, a Free default limits like Free", async () => {
    const { owner } = await freeStudio("offplan");
    const off = (defaultPlan: "enterprise" | "free"): BillingDeps => ({ ...t.billing, stripe: null, defaultPlan });
    expect(await refusalOf(owner, desk.insert("location", locationWire("Lyon")), off("enterprise"))).toBeNull();
    expect(await refusalOf(owner, desk.insert("location", locationWire("Lyon")), off("free"))).toMatchObject({ code: "PLAN_LIMIT" });
  });
});

describe("plan limits through push", () => {
  it("a push past the Free plan's rooms comes back rejected with the limit, is not recorded, and goes through after an upgrade", async () => {
    const { owner, locationId } = await freeStudio("pushrooms");
    const client = t.srv.client(owner.accessToken);
    await push(owner, [desk.insert("room", roomWire(locationId, "A")), desk.insert("room", roomWire(locationId, "B"))]);
    const third = desk.insert("room", roomWire(locationId, "C"));
    const { results } = await client.sync.push.mutate({ mutations: [third] });
    expect(results).toEqual([expect.objectContaining({ status: "rejected", code: "PLAN_LIMIT", message: expect.stringMatching(/2 rooms/) })]);
    const recorded = await asAdmin(db, async (c) => (await c.query("SELECT count(*)::int AS n FROM applied_mutations WHERE mutation_id = $1", [third.mutationId])).rows[0].n as number);
    expect(recorded).toBe(0);

    // The studio goes back to a trial of Pro: the same mutation, replayed from the outbox, applies.
    await asAdmin(db, (c) => c.query("UPDATE tenants SET trial_ends_at = $2 WHERE tenant_id = $1", [owner.tenantId, new Date(t.srv.clock.ms + 86_400_000)]));
    expect((await client.sync.push.mutate({ mutations: [third] })).results).toEqual([expect.objectContaining({ status: "applied" })]);
  });
});

describe("the desk applies the plan it last heard", () => {
  it("after a sync round, a desk of a Free studio refuses a third room offline, as the server would", async () => {
    const tmp = tempDir("rsm-plan-desk-");
    const core = createStudioCore({ databaseFile: tmp.file(), sync: { intervalMs: 3_600_000 } });
    try {
      core.studio.setup(SETUP);
      const account = await core.account.signUp({ serverUrl: t.srv.server.url, ownerName: "Owner", email: "plan.desk@example.com", password: "long enough pw", deviceName: "Desk" });
      await asAdmin(db, (c) => c.query("UPDATE tenants SET trial_ends_at = $2 WHERE tenant_id = $1", [account.tenantId, new Date(t.srv.clock.ms - 1)]));
      expect(await core.sync.syncNow()).toMatchObject({ state: "online" });
      core.rooms.create(deskRoom(core.locations.list()[0]!.id, { name: "Booth" }));
      expect(() => core.rooms.create(deskRoom(core.locations.list()[0]!.id, { name: "Third" }))).toThrow(expect.objectContaining({ code: "PLAN_LIMIT" }));
    } finally {
      core.close();
      tmp.cleanup();
    }
  });
});
