import { afterEach, describe, expect, it } from "vitest";
import { encodeHlc } from "../../../shared/hlc";
import type { MutationResult, PullOutput, PushInput, PushedMutation } from "../../../shared/sync/protocol";
import { encodePullPage } from "../../../shared/sync/pull-wire";
import { AppError } from "../errors";
import { setUpCore } from "../test-fixtures";
import type { StudioCore } from "../studio-core";
import { SENT_RETENTION_MS, type SyncTransport } from "./sync-engine";

/**
 * The engine's bookkeeping with a scripted transport (the real server is exercised in
 * tests/integration/desktop-sync.test.ts): outcomes recorded, batches, re-applying pending changes.
 */
let core: StudioCore;
afterEach(() => core?.close());

function scripted(answer: (m: PushedMutation) => MutationResult, pages: PullOutput[] = []): SyncTransport & { pushes: PushInput[] } {
  const pushes: PushInput[] = [];
  let page = 0;
  return {
    pushes,
    push: (input) => {
      pushes.push(input);
      return Promise.resolve({ results: input.mutations.map(answer) });
    },
    pull: () => Promise.resolve(pages[page++] ?? encodePullPage([], pages.at(-1)?.cursor ?? 0)),
  };
}

const applied = (m: PushedMutation): MutationResult => ({ mutationId: m.mutationId, status: "applied", version: 1 });
const outbox = () => core.db.prepare("SELECT entity, status, reject_code, reject_message, result_version FROM outbox ORDER BY seq").all();

