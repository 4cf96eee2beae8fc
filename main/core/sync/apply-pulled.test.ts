import { afterEach, describe, expect, it } from "vitest";
import { encodeHlc } from "../../../shared/hlc";
import { uuidv7 } from "../../../shared/ids";
import type { PulledChange, PullInput, PullOutput } from "../../../shared/sync/protocol";
import { encodePullPage } from "../../../shared/sync/pull-wire";
import { createStudioCore, type StudioCore } from "../studio-core";
import { roomInput, setUpCore, tempDir } from "../test-fixtures";
import { applyPulledPage } from "./apply-pulled";
import type { SyncTransport } from "./sync-engine";

/**
 * Pulled pages written to a desk's real SQLite file: the straight upsert of rows with nothing
 * pending (a first pull), and the merge with this device's pending changes, page by page.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A freshly logged-in desk on its own file, adopting a server studio. */
function emptyDesk(): StudioCore {
  const tmp = tempDir("rsm-pull-");
  const desk = createStudioCore({ databaseFile: tmp.file() });
  desk.adoptServerStudio({ tenantId: uuidv7(), name: "Studio Lumière" });
  cleanups.push(() => {
    desk.close();
    tmp.cleanup();
  });
  return desk;
}

/** The studio the server would send: rows written through the stores of another core. */
function sourceStudio() {
  const { core, locationId, roomId } = setUpCore();
  cleanups.push(() => core.close());
  return { core, locationId, roomId };
}

type Row = Record<string, string | number | null>;
const rowOf = (core: StudioCore, table: string, id: string) => core.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;

/** A row of `source` as pull sends it: every synced field in column form, its stamps, `version`. */
function pulledFrom(source: StudioCore, entity: string, id: string, version: number, override: Partial<PulledChange> = {}): PulledChange {
  const t = source.syncedTables[entity]!;
  const row = rowOf(source, t.table, id)!;
  const fields = Object.fromEntries(Object.entries(t.columns).map(([field, column]) => [field, row[column] ?? null]));
  const change = { entity, rowId: id, version, fields, fieldHlc: JSON.parse(String(row.field_hlc)) as Record<string, string>, deletedAt: (row.deleted_at as string | null) ?? null };
  return { ...change, ...override } as PulledChange;
}

/** Serves `pages` in order, each marked hasMore but the last; `before(i)` runs as page i is asked for. */
function pager(pages: PulledChange[][], before: (i: number) => void = () => undefined): SyncTransport & { asked: PullInput[] } {
  const asked: PullInput[] = [];
  return {
    asked,
    push: (input) => Promise.resolve({ results: input.mutations.map((m) => ({ mutationId: m.mutationId, status: "rejected" as const, code: "CLOCK_SKEW" as const, message: "skew" })) }),
    pull: (input) => {
      const i = asked.length;
      asked.push(input);
      before(i);
      const changes = pages[i] ?? [];
      const out: PullOutput = encodePullPage(changes, changes.at(-1)?.version ?? input.cursor, i < pages.length - 1);
      return Promise.resolve(out);
    },
  };
}

/** The synced columns, stamps and version of a row, as compared between two desks. */
function syncedState(core: StudioCore, entity: string, id: string) {
  const t = core.syncedTables[entity]!;
  const row = rowOf(core, t.table, id)!;
  return {
    ...Object.fromEntries(Object.values(t.columns).map((c) => [c, row[c] ?? null])),
    fieldHlc: JSON.parse(String(row.field_hlc)) as unknown,
    updated_at: row.updated_at,
    version: row.version,
    ...(t.searchColumns.length > 0 ? { search_text: row.search_text } : {}),
  };
}

const greatest = (stamps: Record<string, string>) => Object.values(stamps).reduce((a, b) => (b > a ? b : a), "");

