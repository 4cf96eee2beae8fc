import { afterEach, describe, expect, it } from "vitest";
import { decodeHlc } from "../../../shared/hlc";
import { AppError } from "../errors";
import { createStudioCore, type StudioCore } from "../studio-core";
import {
  T0, appErrorOf, equipmentInput, locationInput, manualClock, memoryCore, outboxRows, roomInput, setUpCore, staffInput, tempDir,
} from "../test-fixtures";

const cores: StudioCore[] = [];
const track = <T extends { core: StudioCore }>(x: T): T => {
  cores.push(x.core);
  return x;
};
afterEach(() => {
  for (const c of cores.splice(0)) if (c.db.open) c.close();
});

const rowOf = (core: StudioCore, table: string, id: string) =>
  core.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
const changesOf = (row: { changes: string }) => JSON.parse(row.changes) as Record<string, unknown>;

type Store = "locations" | "rooms" | "staff" | "equipment" | "clients";
/** One entity of each kind: how to create it, and a one-field update. */
const ENTITIES: { store: Store; entity: string; table: string; create: (locationId: string) => unknown; update: Record<string, unknown> }[] = [
  { store: "locations", entity: "location", table: "locations", create: () => locationInput(), update: { address: "48 Mare Street" } },
  { store: "rooms", entity: "room", table: "rooms", create: (loc) => roomInput(loc), update: { hourlyRateCents: 7500 } },
  { store: "staff", entity: "staff", table: "staff", create: (loc) => staffInput({ locationId: loc }), update: { phone: "+33 6 00 00 00 00" } },
  { store: "equipment", entity: "equipment", table: "equipment", create: (loc) => equipmentInput(loc), update: { quantity: 3 } },
  { store: "clients", entity: "client", table: "clients", create: () => ({ kind: "person", name: "Héloïse Mercier" }), update: { email: "heloise@exemple.fr" } },
];

