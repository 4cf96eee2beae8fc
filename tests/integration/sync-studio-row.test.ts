import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BOOKING_SETTINGS } from "../../shared/booking/booking-settings";
import { uuidv7 } from "../../shared/ids";
import type { SessionTokens } from "../../shared/schemas/account";
import type { PulledChange, PushedMutation } from "../../shared/sync/protocol";
import { decodePullPage } from "../../shared/sync/pull-wire";
import { setUpCore } from "../../main/core/test-fixtures";
import { signUp } from "../../sync-server/src/accounts/sign-up";
import { migrate } from "../../sync-server/src/db/migrate";
import { addMember } from "./support/members";
import { asAdmin, createEmptyDatabase, createTestDatabase, type TestDatabase } from "./support/postgres";
import { comparable, locationWire, SimDevice } from "./support/sync-device";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/** The studio row (settings and booking settings) as a synced entity: sign-up, pull, push, rules. */
let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
const studio = signUpInput("row");

beforeAll(async () => {
  db = await createTestDatabase("studio_row");
  srv = await startTestSyncServer(db);
  owner = await srv.client().accounts.signUp.mutate(studio);
});
afterAll(async () => {
  await srv?.close();
});

const pushAs = (t: SessionTokens, mutations: PushedMutation[]) => srv.client(t.accessToken).sync.push.mutate({ mutations });

