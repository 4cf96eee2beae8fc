import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodeOf } from "../../shared/app-error";
import { uuidv7 } from "../../shared/ids";
import type { SessionTokens } from "../../shared/schemas/account";
import { MAX_PULL_LIMIT, type PulledChange, type PushedMutation } from "../../shared/sync/protocol";
import { decodePullPage } from "../../shared/sync/pull-wire";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { bookingWire, clientWire, comparable, equipmentWire, locationWire, roomWire, SimDevice, staffWire } from "./support/sync-device";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/** sync.push and sync.pull against a real Postgres: round trips, idempotency, LWW, isolation, conflicts, paging. */
let db: TestDatabase;
let srv: TestSyncServer;
let a: SessionTokens;
let b: SessionTokens;

beforeAll(async () => {
  db = await createTestDatabase("push_pull");
  srv = await startTestSyncServer(db);
  a = await srv.client().accounts.signUp.mutate(signUpInput("pa"));
  b = await srv.client().accounts.signUp.mutate(signUpInput("pb"));
});
afterAll(async () => {
  await srv?.close();
});

const pushAs = (t: SessionTokens, mutations: PushedMutation[]) => srv.client(t.accessToken).sync.push.mutate({ mutations });

async function pullAll(t: SessionTokens, cursor = 0, limit = 1000): Promise<PulledChange[]> {
  const out: PulledChange[] = [];
  for (;;) {
    const page = await srv.client(t.accessToken).sync.pull.query({ cursor, limit });
    out.push(...decodePullPage(page));
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
}

const rowOf = async (t: SessionTokens, rowId: string) => (await pullAll(t)).find((c) => c.rowId === rowId);

describe("push then pull", () => {
  it("round-trips every synced entity in the desktop's column form, with field stamps", async () => {
    const d = new SimDevice("desk-a");
    const loc = d.insert("location", locationWire("Lyon"));
    const room = d.insert("room", roomWire(loc.rowId));
    const staff = d.insert("staff", staffWire("Sam"));
    const gear = d.insert("equipment", equipmentWire(loc.rowId));
    const client = d.insert("client", clientWire("Ada"));
    const start = Date.UTC(2027, 2, 1, 10);
    const booking = d.insert("booking", { ...bookingWire({ locationId: loc.rowId, roomIds: [room.rowId], staffIds: [staff.rowId], startsAt: start, endsAt: start + 2 * 3600_000 }), clientId: client.rowId, equipment: JSON.stringify([{ equipmentId: gear.rowId, quantity: 1 }]) });
    const sent = [loc, room, staff, gear, client, booking];

    const { results } = await pushAs(a, sent);
    expect(results.map((r) => r.status)).toEqual(sent.map(() => "applied"));

    const pulled = await pullAll(a);
    for (const m of sent) {
      const row = pulled.find((c) => c.rowId === m.rowId)!;
      expect(row, m.entity).toMatchObject({ entity: m.entity, deletedAt: null });
      expect(comparable(row.fields), m.entity).toMatchObject(comparable(m.changes));
      expect(Object.keys(row.fieldHlc).sort(), m.entity).toEqual(Object.keys(m.changes).sort());
      expect(new Set(Object.values(row.fieldHlc)), m.entity).toEqual(new Set([m.hlc]));
    }
    const versions = pulled.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
  });

  it("an archive and a tombstone travel as fields, and pull returns the tombstone", async () => {
    const d = new SimDevice("desk-a");
    const c = d.insert("client", clientWire("Gone"));
    await pushAs(a, [c]);
    const deletedAt = new Date().toISOString();
    const { results } = await pushAs(a, [d.update("client", c.rowId, { archivedAt: deletedAt }), d.update("client", c.rowId, { deletedAt })]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect(await rowOf(a, c.rowId)).toMatchObject({ deletedAt, fields: { archivedAt: deletedAt, deletedAt } });
  });

  it("refuses a studio row that is not the caller's studio", async () => {
    const d = new SimDevice("desk-a");
    const { results } = await pushAs(a, [d.insert("studio", { name: "Renamed" })]);
    expect(results[0]).toMatchObject({ status: "rejected", code: "STUDIO_MISMATCH" });
  });

  it("refuses invalid fields per the shared schemas, and unknown fields", async () => {
    const d = new SimDevice("desk-a");
    const { results } = await pushAs(a, [
      d.insert("client", { ...clientWire("X"), kind: "alien" }),
      d.insert("client", { ...clientWire("Y"), shoeSize: 42 }),
      d.insert("client", { kind: "person" }),
    ]);
    expect(results.map((r) => (r.status === "rejected" ? r.code : r.status))).toEqual(["VALIDATION_FAILED", "VALIDATION_FAILED", "VALIDATION_FAILED"]);
  });

  it("refuses a stamp too far ahead (CLOCK_SKEW), and accepts the same mutation later", async () => {
    const ahead = new SimDevice("desk-future", 10 * 60_000);
    const m = ahead.insert("client", clientWire("Future"));
    expect((await pushAs(a, [m])).results[0]).toMatchObject({ status: "rejected", code: "CLOCK_SKEW" });
    expect(await rowOf(a, m.rowId)).toBeUndefined();
    srv.clock.advance(10 * 60_000);
    try {
      expect((await pushAs(a, [m])).results[0]).toMatchObject({ status: "applied" });
    } finally {
      srv.clock.advance(-10 * 60_000);
    }
  });
});

describe("idempotency", () => {
  it("a replayed push returns the same results and changes nothing", async () => {
    const d = new SimDevice("desk-a");
    const c = d.insert("client", clientWire("Once"));
    const batch = [c, d.update("client", c.rowId, { notes: "first" }), d.insert("client", { kind: "person" })];
    const first = await pushAs(a, batch);
    const before = await pullAll(a);
    const maxBefore = Math.max(...before.map((x) => x.version));

    // A later write by another device must not be undone by the replay of the older batch.
    const other = new SimDevice("desk-b");
    await pushAs(a, [other.update("client", c.rowId, { notes: "second" })]);
    const middle = await pullAll(a);

    const replay = await pushAs(a, batch);
    expect(replay).toEqual(first);
    expect(await pullAll(a)).toEqual(middle);
    expect(Math.max(...middle.map((x) => x.version))).toBe(maxBefore + 1);
    const count = await asAdmin(db, async (cl) => (await cl.query("SELECT count(*)::int AS n FROM applied_mutations WHERE mutation_id = ANY($1)", [batch.map((m) => m.mutationId)])).rows[0].n as number);
    expect(count).toBe(3);
  });
});

describe("per-field last-writer-wins", () => {
  it("two devices' edits converge in either arrival order; the stale field is kept and still applied", async () => {
    const setup = new SimDevice("desk-0");
    const x = setup.insert("client", clientWire("X"));
    const y = setup.insert("client", clientWire("Y"), uuidv7());
    await pushAs(a, [x, y]);

    // Device B edits name and notes first (older stamps), device A edits the name later.
    const devB = new SimDevice("desk-b");
    const devA = new SimDevice("desk-a", 1000);
    const bOn = (id: string) => devB.update("client", id, { name: "B name", notes: "B notes" });
    const aOn = (id: string) => devA.update("client", id, { name: "A name" });
    const [bx, by] = [bOn(x.rowId), bOn(y.rowId)];
    const [ax, ay] = [aOn(x.rowId), aOn(y.rowId)];

    expect((await pushAs(a, [ax, bx])).results.map((r) => r.status)).toEqual(["applied", "applied"]);
    const yResults = (await pushAs(a, [by, ay])).results;
    expect(yResults.map((r) => r.status)).toEqual(["applied", "applied"]);

    const [rx, ry] = [(await rowOf(a, x.rowId))!, (await rowOf(a, y.rowId))!];
    expect(rx.fields).toMatchObject({ name: "A name", notes: "B notes" });
    expect(ry.fields).toEqual(rx.fields);
    expect(rx.fieldHlc).toMatchObject({ name: ax.hlc, notes: bx.hlc, kind: x.hlc });
    expect(ry.fieldHlc).toMatchObject({ name: ay.hlc, notes: by.hlc, kind: y.hlc });
  });

  it("a mutation whose every field is older than the stored stamps is applied and writes nothing", async () => {
    const old = new SimDevice("desk-old", -60_000);
    const d = new SimDevice("desk-a");
    const c = d.insert("client", clientWire("Fresh"));
    const { results } = await pushAs(a, [c]);
    const version = results[0]!.status === "applied" ? results[0]!.version : -1;
    const stale = old.update("client", c.rowId, { name: "Stale" });
    expect((await pushAs(a, [stale])).results[0]).toEqual({ mutationId: stale.mutationId, status: "applied", version });
    expect((await rowOf(a, c.rowId))!.fields).toMatchObject({ name: "Fresh" });
  });
});

describe("tenant isolation", () => {
  it("A cannot overwrite or see B's row by pushing its id, nor pull B's rows", async () => {
    const devB = new SimDevice("desk-b");
    const bRow = devB.insert("client", clientWire("B's client"));
    await pushAs(b, [bRow]);

    const devA = new SimDevice("desk-a", 1000);
    const update = devA.update("client", bRow.rowId, { name: "hijacked" });
    // An update of a row A does not have lacks the required fields: refused, and B's row untouched.
    expect((await pushAs(a, [update])).results[0]).toMatchObject({ status: "rejected", code: "VALIDATION_FAILED" });
    // A full insert with the same id makes a row of A's own.
    expect((await pushAs(a, [devA.insert("client", clientWire("A's twin"), bRow.rowId)])).results[0]).toMatchObject({ status: "applied" });

    expect((await rowOf(b, bRow.rowId))!.fields).toMatchObject({ name: "B's client" });
    expect((await rowOf(a, bRow.rowId))!.fields).toMatchObject({ name: "A's twin" });
    const aPull = await pullAll(a);
    expect(aPull.some((c) => c.fields["name"] === "B's client")).toBe(false);
    const owners = await asAdmin(db, async (cl) => (await cl.query("SELECT tenant_id::text, name FROM clients WHERE id = $1 ORDER BY name", [bRow.rowId])).rows);
    expect(owners).toEqual([
      { tenant_id: a.tenantId, name: "A's twin" },
      { tenant_id: b.tenantId, name: "B's client" },
    ]);
  });

  it("A cannot reference B's location", async () => {
    const bLocation = (await pullAll(b)).find((c) => c.entity === "location")!;
    const devA = new SimDevice("desk-a");
    expect((await pushAs(a, [devA.insert("room", roomWire(bLocation.rowId))])).results[0]).toMatchObject({ status: "rejected", code: "VALIDATION_FAILED" });
  });
});

describe("offline bookings of one room", () => {
  it("the second is kept as status conflict, both sides see it, and a replay says the same", async () => {
    const setup = new SimDevice("desk-0");
    const loc = setup.insert("location", locationWire("Conflicts"));
    const room = setup.insert("room", roomWire(loc.rowId));
    await pushAs(a, [loc, room]);

    const start = Date.UTC(2027, 5, 1, 10);
    const d1 = new SimDevice("desk-1");
    const d2 = new SimDevice("desk-2");
    const first = d1.insert("booking", bookingWire({ locationId: loc.rowId, roomIds: [room.rowId], startsAt: start, endsAt: start + 2 * 3600_000 }));
    const second = d2.insert("booking", bookingWire({ locationId: loc.rowId, roomIds: [room.rowId], startsAt: start + 3600_000, endsAt: start + 3 * 3600_000 }));

    expect((await pushAs(a, [first])).results[0]).toMatchObject({ status: "applied" });
    const [result] = (await pushAs(a, [second])).results;
    expect(result).toMatchObject({
      status: "conflict",
      details: { reason: "BOOKING_OVERLAP", bookingId: second.rowId, collisions: [{ bookingId: first.rowId, resource: "room", resourceId: room.rowId }] },
    });
    expect((await pushAs(a, [second])).results[0]).toEqual(result);

    const rows = await pullAll(a);
    const kept = rows.find((c) => c.rowId === second.rowId)!;
    expect(kept.fields).toMatchObject({ status: "conflict", startsAt: start + 3600_000 });
    expect(kept.version).toBe(result!.status === "conflict" ? result!.version : -1);
    // The server's status stamp is later than the device's, so its pending "confirmed" loses everywhere.
    expect(kept.fieldHlc["status"]! > second.hlc).toBe(true);
    expect(rows.find((c) => c.rowId === first.rowId)!.fields).toMatchObject({ status: "confirmed" });

    // Resolving it (moving it clear) by a later edit wins over the server's conflict status.
    const moved = d2.update("booking", second.rowId, { status: "confirmed", startsAt: start + 4 * 3600_000, endsAt: start + 5 * 3600_000, occupiedFrom: start + 4 * 3600_000, occupiedUntil: start + 5 * 3600_000 });
    srv.clock.advance(1000);
    const later = new SimDevice("desk-2", 5000).update("booking", second.rowId, moved.changes);
    expect((await pushAs(a, [later])).results[0]).toMatchObject({ status: "applied" });
    expect((await rowOf(a, second.rowId))!.fields).toMatchObject({ status: "confirmed" });
  });
});

describe("pull cursor", () => {
  it("pages by limit in version order, without gaps or repeats", async () => {
    const d = new SimDevice("desk-a");
    await pushAs(a, Array.from({ length: 7 }, (_, i) => d.insert("client", clientWire(`Paged ${i}`))));
    const all = await pullAll(a);
    const pages: PulledChange[][] = [];
    let cursor = 0;
    for (;;) {
      const page = await srv.client(a.accessToken).sync.pull.query({ cursor, limit: 3 });
      const changes = decodePullPage(page);
      expect(changes.length).toBeLessThanOrEqual(3);
      pages.push(changes);
      if (changes.length > 0) expect(page.cursor).toBe(changes.at(-1)!.version);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages.flat()).toEqual(all);
    expect(new Set(all.map((c) => `${c.entity}:${c.rowId}`)).size).toBe(all.length);
    const last = await srv.client(a.accessToken).sync.pull.query({ cursor, limit: 3 });
    expect(last).toEqual({ shapes: [], rows: [], cursor, hasMore: false });
  });

  it("brings a tombstone with its deletedAt, rows of several tables in one page, and refuses a page above the limit", async () => {
    const d = new SimDevice("desk-t");
    const loc = d.insert("location", locationWire("Nantes"));
    const gone = d.insert("client", clientWire("Parti"));
    const room = d.insert("room", roomWire(loc.rowId));
    const deletedAt = "2027-01-05T08:30:00.000Z";
    const before = (await pullAll(a)).at(-1)?.version ?? 0;
    await pushAs(a, [loc, gone, room, d.update("client", gone.rowId, { deletedAt })]);

    const page = await srv.client(a.accessToken).sync.pull.query({ cursor: before, limit: MAX_PULL_LIMIT });
    expect(page.hasMore).toBe(false);
    const changes = decodePullPage(page);
    expect(changes.map((c) => c.entity)).toEqual(["location", "room", "client"]);
    expect(changes.map((c) => c.version)).toEqual([...changes.map((c) => c.version)].sort((x, y) => x - y));
    const tombstone = changes.find((c) => c.rowId === gone.rowId)!;
    expect(tombstone).toMatchObject({ deletedAt, fields: { name: "Parti", deletedAt } });
    expect(comparable(changes.find((c) => c.rowId === room.rowId)!.fields)).toMatchObject(comparable(room.changes));
    const refused = await srv.client(a.accessToken).sync.pull.query({ cursor: 0, limit: MAX_PULL_LIMIT + 1 }).then(() => null, (e: unknown) => e);
    expect(errorCodeOf(refused)).toBe("VALIDATION_FAILED");
  });
});