describe("LocalWriter through the entity stores", () => {
  it.each(ENTITIES)("$entity: create, update, archive, restore each append exactly one outbox row", ({ store, entity, table, create, update }) => {
    const clock = manualClock();
    const { core, locationId } = track(setUpCore(clock.now));
    const tenantId = core.studio.tenantId();
    const seen: string[] = outboxRows(core).map((r) => r.hlc);
    const expectOneMore = (op: string, changes: Record<string, unknown>, rowId: string) => {
      const rows = outboxRows(core);
      expect(rows).toHaveLength(seen.length + 1);
      const last = rows.at(-1)!;
      expect(last).toMatchObject({ entity, row_id: rowId, op, status: "pending", base_version: null });
      expect(changesOf(last)).toEqual(changes);
      expect(last.hlc > seen.at(-1)!).toBe(true);
      expect(rowOf(core, table, rowId).updated_at).toBe(last.hlc);
      seen.push(last.hlc);
      return last;
    };

    clock.advance(1000);
    const created = (core[store] as StudioCore["clients"]).create(create(locationId));
    expect(created.tenantId).toBe(tenantId);
    expect(rowOf(core, table, created.id).tenant_id).toBe(tenantId);
    const insert = expectOneMore("insert", expect.any(Object) as never, created.id);
    // The insert carries every field of the entity, by field name, and nothing local to this device.
    expect(Object.keys(changesOf(insert)).sort()).toEqual(Object.keys(core[store].def.fields).sort());
    const fieldHlc = JSON.parse(rowOf(core, table, created.id).field_hlc as string) as Record<string, string>;
    expect(Object.keys(fieldHlc).sort()).toEqual(Object.keys(core[store].def.fields).sort());
    expect(new Set(Object.values(fieldHlc))).toEqual(new Set([insert.hlc]));

    clock.advance(1000);
    (core[store] as StudioCore["clients"]).update(created.id, update as never);
    const upd = expectOneMore("update", update, created.id);
    const afterUpdate = JSON.parse(rowOf(core, table, created.id).field_hlc as string) as Record<string, string>;
    for (const [field, stamp] of Object.entries(afterUpdate)) expect(stamp).toBe(field in update ? upd.hlc : insert.hlc);

    clock.advance(1000);
    const archived = core[store].archive(created.id);
    expect(archived.archivedAt).not.toBeNull();
    expectOneMore("update", { archivedAt: archived.archivedAt }, created.id);

    clock.advance(1000);
    expect(core[store].restore(created.id).archivedAt).toBeNull();
    expectOneMore("update", { archivedAt: null }, created.id);
  });

  it.each(ENTITIES)("$entity: a no-op update writes nothing and queues nothing", ({ store, table, create, update }) => {
    const { core, locationId } = track(setUpCore());
    const s = core[store] as StudioCore["clients"];
    const created = s.create(create(locationId));
    s.update(created.id, update as never);
    const before = { outbox: outboxRows(core), row: rowOf(core, table, created.id), device: core.db.prepare("SELECT * FROM device").get() };
    const same = s.update(created.id, update as never);
    const empty = s.update(created.id, {});
    expect(same).toEqual(empty);
    expect(same.updatedAt).toBe(before.row.updated_at);
    expect(outboxRows(core)).toEqual(before.outbox);
    expect(rowOf(core, table, created.id)).toEqual(before.row);
    expect(core.db.prepare("SELECT * FROM device").get()).toEqual(before.device);
    // Archiving twice, or restoring an active row, is a no-op too.
    s.archive(created.id);
    const afterArchive = outboxRows(core).length;
    s.archive(created.id);
    expect(outboxRows(core)).toHaveLength(afterArchive);
    s.restore(created.id);
    s.restore(created.id);
    expect(outboxRows(core)).toHaveLength(afterArchive + 1);
  });

  it("records only the fields that changed, even when the whole form is sent back", () => {
    const { core, roomId } = track(setUpCore());
    const room = core.rooms.get(roomId);
    const { id: _id, tenantId: _t, createdAt: _c, updatedAt: _u, archivedAt: _a, version: _v, ...form } = room;
    core.rooms.update(roomId, { ...form, name: "Studio A — Neve", notes: "Neve 8078" });
    expect(changesOf(outboxRows(core).at(-1)!)).toEqual({ name: "Studio A — Neve", notes: "Neve 8078" });
  });

  it("keeps the derived search text up to date without queueing it", () => {
    const { core, roomId } = track(setUpCore());
    core.rooms.update(roomId, { name: "Cabine Éloïse" });
    expect(rowOf(core, "rooms", roomId).search_text).toBe("cabine eloise recording");
    expect(changesOf(outboxRows(core).at(-1)!)).toEqual({ name: "Cabine Éloïse" });
    expect(core.rooms.list({ search: "eloise" }).map((r) => r.id)).toEqual([roomId]);
  });

  it("stamps strictly increasing HLCs even when the wall clock steps back", () => {
    const clock = manualClock();
    const { core, locationId } = track(setUpCore(clock.now));
    const walls = [T0 + 10, T0 + 10, T0 - 3_600_000, T0 + 5, T0 + 20_000, T0 + 19_999];
    for (const [i, wall] of walls.entries()) {
      clock.set(wall);
      core.clients.create({ kind: "person", name: `Client ${i}` });
      core.rooms.update(core.rooms.list({ locationId })[0]!.id, { capacity: 2 + i });
    }
    const stamps = outboxRows(core).map((r) => r.hlc);
    expect(stamps).toHaveLength(3 + walls.length * 2);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
    expect(decodeHlc(stamps.at(-1)!).wallMs).toBe(T0 + 20_000);
    expect(new Set(stamps.map((s) => decodeHlc(s).node)).size).toBe(1);
    expect(decodeHlc(stamps[0]!).node).toBe(core.clock.nodeId);
  });

  it("keeps the clock increasing across a restart with an earlier wall clock", () => {
    const tmp = tempDir();
    try {
      const first = createStudioCore({ databaseFile: tmp.file(), now: () => T0 + 60_000 });
      first.studio.createStudio({ name: "S", currency: "EUR" });
      first.clients.create({ kind: "person", name: "A" });
      const lastBefore = outboxRows(first).at(-1)!.hlc;
      const node = first.clock.nodeId;
      first.close();

      const second = createStudioCore({ databaseFile: tmp.file(), now: () => T0 });
      cores.push(second);
      second.clients.create({ kind: "person", name: "B" });
      const next = outboxRows(second).at(-1)!.hlc;
      expect(next > lastBefore).toBe(true);
      expect(second.clock.nodeId).toBe(node);
      second.close();
    } finally {
      tmp.cleanup();
    }
  });

  it("commits the change and its outbox row together: if the outbox write fails, the row is not written", () => {
    const { core, locationId } = track(setUpCore());
    core.db.exec("CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox full'); END");
    const before = { rooms: core.rooms.list().length, device: core.db.prepare("SELECT last_hlc FROM device").get() };
    expect(() => core.rooms.create(roomInput(locationId))).toThrow("outbox full");
    expect(core.rooms.list()).toHaveLength(before.rooms);
    expect(core.db.prepare("SELECT last_hlc FROM device").get()).toEqual(before.device);
    const roomId = core.rooms.list()[0]!.id;
    expect(() => core.rooms.update(roomId, { capacity: 3 })).toThrow("outbox full");
    expect(core.rooms.get(roomId).capacity).toBe(12);
  });

  it("carries the server version the change was based on", () => {
    const { core, roomId } = track(setUpCore());
    core.db.prepare("UPDATE rooms SET version = 41 WHERE id = ?").run(roomId); // as if pulled from the server
    core.rooms.update(roomId, { capacity: 14 });
    expect(outboxRows(core).at(-1)).toMatchObject({ op: "update", base_version: 41 });
  });

  it("refuses to write before the studio exists, and writes nothing", () => {
    const core = memoryCore();
    cores.push(core);
    const error = appErrorOf(() => core.clients.create({ kind: "person", name: "Aya" }));
    expect(error.code).toBe("NOT_INITIALIZED");
    expect(error).toBeInstanceOf(AppError);
    expect(core.db.prepare("SELECT count(*) AS n FROM clients").get()).toEqual({ n: 0 });
    expect(outboxRows(core)).toEqual([]);
  });

  it("gives every mutation a distinct UUIDv7 id", () => {
    const { core } = track(setUpCore());
    for (let i = 0; i < 20; i++) core.clients.create({ kind: "company", name: `Label ${i}` });
    const ids = outboxRows(core).map((r) => r.mutation_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });
});

describe("OutboxService", () => {
  it("reports what is waiting, oldest first", () => {
    const { core } = track(setUpCore());
    core.clients.create({ kind: "person", name: "Aya" });
    const status = core.outbox.status();
    expect(status.pending).toBe(4); // studio, location, room, client
    expect(status.oldestPendingAt).toBe(core.db.prepare("SELECT min(created_at) AS m FROM outbox").pluck().get());
    const pending = core.outbox.pending();
    expect(pending.map((p) => p.entity)).toEqual(["studio", "location", "room", "client"]);
    expect(pending[3]).toMatchObject({ op: "insert", changes: { kind: "person", name: "Aya", email: null }, baseVersion: null });
    expect(core.outbox.pending(2)).toHaveLength(2);
    core.db.exec("UPDATE outbox SET status = 'sent'");
    expect(core.outbox.status()).toEqual({ pending: 0, oldestPendingAt: null });
  });
});