async function pullAll(t: SessionTokens): Promise<PulledChange[]> {
  const out: PulledChange[] = [];
  for (let cursor = 0; ; ) {
    const page = await srv.client(t.accessToken).sync.pull.query({ cursor, limit: 1000 });
    out.push(...decodePullPage(page));
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
}

const studioRow = async (t: SessionTokens) => (await pullAll(t)).filter((c) => c.entity === "studio");
const statusOf = (r: { status: string; code?: string }) => (r.status === "rejected" ? r.code : r.status);

async function logInMember(role: "admin" | "front_desk"): Promise<SessionTokens> {
  const email = `${role}.${uuidv7().slice(-6)}@example.com`;
  await addMember(db, owner.tenantId, email, "member password 1", role);
  return srv.client().accounts.logIn.mutate({ email, password: "member password 1", device: { name: `${role} desk` } });
}

describe("studio row", () => {
  it("is created at sign-up, and a fresh device's first pull receives it with the default settings", async () => {
    const rows = await studioRow(owner);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rowId: owner.tenantId, deletedAt: null });
    expect(comparable(rows[0]!.fields)).toEqual({
      name: studio.studioName,
      currency: "EUR",
      defaultDepositBp: 3000,
      defaultVatBp: 2000,
      holdExpiryHours: DEFAULT_BOOKING_SETTINGS.holdExpiryHours,
      cancellationPolicy: DEFAULT_BOOKING_SETTINGS.cancellationPolicy,
      unpaidBalanceLimitCents: null,
      archivedAt: null,
      deletedAt: null,
    });
    // Only what sign-up was given is stamped: a desktop's own settings win over the defaults.
    expect(Object.keys(rows[0]!.fieldHlc)).toEqual(["name"]);
  });

  it("takes the owner's settings and booking settings, and the account's studio name follows", async () => {
    const d = new SimDevice("desk-owner");
    const policy = { tiers: [{ minHoursBefore: 0, charge: "session", percentBp: 5000 }], noShowPercentBp: 10000 };
    const { results } = await pushAs(owner, [
      d.update("studio", owner.tenantId, { name: "Studio Lumière", currency: "CHF", defaultVatBp: 810 }),
      d.update("studio", owner.tenantId, { holdExpiryHours: 24, cancellationPolicy: JSON.stringify(policy), unpaidBalanceLimitCents: 50000 }),
    ]);
    expect(results.map(statusOf)).toEqual(["applied", "applied"]);
    const [row] = await studioRow(owner);
    expect(comparable(row!.fields)).toMatchObject({ name: "Studio Lumière", currency: "CHF", defaultVatBp: 810, holdExpiryHours: 24, cancellationPolicy: policy, unpaidBalanceLimitCents: 50000 });
    expect(await srv.client(owner.accessToken).accounts.me.query()).toMatchObject({ studioName: "Studio Lumière" });
  });

  it("refuses values the shared schemas refuse", async () => {
    const d = new SimDevice("desk-owner");
    const { results } = await pushAs(owner, [
      d.update("studio", owner.tenantId, { defaultVatBp: 20000 }),
      d.update("studio", owner.tenantId, { name: "" }),
      // No tier from 0 h: a late cancellation would fall in none.
      d.update("studio", owner.tenantId, { cancellationPolicy: JSON.stringify({ tiers: [{ minHoursBefore: 24, charge: "deposit", percentBp: 0 }], noShowPercentBp: 0 }) }),
      d.update("studio", owner.tenantId, { shoeSize: 42 }),
    ]);
    expect(results.map(statusOf)).toEqual(["VALIDATION_FAILED", "VALIDATION_FAILED", "VALIDATION_FAILED", "VALIDATION_FAILED"]);
  });

  it("refuses a studio row other than the caller's own studio (STUDIO_MISMATCH), and writes nothing", async () => {
    const d = new SimDevice("desk-elsewhere");
    const stranger = uuidv7();
    const { results } = await pushAs(owner, [d.insert("studio", { name: "Another studio", currency: "EUR", defaultDepositBp: 0, defaultVatBp: 0 }, stranger)]);
    expect(results[0]).toMatchObject({ status: "rejected", code: "STUDIO_MISMATCH" });
    expect((await studioRow(owner)).map((r) => r.rowId)).toEqual([owner.tenantId]);
    expect(await asAdmin(db, async (c) => (await c.query("SELECT count(*)::int AS n FROM studios WHERE id = $1", [stranger])).rows[0].n)).toBe(0);
  });

  it("lets an admin change it, and refuses a staff member (FORBIDDEN)", async () => {
    const admin = await logInMember("admin");
    const staff = await logInMember("front_desk");
    const d = new SimDevice("desk-members");
    expect((await pushAs(admin, [d.update("studio", owner.tenantId, { defaultDepositBp: 2500 })])).results.map(statusOf)).toEqual(["applied"]);
    expect((await pushAs(staff, [d.update("studio", owner.tenantId, { defaultDepositBp: 0 })])).results.map(statusOf)).toEqual(["FORBIDDEN"]);
    expect((await studioRow(owner))[0]!.fields["defaultDepositBp"]).toBe(2500);
    // Staff still receive the studio's settings.
    expect((await studioRow(staff)).map((r) => r.rowId)).toEqual([owner.tenantId]);
  });
});

describe("a desktop uploading its existing studio", () => {
  it("has its outbox inserts of the studio and first location merged into the rows sign-up made, its own settings kept", async () => {
    // The desktop's outbox, written before it had an account: its studio row (id = its tenant id)
    // and first location, then a change of booking settings.
    const tenantId = uuidv7();
    const desk = new SimDevice("desk-upload");
    const local = locationWire("Paris");
    const studioInsert = desk.insert("studio", { name: "Studio Upload", currency: "GBP", defaultDepositBp: 2000, defaultVatBp: 2000 }, tenantId);
    const locationInsert = desk.insert("location", local);
    const settings = desk.update("studio", tenantId, { holdExpiryHours: 12 });

    const input = signUpInput("upload", { tenantId, studioName: "Studio Upload" });
    const session = await srv.client().accounts.signUp.mutate({ ...input, location: { ...input.location, id: locationInsert.rowId } });
    const { results } = await pushAs(session, [studioInsert, locationInsert, settings]);
    expect(results.map(statusOf)).toEqual(["applied", "applied", "applied"]);

    const pulled = await pullAll(session);
    expect(pulled.map((c) => `${c.entity}:${c.rowId}`).sort()).toEqual([`location:${locationInsert.rowId}`, `studio:${tenantId}`].sort());
    const row = pulled.find((c) => c.entity === "studio")!;
    expect(row.fields).toMatchObject({ name: "Studio Upload", currency: "GBP", defaultDepositBp: 2000, defaultVatBp: 2000, holdExpiryHours: 12 });
    expect(row.fieldHlc).toMatchObject({ currency: studioInsert.hlc, holdExpiryHours: settings.hlc });

    // Pushed again (the desktop died before recording the outcomes): same answers, nothing new.
    const again = await pushAs(session, [studioInsert, locationInsert, settings]);
    expect(again.results).toEqual(results);
    expect(await pullAll(session)).toEqual(pulled);
  });
});