describe("applying pulled pages", () => {
  it("lands a first pull split across pages and tables exactly as the source wrote it, with its stamps, version and search text", async () => {
    const src = sourceStudio();
    const secondRoom = src.core.rooms.create(roomInput(src.locationId, { name: "Cabine B" }));
    const clients = ["Éloïse Durand", "Marc Petit", "Zoé Martin"].map((name, i) => src.core.clients.create({ kind: "person", name, email: `c${i}@exemple.fr`, notes: `Note ${i}` }));
    const pages = [
      [pulledFrom(src.core, "location", src.locationId, 1), pulledFrom(src.core, "room", src.roomId, 2), pulledFrom(src.core, "client", clients[0]!.id, 3)],
      [pulledFrom(src.core, "client", clients[1]!.id, 4), pulledFrom(src.core, "room", secondRoom.id, 5)],
      [pulledFrom(src.core, "client", clients[2]!.id, 6)],
    ];
    const desk = emptyDesk();
    const transport = pager(pages);
    const report = await desk.createSyncEngine(transport).syncOnce();

    expect(report.pulled).toBe(6);
    expect(transport.asked.map((a) => a.cursor)).toEqual([0, 3, 5]);
    expect(desk.db.prepare("SELECT cursor FROM sync_state").get()).toEqual({ cursor: 6 });
    for (const change of pages.flat()) {
      const { version: _v, updated_at: _u, ...expected } = syncedState(src.core, change.entity, change.rowId);
      expect(syncedState(desk, change.entity, change.rowId)).toEqual({ ...expected, version: change.version, updated_at: greatest(change.fieldHlc) });
    }
    expect(desk.clients.list({ search: "eloise" }).map((c) => c.id)).toEqual([clients[0]!.id]);
    expect(desk.rooms.list({ locationId: src.locationId }).map((r) => r.id).sort()).toEqual([src.roomId, secondRoom.id].sort());
  });

  it("stores each row's field_hlc text exactly as the server's map, whatever the wire made of it, straight in or merged", () => {
    const src = sourceStudio();
    const ids = ["Ana", "Bruno", "Chloé", "Driss", "Elsa"].map((name) => src.core.clients.create({ kind: "person", name, notes: `n ${name}` }).id);
    const fields = Object.keys(src.core.syncedTables.client!.columns);
    const at = (ms: number) => encodeHlc({ wallMs: Date.now() + 10_000 + ms, counter: 0, node: "server" });
    // In jsonb's key order (shorter keys first), as the server reads field_hlc.
    const jsonbOrder = [...fields].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    const maps: Record<string, string>[] = [
      Object.fromEntries(jsonbOrder.map((f) => [f, at(1)])),
      Object.fromEntries(jsonbOrder.map((f) => [f, f === "notes" ? at(3) : at(2)])),
      Object.fromEntries(jsonbOrder.map((f, i) => [f, at(i)])),
      { name: at(4), kind: at(4) },
      Object.fromEntries([...jsonbOrder].reverse().map((f) => [f, at(5)])),
    ];
    const changes = ids.map((id, i) => ({ ...pulledFrom(src.core, "client", id, 60 + i), fieldHlc: maps[i]! }));
    const straight = emptyDesk();
    applyPulledPage(straight.db, straight.clock, straight.syncedTables, "t", encodePullPage(changes));
    // The merged desk holds older pending copies of two rows: the server's stamps win every field.
    const merged = emptyDesk();
    const mine = [merged.clients.create({ kind: "person", name: "Ancien" }).id, merged.clients.create({ kind: "person", name: "Autre" }).id];
    const mergedChanges = changes.map((c, i) => (i < 2 ? { ...c, rowId: mine[i]! } : c));
    applyPulledPage(merged.db, merged.clock, merged.syncedTables, "t", encodePullPage(mergedChanges));
    expect(merged.outbox.status().pending).toBe(2);
    for (const [desk, list] of [[straight, changes], [merged, mergedChanges]] as const) {
      for (const c of list) {
        const row = rowOf(desk, "clients", c.rowId)!;
        expect(row.field_hlc).toBe(JSON.stringify(c.fieldHlc));
        expect(row).toMatchObject({ version: c.version, updated_at: greatest(c.fieldHlc), name: c.fields.name });
      }
    }
  });

  it("overwrites a row pulled again in place, keeping when it arrived, and a tombstone takes it out of the lists", async () => {
    const src = sourceStudio();
    const client = src.core.clients.create({ kind: "person", name: "Marc Petit", email: "marc@exemple.fr" });
    const desk = emptyDesk();
    await desk.createSyncEngine(pager([[pulledFrom(src.core, "client", client.id, 7)]])).syncOnce();
    const arrived = rowOf(desk, "clients", client.id)!.created_at;

    src.core.clients.update(client.id, { name: "Marc Petit-Durand" });
    const deletedAt = "2026-06-01T10:00:00.000Z";
    const later = pulledFrom(src.core, "client", client.id, 9);
    const stamp = encodeHlc({ wallMs: Date.now() + 1000, counter: 0, node: "server" });
    const tombstone = { ...later, deletedAt, fields: { ...later.fields, deletedAt }, fieldHlc: { ...later.fieldHlc, deletedAt: stamp } };
    applyPulledPage(desk.db, desk.clock, desk.syncedTables, "ignored-for-existing-rows", encodePullPage([later]));
    expect(rowOf(desk, "clients", client.id)).toMatchObject({ name: "Marc Petit-Durand", version: 9, created_at: arrived, search_text: "marc petit-durand marc@exemple.fr" });

    applyPulledPage(desk.db, desk.clock, desk.syncedTables, "ignored-for-existing-rows", encodePullPage([tombstone]));
    expect(rowOf(desk, "clients", client.id)).toMatchObject({ deleted_at: deletedAt, updated_at: stamp, version: 9, created_at: arrived });
    expect(desk.clients.find(client.id)).toBeNull();
    expect(desk.clients.list({ search: "marc" })).toEqual([]);
  });

  it("re-applies a pending local edit over its pulled row, in a page whose other rows go straight in", async () => {
    const src = sourceStudio();
    const [a, b] = ["Ana Lopez", "Bruno Moreau"].map((name) => src.core.clients.create({ kind: "person", name }));
    const desk = emptyDesk();
    // Pushes are refused for clock skew, so the desk's own client stays pending through the pull.
    const mine = desk.clients.create({ kind: "person", name: "Nom local", notes: "notes locales" });
    const old = encodeHlc({ wallMs: 1, counter: 0, node: "server" });
    const ahead = encodeHlc({ wallMs: Date.now() + 60_000, counter: 0, node: "other" });
    const serverCopy: PulledChange = {
      entity: "client", rowId: mine.id, version: 21, deletedAt: null,
      fields: { kind: "company", name: "Nom serveur", contactName: null, email: "srv@exemple.fr", phone: null, address: null, vatNumber: null, notes: "notes serveur", defaultDepositBp: null, archivedAt: null, deletedAt: null },
      fieldHlc: { kind: old, name: old, email: ahead, notes: ahead },
    };
    await desk.createSyncEngine(pager([[pulledFrom(src.core, "client", a!.id, 20), serverCopy, pulledFrom(src.core, "client", b!.id, 22)]])).syncOnce();

    expect(desk.clients.get(mine.id)).toMatchObject({ kind: "person", name: "Nom local", email: "srv@exemple.fr", notes: "notes serveur", version: 21 });
    const stamps = JSON.parse(String(rowOf(desk, "clients", mine.id)!.field_hlc)) as Record<string, string>;
    expect(stamps.email).toBe(ahead);
    expect(stamps.name! > old).toBe(true);
    expect(desk.clients.list({ search: "local" }).map((c) => c.id)).toEqual([mine.id]);
    expect(desk.clients.get(a!.id)).toMatchObject({ name: "Ana Lopez", version: 20 });
    expect(desk.clients.get(b!.id)).toMatchObject({ name: "Bruno Moreau", version: 22 });
  });

  it("re-applies an edit made on the desk between two pages over the second page's copy of the row", async () => {
    const src = sourceStudio();
    const client = src.core.clients.create({ kind: "person", name: "Zoé Martin", notes: "v1" });
    const other = src.core.clients.create({ kind: "person", name: "Paul Roche" });
    const first = pulledFrom(src.core, "client", client.id, 30);
    src.core.clients.update(client.id, { name: "Zoé Martin-Roux" });
    const pages = [[first], [pulledFrom(src.core, "client", other.id, 31)], [pulledFrom(src.core, "client", client.id, 32)]];
    const desk = emptyDesk();
    // The engine asks for a page before applying the one before it: when the third is asked for,
    // the first is on the desk, and someone edits the notes of the row it brought.
    const transport = pager(pages, (i) => {
      if (i === 2) desk.clients.update(client.id, { notes: "modifiée au bureau" });
    });
    await desk.createSyncEngine(transport).syncOnce();
    expect(desk.clients.get(client.id)).toMatchObject({ name: "Zoé Martin-Roux", notes: "modifiée au bureau", version: 32 });
    expect(desk.clients.list({ search: "roux" }).map((c) => c.id)).toEqual([client.id]);
    expect(desk.outbox.status().pending).toBe(1);
  });

  it("writes the same row whether it goes straight in or through the merge with a pending change that loses every field", () => {
    const src = sourceStudio();
    const client = src.core.clients.create({ kind: "company", name: "Label Nord", contactName: "Inès", email: "label@exemple.fr", notes: "Maison de disques" });
    const straight = emptyDesk();
    const merged = emptyDesk();
    // The merged desk holds its own older version of the row, still pending.
    const local = merged.clients.create({ kind: "person", name: "Ancien nom" });
    const later = Object.fromEntries(Object.keys(src.core.syncedTables.client!.columns).map((f) => [f, encodeHlc({ wallMs: Date.now() + 5_000, counter: 0, node: "server" })]));
    const change = { ...pulledFrom(src.core, "client", client.id, 40), fieldHlc: later };
    applyPulledPage(straight.db, straight.clock, straight.syncedTables, "t", encodePullPage([change]));
    applyPulledPage(merged.db, merged.clock, merged.syncedTables, "t", encodePullPage([{ ...change, rowId: local.id }]));
    expect(merged.outbox.status().pending).toBeGreaterThan(0);
    expect(syncedState(merged, "client", local.id)).toEqual(syncedState(straight, "client", client.id));
  });

  it("skips a field this build does not know and leaves alone one an older server does not send, within one page", () => {
    const src = sourceStudio();
    const [a, b] = ["Ana Lopez", "Bruno Moreau"].map((name, i) => src.core.clients.create({ kind: "person", name, notes: `notes ${i}` }));
    const desk = emptyDesk();
    applyPulledPage(desk.db, desk.clock, desk.syncedTables, "t", encodePullPage([pulledFrom(src.core, "client", b!.id, 50)]));
    const newer = pulledFrom(src.core, "client", a!.id, 51);
    newer.fields = { ...newer.fields, loyaltyTier: "gold" };
    const older = pulledFrom(src.core, "client", b!.id, 52);
    const { notes: _dropped, ...withoutNotes } = older.fields;
    older.fields = { ...withoutNotes, name: "Bruno Moreau-Lenoir" };
    expect(applyPulledPage(desk.db, desk.clock, desk.syncedTables, "t", encodePullPage([newer, older, { ...newer, entity: "playlist" as PulledChange["entity"], rowId: uuidv7() }]))).toBe(2);
    expect(desk.clients.get(a!.id)).toMatchObject({ name: "Ana Lopez", notes: "notes 0", version: 51 });
    expect(desk.clients.get(b!.id)).toMatchObject({ name: "Bruno Moreau-Lenoir", notes: "notes 1", version: 52 });
  });
});
