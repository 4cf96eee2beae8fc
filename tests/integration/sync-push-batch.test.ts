import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeHlc } from "../../shared/hlc";
import { uuidv7 } from "../../shared/ids";
import type { MutationResult, PushedMutation, SyncedEntity } from "../../shared/sync/protocol";
import { authenticate, type AuthSession } from "../../sync-server/src/accounts/authenticate";
import type { BillingDeps } from "../../sync-server/src/billing/billing-deps";
import { studioPlan } from "../../sync-server/src/billing/studio-plan";
import { applyMutation } from "../../sync-server/src/sync/apply-mutation";
import { ENTITY_TABLES } from "../../sync-server/src/sync/entity-tables";
import { readExpression } from "../../sync-server/src/sync/field-codec";
import { accessOf } from "../../sync-server/src/sync/mutation-access";
import { push } from "../../sync-server/src/sync/push";
import { applyBatch } from "../../sync-server/src/sync/push-batch";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { bookingWire, clientWire, locationWire, roomWire } from "./support/sync-device";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * The batch path of push (push-batch.ts) against the one-mutation-per-transaction path it replaces
 * (applyMutation): the same batch pushed to two studios, one each way, gives the same results, the
 * same rows, the same audit lines and the same stored outcomes, replays included.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let studios = 0;

beforeAll(async () => {
  db = await createTestDatabase("push_batch");
  srv = await startTestSyncServer(db);
});
afterAll(async () => {
  await srv?.close();
});

async function studio(): Promise<AuthSession> {
  const t = await srv.client().accounts.signUp.mutate(signUpInput(`batch${++studios}`));
  return authenticate(srv.deps, `Bearer ${t.accessToken}`);
}

/** Billing off, every studio on `plan`: the plan checks without Stripe. */
const onPlan = (plan: BillingDeps["defaultPlan"]): BillingDeps => ({ databases: srv.deps.databases, log: () => {}, now: Date.now, stripe: null, defaultPlan: plan, pastDueGraceMs: 0 });

/** The path push used before batches: each mutation in its own transaction. */
async function pushOneByOne(auth: AuthSession, mutations: PushedMutation[], billing?: BillingDeps): Promise<MutationResult[]> {
  const access = await accessOf(auth);
  const plan = await studioPlan(billing, auth.tenantId, Date.now());
  const results: MutationResult[] = [];
  for (const m of mutations) results.push(await auth.inTenant((tx) => applyMutation(tx, { tenantId: auth.tenantId, deviceId: auth.deviceId, nowMs: Date.now(), access, plan }, m)));
  return results;
}

const pushBatched = async (auth: AuthSession, mutations: PushedMutation[], billing?: BillingDeps) => (await push(auth, { mutations }, Date.now, billing)).results;

/** The batch path alone, in one transaction: null when it hands the batch to the one-by-one path. */
const batchOnly = (auth: AuthSession, mutations: PushedMutation[]) =>
  auth.inTenant(async (tx) => applyBatch(tx, { tenantId: auth.tenantId, deviceId: auth.deviceId, nowMs: Date.now(), access: await accessOf(auth), plan: await studioPlan(undefined, auth.tenantId) }, mutations));

/** What depends on the wall clock of the moment: the skew measured, the stamp the server gives a conflict. */
const clockFree = <T>(x: T): T =>
  JSON.parse(JSON.stringify(x).replace(/\d{15}:[0-9a-z]{5}:server/g, "<server stamp>").replace(/Clock skew of \d+ s/g, "Clock skew of <n> s")) as T;
const withoutVersion = (r: MutationResult) => clockFree(r.status === "rejected" ? r : { ...r, version: "v" });
const statusOf = (r: MutationResult) => (r.status === "rejected" ? r.code : r.status);

const TABLES: SyncedEntity[] = ["location", "room", "client", "booking"];