describe("the desktop core's own outbox", () => {
  it("uploads a local studio after sign-up with its tenant and location ids: nothing refused, its settings on the server", async () => {
    const { core } = setUpCore();
    try {
      core.studio.update({ currency: "GBP", defaultDepositBp: 2500 });
      const { id, ...location } = core.locations.list()[0]!;
      const tenantId = core.studio.tenantId();
      const input = signUpInput("core-upload", { tenantId, studioName: core.studio.get().name });
      const session = await srv.client().accounts.signUp.mutate({
        ...input,
        location: { id, name: location.name, timeZone: location.timeZone, address: location.address, phone: location.phone, email: location.email, openingHours: location.openingHours, closures: location.closures },
      });
      const api = srv.client(session.accessToken);
      const engine = core.createSyncEngine({ push: (i) => api.sync.push.mutate(i), pull: (i) => api.sync.pull.query(i) }, { deviceId: session.deviceId });
      expect(await engine.syncOnce()).toMatchObject({ rejected: 0, conflicts: 0 });
      const [row] = await studioRow(session);
      expect(row).toMatchObject({ rowId: tenantId, fields: { name: "Studio Lumière", currency: "GBP", defaultDepositBp: 2500 } });
      expect((await pullAll(session)).filter((c) => c.entity === "location").map((c) => c.rowId)).toEqual([id]);
    } finally {
      core.close();
    }
  });
});

describe("a studio in a dedicated database", () => {
  it("has its row there, and a rename reaches the account's studio name in the primary", async () => {
    const dedicated = await createTestDatabase("studio_row_dedicated");
    const session = await signUp(srv.deps, signUpInput("dedicated-row"), { database: dedicated.name });
    const count = (on: TestDatabase) =>
      asAdmin(on, async (c) => (await c.query("SELECT count(*)::int AS n FROM studios WHERE tenant_id = $1", [session.tenantId])).rows[0].n as number);
    expect({ dedicated: await count(dedicated), primary: await count(db) }).toEqual({ dedicated: 1, primary: 0 });

    const d = new SimDevice("desk-enterprise");
    expect((await pushAs(session, [d.update("studio", session.tenantId, { name: "Enterprise Sound" })])).results.map(statusOf)).toEqual(["applied"]);
    expect(await srv.client(session.accessToken).accounts.me.query()).toMatchObject({ studioName: "Enterprise Sound" });
  });
});

describe("migration 5", () => {
  it("gives a studio signed up before it its row, unstamped and versioned, so its devices pull it", async () => {
    const old = await createEmptyDatabase("studio_row_backfill");
    await migrate(old.admin, { target: 4 });
    const tenantId = uuidv7();
    await asAdmin(old, (c) => c.query("INSERT INTO tenants (tenant_id, name, created_at) VALUES ($1, 'Studio Ancien', now())", [tenantId]));
    await migrate(old.admin);
    const rows = await asAdmin(old, async (c) => ({
      studio: (await c.query("SELECT id::text, name, currency, field_hlc, version::int FROM studios")).rows,
      versions: (await c.query("SELECT tenant_id::text, version::int FROM tenant_versions")).rows,
    }));
    expect(rows).toEqual({
      studio: [{ id: tenantId, name: "Studio Ancien", currency: "EUR", field_hlc: {}, version: 1 }],
      versions: [{ tenant_id: tenantId, version: 1 }],
    });
  });
});