describe("SyncEngine", () => {
  it("pushes in outbox order in batches of at most 500", async () => {
    ({ core } = setUpCore());
    for (let i = 0; i < 998; i++) core.clients.create({ kind: "person", name: `Client ${i}` });
    const transport = scripted(applied);
    const report = await core.createSyncEngine(transport).syncOnce();
    expect(transport.pushes.map((p) => p.mutations.length)).toEqual([500, 500, 1]);
    const sent = transport.pushes.flatMap((p) => p.mutations.map((m) => m.mutationId));
    const queued = (core.db.prepare("SELECT mutation_id FROM outbox ORDER BY seq").all() as { mutation_id: string }[]).map((r) => r.mutation_id);
    expect(sent).toEqual(queued);
    expect(report).toMatchObject({ applied: 1001, rejected: 0 });
    expect(core.outbox.status().pending).toBe(0);
  });

  it("keeps a rejected change with its code and message, and a conflict as sent", async () => {
    ({ core } = setUpCore());
    const transport = scripted((m) =>
      m.entity === "studio"
        ? { mutationId: m.mutationId, status: "rejected", code: "VALIDATION_FAILED", message: "Studio settings do not sync yet" }
        : m.entity === "room"
          ? { mutationId: m.mutationId, status: "conflict", version: 3, details: {} }
          : applied(m),
    );
    const engine = core.createSyncEngine(transport);
    expect(await engine.syncOnce()).toMatchObject({ applied: 1, conflicts: 1, rejected: 1 });
    expect(outbox()).toEqual([
      { entity: "studio", status: "rejected", reject_code: "VALIDATION_FAILED", reject_message: "Studio settings do not sync yet", result_version: null },
      { entity: "location", status: "sent", reject_code: null, reject_message: null, result_version: 1 },
      { entity: "room", status: "sent", reject_code: null, reject_message: null, result_version: 3 },
    ]);
    expect(engine.status()).toMatchObject({ state: "online", pending: 0, lastError: null });
  });

  it("keeps the mutations a server refuses the whole batch for as rejected, and sends the rest", async () => {
    ({ core } = setUpCore());
    core.clients.create({ kind: "person", name: "Ada" });
    let calls = 0;
    const transport = scripted(applied);
    const push = transport.push;
    transport.push = (input) => {
      // An older server that knows no "location": it refuses the batch, naming the mutation.
      if (calls++ === 0) return Promise.reject(new AppError("VALIDATION_FAILED", "bad batch", { "mutations.1.entity": ["v.invalid"] }));
      return push(input);
    };
    const report = await core.createSyncEngine(transport).syncOnce();
    expect(report).toMatchObject({ applied: 3, rejected: 1 });
    expect(outbox()).toEqual([
      { entity: "studio", status: "sent", reject_code: null, reject_message: null, result_version: 1 },
      { entity: "location", status: "rejected", reject_code: "VALIDATION_FAILED", reject_message: "The server does not accept entity of this location change (v.invalid)", result_version: null },
      { entity: "room", status: "sent", reject_code: null, reject_message: null, result_version: 1 },
      { entity: "client", status: "sent", reject_code: null, reject_message: null, result_version: 1 },
    ]);
  });

  it("forgets sent mutations after the retention period, never pending or rejected ones", async () => {
    ({ core } = setUpCore());
    const engine = core.createSyncEngine(scripted((m) =>
      m.entity === "studio" ? { mutationId: m.mutationId, status: "rejected", code: "VALIDATION_FAILED", message: "no" } : applied(m),
    ));
    await engine.syncOnce();
    const longAgo = new Date(Date.now() - SENT_RETENTION_MS - 1000).toISOString();
    core.db.prepare("UPDATE outbox SET created_at = ?").run(longAgo);
    core.clients.create({ kind: "person", name: "Recent" });
    core.db.prepare("UPDATE outbox SET created_at = ? WHERE entity = 'client'").run(longAgo);
    await core.createSyncEngine(scripted((m) => ({ mutationId: m.mutationId, status: "rejected", code: "CLOCK_SKEW", message: "skew" }))).syncOnce();
    expect(core.db.prepare("SELECT entity, status FROM outbox ORDER BY seq").all()).toEqual([
      { entity: "studio", status: "rejected" },
      { entity: "client", status: "pending" },
    ]);
  });

  it("keeps changes refused for clock skew pending and reports it", async () => {
    ({ core } = setUpCore());
    const engine = core.createSyncEngine(scripted((m) => ({ mutationId: m.mutationId, status: "rejected", code: "CLOCK_SKEW", message: "skew" })));
    expect(await engine.syncOnce()).toMatchObject({ skewed: 3 });
    expect(engine.status()).toMatchObject({ state: "error", pending: 3, lastError: expect.stringContaining("clock skew") });
  });

  it("goes offline on a transport failure, touching nothing", async () => {
    ({ core } = setUpCore());
    const engine = core.createSyncEngine({ push: () => Promise.reject(new TypeError("fetch failed")), pull: () => Promise.reject(new TypeError("fetch failed")) });
    await expect(engine.syncOnce()).rejects.toThrow("fetch failed");
    expect(engine.status()).toMatchObject({ state: "offline", pending: 3, lastSyncedAt: null, lastError: "fetch failed" });
  });

  it("retries a failed sync after the backoff delay, then keeps syncing on its interval", async () => {
    ({ core } = setUpCore());
    let calls = 0;
    const ok = scripted(applied);
    const engine = core.createSyncEngine(
      { push: (input) => (++calls === 1 ? Promise.reject(new TypeError("fetch failed")) : ok.push(input)), pull: ok.pull },
      { random: () => 0 },
    );
    engine.start(60_000);
    try {
      // First retry after nextDelay(1, () => 0) = 500 ms.
      await new Promise((r) => setTimeout(r, 300));
      expect(engine.status()).toMatchObject({ state: "offline", pending: 3 });
      await new Promise((r) => setTimeout(r, 500));
      expect(calls).toBe(2);
      expect(engine.status()).toMatchObject({ state: "online", pending: 0, lastError: null });
    } finally {
      engine.stop();
    }
  });

  it("applies a pulled row as server truth with this device's pending fields on top where their stamp is newer", async () => {
    ({ core } = setUpCore());
    const client = core.clients.create({ kind: "person", name: "Local name", notes: "local notes" });
    const old = encodeHlc({ wallMs: 1, counter: 0, node: "server" });
    const ahead = encodeHlc({ wallMs: Date.now() + 60_000, counter: 0, node: "other" });
    const pulled: PullOutput = encodePullPage([{
        entity: "client", rowId: client.id, version: 42, deletedAt: null,
        fields: { kind: "company", name: "Server name", contactName: null, email: "srv@example.com", phone: null, address: null, vatNumber: null, notes: "server notes", defaultDepositBp: null, archivedAt: null, deletedAt: null },
        fieldHlc: { kind: old, name: old, email: ahead, notes: ahead },
      }], 42);
    // Every push refused for skew, so the local insert is still pending when the row is pulled.
    const engine = core.createSyncEngine(scripted((m) => ({ mutationId: m.mutationId, status: "rejected", code: "CLOCK_SKEW", message: "skew" }), [pulled]));
    await engine.syncOnce();
    expect(core.clients.get(client.id)).toMatchObject({ kind: "person", name: "Local name", email: "srv@example.com", notes: "server notes", version: 42 });
    // Derived from the merged row, and the device clock now runs after the pulled stamp.
    expect(core.clients.list({ search: "local" }).map((c) => c.id)).toEqual([client.id]);
    expect(core.clock.tick() > ahead).toBe(true);
    expect(core.db.prepare("SELECT cursor FROM sync_state").get()).toEqual({ cursor: 42 });
  });
});