/** The rows of the given ids, in the desktop's column form, with their stamps (not their version, a per-studio counter). */
async function rowsOf(tenantId: string, ids: string[]): Promise<Record<string, unknown>[]> {
  return asAdmin(db, async (c) => {
    const out: Record<string, unknown>[] = [];
    for (const entity of TABLES) {
      const def = ENTITY_TABLES[entity]!;
      const cols = Object.values(def.fields).map((f) => `${readExpression(f)} AS "${f.column}"`);
      const { rows } = await c.query(`SELECT '${entity}' AS entity, id::text, field_hlc, updated_at, ${cols.join(", ")} FROM ${def.table} WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id`, [tenantId, ids]);
      out.push(...rows);
    }
    return out;
  });
}

async function versionsOf(tenantId: string, ids: string[]): Promise<Map<string, number>> {
  return asAdmin(db, async (c) => {
    const out = new Map<string, number>();
    for (const entity of TABLES) {
      const { rows } = await c.query<{ id: string; version: string }>(`SELECT id::text, version FROM ${ENTITY_TABLES[entity]!.table} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids]);
      for (const r of rows) out.set(r.id, Number(r.version));
    }
    return out;
  });
}

const sortedJson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

/** Audit lines and stored outcomes, as multisets (one batch shares one clock, so their order by time is not the one-by-one order). */
async function recordsOf(tenantId: string): Promise<{ audit: string[]; outcomes: string[] }> {
  return asAdmin(db, async (c) => {
    const audit = await c.query("SELECT action, entity, row_id::text, hlc, before, after FROM audit_events WHERE tenant_id = $1 AND kind = 'change'", [tenantId]);
    const outcomes = await c.query("SELECT mutation_id::text, entity, row_id::text, outcome, detail FROM applied_mutations WHERE tenant_id = $1", [tenantId]);
    return { audit: sortedJson(audit.rows), outcomes: sortedJson(outcomes.rows) };
  });
}

async function tenantVersion(tenantId: string): Promise<number> {
  return asAdmin(db, async (c) => Number((await c.query<{ version: string }>("SELECT version FROM tenant_versions WHERE tenant_id = $1", [tenantId])).rows[0]!.version));
}

/** Each row's stored version is the version of the last result that applied to it (or kept it as a conflict). */
async function expectVersionsMatch(tenantId: string, mutations: PushedMutation[], results: MutationResult[]) {
  const last = new Map<string, number>();
  results.forEach((r, i) => {
    if (r.status !== "rejected") last.set(mutations[i]!.rowId, r.version);
  });
  const stored = await versionsOf(tenantId, [...last.keys()]);
  expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(last));
}

// ---- Random batches -------------------------------------------------------------------------

const DAY = Date.UTC(2031, 5, 2, 8);
const HALF_HOUR = 30 * 60_000;

interface World {
  location: string;
  rooms: string[];
  clients: string[];
  bookings: string[];
  base: number;
  /** Rows some mutation already created: an update of another row is mostly turned into its creation. */
  seen: Set<string>;
}

// Weighted so that most batches take the batch path whole; the rest fall back to one by one.
const op = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("client" as const), row: fc.nat(3), at: fc.nat(40), fields: fc.subarray(["name", "notes", "email", "defaultDepositBp", "deletedAt"] as const, { minLength: 1 }), n: fc.nat(9), insert: fc.boolean(), unseen: fc.nat(9) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("booking" as const), row: fc.nat(3), at: fc.nat(40), room: fc.nat(1), slot: fc.nat(6), len: fc.integer({ min: 1, max: 3 }), status: fc.constantFrom("confirmed", "hold", "cancelled"), insert: fc.boolean(), unseen: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("orphan-room" as const), at: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("skewed" as const), row: fc.nat(3) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function mutationOf(w: World, o: Op, i: number): PushedMutation {
  const hlc = (at: number) => encodeHlc({ wallMs: w.base + at * 1000, counter: i, node: "desk" });
  const base = { mutationId: uuidv7(), baseVersion: null } as const;
  switch (o.kind) {
    case "client": {
      const values: Record<string, string | number | null> = {
        name: `Client ${o.n}`,
        notes: `note ${o.n}`,
        email: o.n === 9 ? "not an address" : `c${o.n}@example.com`,
        // 20 000 basis points is past 100 %: refused by the field's schema.
        defaultDepositBp: o.n === 8 ? 20_000 : o.n * 100,
        deletedAt: new Date(w.base).toISOString(),
      };
      const fields = Object.fromEntries(o.fields.map((f) => [f, values[f]!]));
      const rowId = w.clients[o.row]!;
      // Now and then an update of a client the server has not seen, without kind and name: refused by NOT NULL.
      const insert = o.insert || (!w.seen.has(rowId) && o.unseen > 0);
      w.seen.add(rowId);
      return { ...base, entity: "client", rowId, op: insert ? "insert" : "update", changes: insert ? { ...clientWire(`Client ${o.n}`), ...fields } : fields, hlc: hlc(o.at) };
    }
    case "booking": {
      const startsAt = DAY + o.slot * HALF_HOUR;
      const endsAt = startsAt + o.len * HALF_HOUR;
      const rowId = w.bookings[o.row]!;
      const insert = o.insert || (!w.seen.has(rowId) && o.unseen > 0);
      w.seen.add(rowId);
      const changes = insert
        ? bookingWire({ locationId: w.location, roomIds: [w.rooms[o.room]!], startsAt, endsAt, status: o.status })
        : { startsAt, endsAt, occupiedFrom: startsAt, occupiedUntil: endsAt, status: o.status };
      return { ...base, entity: "booking", rowId, op: insert ? "insert" : "update", changes, hlc: hlc(o.at) };
    }
    case "orphan-room":
      // Its location does not exist: refused by the foreign key.
      return { ...base, entity: "room", rowId: uuidv7(), op: "insert", changes: roomWire(uuidv7(), "Nowhere"), hlc: hlc(o.at) };
    case "skewed":
      return { ...base, entity: "client", rowId: w.clients[o.row]!, op: "update", changes: { notes: "from the future" }, hlc: encodeHlc({ wallMs: Date.now() + 3_600_000, counter: 0, node: "desk" }) };
  }
}

function worldOf(): World {
  return { location: uuidv7(), rooms: [uuidv7(), uuidv7()], clients: [uuidv7(), uuidv7(), uuidv7(), uuidv7()], bookings: [uuidv7(), uuidv7(), uuidv7(), uuidv7()], base: Date.now() - 120_000, seen: new Set() };
}

function setupOf(w: World): PushedMutation[] {
  const hlc = encodeHlc({ wallMs: w.base, counter: 0, node: "setup" });
  return [
    { mutationId: uuidv7(), entity: "location", rowId: w.location, op: "insert", changes: locationWire("Lyon"), hlc, baseVersion: null },
    ...w.rooms.map((id, i): PushedMutation => ({ mutationId: uuidv7(), entity: "room", rowId: id, op: "insert", changes: roomWire(w.location, `Room ${i}`), hlc, baseVersion: null })),
  ];
}

const allIds = (w: World, batches: PushedMutation[][]) => [...new Set([w.location, ...w.rooms, ...w.clients, ...w.bookings, ...batches.flat().map((m) => m.rowId)])];

/** Pushes each batch to two studios, batched and one by one, then each again (a replay), comparing everything after each. */
async function expectSameBothWays(batches: PushedMutation[][], ids: string[], billing?: BillingDeps): Promise<MutationResult[][]> {
  const [batched, single] = [await studio(), await studio()];
  const answers: MutationResult[][] = [];
  for (const batch of batches) {
    const a = await pushBatched(batched, batch, billing);
    const b = await pushOneByOne(single, batch, billing);
    expect(a.map(withoutVersion)).toEqual(b.map(withoutVersion));
    await expectVersionsMatch(batched.tenantId, batch, a);
    answers.push(a);
  }
  expect(clockFree(await rowsOf(batched.tenantId, ids))).toEqual(clockFree(await rowsOf(single.tenantId, ids)));
  expect(await recordsOf(batched.tenantId)).toEqual(await recordsOf(single.tenantId));

  // A replay answers the same, versions included, and changes nothing (clock skew, not recorded, is refused again).
  const version = await tenantVersion(batched.tenantId);
  const records = await recordsOf(batched.tenantId);
  for (const [i, batch] of batches.entries()) expect(clockFree(await pushBatched(batched, batch, billing))).toEqual(clockFree(answers[i]));
  expect(await tenantVersion(batched.tenantId)).toBe(version);
  expect(await recordsOf(batched.tenantId)).toEqual(records);
  return answers;
}

it("random batches (new rows, same-row edits, stale fields, overlaps, bad fields, foreign keys, skew) end as one mutation at a time ends", async () => {
  await fc.assert(
    // On Free (one location, two rooms), creations of limited rows are decided alone, between runs.
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), fc.array(op, { minLength: 0, maxLength: 12 }), fc.nat(3), async (first, second, plan) => {
      const w = worldOf();
      const batches = [[...setupOf(w), ...first.map((o, i) => mutationOf(w, o, i))], second.map((o, i) => mutationOf(w, o, 100 + i))];
      await expectSameBothWays(batches, allIds(w, batches), plan === 0 ? onPlan("free") : undefined);
    }),
    { numRuns: 15 },
  );
}, 120_000);

// ---- Cases named ----------------------------------------------------------------------------

const stamp = (w: World, s: number) => encodeHlc({ wallMs: w.base + s * 1000, counter: 0, node: "desk" });
const m = (w: World, entity: SyncedEntity, rowId: string, op: "insert" | "update", changes: PushedMutation["changes"], s: number): PushedMutation => ({
  mutationId: uuidv7(), entity, rowId, op, changes, hlc: stamp(w, s), baseVersion: null,
});

describe("the batch path", () => {
  it("takes new rows and several edits of one row in one transaction, field by field by HLC, in push order", async () => {
    const w = worldOf();
    const [c0, c1] = w.clients as [string, string];
    const batch = [
      ...setupOf(w),
      m(w, "client", c0, "insert", { ...clientWire("Ana"), notes: "first" }, 10),
      // Naming fewer columns than the run's other creation: the others take their defaults.
      m(w, "client", c1, "insert", { kind: "person", name: "Bea" }, 10),
      m(w, "client", c0, "update", { name: "Ana B." }, 30),
      // Older than the stored name (30), newer than the notes (10): only the notes are written.
      m(w, "client", c0, "update", { name: "stale", notes: "second" }, 20),
      // Older than every field it names: applied, nothing written.
      m(w, "client", c1, "update", { name: "too old" }, 5),
      m(w, "booking", w.bookings[0]!, "insert", bookingWire({ locationId: w.location, roomIds: [w.rooms[0]!], startsAt: DAY, endsAt: DAY + HALF_HOUR }), 10),
      m(w, "client", c1, "update", { defaultDepositBp: 20_000 }, 40),
    ];
    const auth = await studio();
    const results = await batchOnly(auth, batch);
    expect(results?.map(statusOf)).toEqual([...batch.slice(0, -1).map(() => "applied"), "VALIDATION_FAILED"]);
    await expectVersionsMatch(auth.tenantId, batch, results!);
    const rows = new Map((await rowsOf(auth.tenantId, [c0, c1])).map((r) => [r["id"], [r["name"], r["notes"]]]));
    expect(rows.get(c0)).toEqual(["Ana B.", "second"]);
    expect(rows.get(c1)).toEqual(["Bea", null]);
    const audit = (await recordsOf(auth.tenantId)).audit.map((l) => JSON.parse(l) as { action: string; row_id: string; before: unknown; after: unknown });
    // The second edit's "before" is the row as the first edit left it.
    const ofC0 = audit.filter((a) => a.row_id === c0).map((a) => ({ action: a.action, before: a.before, after: a.after }));
    expect(ofC0).toHaveLength(3);
    expect(ofC0).toEqual(
      expect.arrayContaining([
        { action: "insert", before: null, after: expect.objectContaining({ name: "Ana", notes: "first" }) },
        { action: "update", before: { name: "Ana" }, after: { name: "Ana B." } },
        { action: "update", before: { notes: "first" }, after: { notes: "second" } },
      ]),
    );
    expect(audit.filter((a) => a.row_id === c1)).toHaveLength(1);

    // Replayed: the same answers from the stored outcomes, nothing written.
    const version = await tenantVersion(auth.tenantId);
    expect(await batchOnly(auth, batch)).toEqual(results);
    expect(await tenantVersion(auth.tenantId)).toBe(version);
  });

  it("hands a batch naming one mutation twice to the one-by-one path, which answers the second from the first", async () => {
    const w = worldOf();
    const once = m(w, "client", w.clients[0]!, "insert", clientWire("Twice"), 1);
    const auth = await studio();
    expect(await batchOnly(auth, [once, once])).toBeNull();
    const [a, b] = await pushBatched(auth, [once, once]);
    expect(a?.status).toBe("applied");
    expect(b).toEqual(a);
  });

  it("keeps a colliding booking as a conflict and applies the rest of its batch", async () => {
    const w = worldOf();
    const room = w.rooms[0]!;
    const batch = [
      ...setupOf(w),
      m(w, "booking", w.bookings[0]!, "insert", bookingWire({ locationId: w.location, roomIds: [room], startsAt: DAY, endsAt: DAY + 2 * HALF_HOUR }), 10),
      m(w, "client", w.clients[0]!, "insert", clientWire("Before"), 11),
      m(w, "booking", w.bookings[1]!, "insert", bookingWire({ locationId: w.location, roomIds: [room], startsAt: DAY + HALF_HOUR, endsAt: DAY + 3 * HALF_HOUR }), 12),
      m(w, "client", w.clients[1]!, "insert", clientWire("After"), 13),
    ];
    const [answers] = await expectSameBothWays([batch], allIds(w, [batch]));
    expect(answers!.map((r) => r.status)).toEqual(["applied", "applied", "applied", "applied", "applied", "conflict", "applied"]);
    expect(answers![5]).toMatchObject({ status: "conflict", details: { reason: "BOOKING_OVERLAP", collisions: [{ bookingId: w.bookings[0], resource: "room", resourceId: room }] } });
  });

  it("refuses a row whose foreign key points nowhere and applies the rest of its batch", async () => {
    const w = worldOf();
    const batch = [
      ...setupOf(w),
      m(w, "client", w.clients[0]!, "insert", clientWire("Before"), 10),
      m(w, "room", uuidv7(), "insert", roomWire(uuidv7(), "Orphan"), 11),
      m(w, "client", w.clients[1]!, "insert", clientWire("After"), 12),
    ];
    const [answers] = await expectSameBothWays([batch], allIds(w, [batch]));
    expect(answers!.map(statusOf)).toEqual(["applied", "applied", "applied", "applied", "VALIDATION_FAILED", "applied"]);
  });

  it("refuses the creations past a plan limit crossed mid-batch, as one mutation at a time does", async () => {
    const w = worldOf();
    const free = onPlan("free");
    // Free: one location (the sign-up's), two rooms. Each studio's rooms go to its own location.
    const batch = [
      m(w, "room", w.rooms[0]!, "insert", roomWire("", "One"), 10),
      m(w, "client", w.clients[0]!, "insert", clientWire("Unlimited"), 11),
      m(w, "room", w.rooms[1]!, "insert", roomWire("", "Two"), 12),
      m(w, "room", uuidv7(), "insert", roomWire("", "Three"), 13),
      // An edit of a room the studio holds is not a creation.
      m(w, "room", w.rooms[0]!, "update", { name: "One, renamed" }, 14),
      m(w, "location", w.location, "insert", locationWire("Second site"), 15),
    ];
    const locate = async (auth: AuthSession) => {
      const own = await auth.inTenant(async (tx) => (await tx.query<{ id: string }>("SELECT id::text FROM locations WHERE tenant_id = $1", [auth.tenantId])).rows[0]!.id);
      return batch.map((x) => (x.changes["locationId"] === "" ? { ...x, changes: { ...x.changes, locationId: own } } : x));
    };
    const [batched, single] = [await studio(), await studio()];
    const a = await pushBatched(batched, await locate(batched), free);
    const b = await pushOneByOne(single, await locate(single), free);
    expect(a.map(withoutVersion)).toEqual(b.map(withoutVersion));
    expect(a.map(statusOf)).toEqual(["applied", "applied", "applied", "PLAN_LIMIT", "applied", "PLAN_LIMIT"]);
  });
});
