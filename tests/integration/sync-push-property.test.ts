import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { encodeHlc } from "../../shared/hlc";
import { uuidv7 } from "../../shared/ids";
import type { MutationResult, PushedMutation } from "../../shared/sync/protocol";
import { decodePullPage } from "../../shared/sync/pull-wire";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { clientWire, PullReplica } from "./support/sync-device";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * Random histories: 2–3 devices edit the same clients offline with their own clocks, push their
 * outboxes in random interleavings (with replays), and replicas pull with random page sizes. Every
 * replica ends equal to the server's rows, and every field holds its latest-stamped write.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let run = 0;

beforeAll(async () => {
  db = await createTestDatabase("push_property");
  srv = await startTestSyncServer(db);
});
afterAll(async () => {
  await srv?.close();
});

const FIELDS = ["name", "notes", "email"] as const;
const value = (field: (typeof FIELDS)[number], n: number) => (field === "email" ? `p${n}@example.com` : `${field} ${n}`);

const opArb = fc.record({
  device: fc.nat(2),
  at: fc.nat(20_000),
  insert: fc.boolean(),
  target: fc.nat(5),
  fields: fc.subarray([...FIELDS], { minLength: 1 }),
  n: fc.nat(9),
});
const stepArb = fc.record({ device: fc.nat(2), take: fc.integer({ min: 1, max: 4 }), replay: fc.boolean(), replica: fc.nat(1), limit: fc.integer({ min: 1, max: 5 }) });

it("random pushes from several devices converge: no change lost, none duplicated", async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(opArb, { minLength: 1, maxLength: 14 }), fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (deviceCount, ops, steps) => {
      const t = await srv.client().accounts.signUp.mutate(signUpInput(`prop${++run}`));
      const api = srv.client(t.accessToken);
      const base = Date.now() - 30_000;
      const stamp = (at: number, counter: number, node: string) => encodeHlc({ wallMs: base + at, counter, node });

      // Shared rows every device has already pulled.
      const shared = [0, 1].map((i) => ({ mutationId: uuidv7(), entity: "client", rowId: uuidv7(), op: "insert", changes: clientWire(`shared ${i}`), hlc: stamp(0, i, "setup"), baseVersion: null }) satisfies PushedMutation);
      const all: PushedMutation[] = [...shared];
      await api.sync.push.mutate({ mutations: shared });

      // Each device's outbox, in its own clock order; it updates shared rows or rows it created earlier.
      const outboxes: PushedMutation[][] = Array.from({ length: deviceCount }, () => []);
      const own: string[][] = Array.from({ length: deviceCount }, () => []);
      const sorted = ops.map((o, i) => ({ ...o, device: o.device % deviceCount, i })).sort((x, y) => x.at - y.at || x.i - y.i);
      for (const o of sorted) {
        const hlc = stamp(1 + o.at, o.i, `dev${o.device}`);
        const fields = Object.fromEntries(o.fields.map((f) => [f, value(f, o.n)]));
        const targets = [...shared.map((s) => s.rowId), ...own[o.device]!];
        const m: PushedMutation = o.insert
          ? { mutationId: uuidv7(), entity: "client", rowId: uuidv7(), op: "insert", changes: { ...clientWire(`own ${o.i}`), ...fields }, hlc, baseVersion: null }
          : { mutationId: uuidv7(), entity: "client", rowId: targets[o.target % targets.length]!, op: "update", changes: fields, hlc, baseVersion: null };
        if (o.insert) own[o.device]!.push(m.rowId);
        outboxes[o.device]!.push(m);
        all.push(m);
      }

      const replicas = [new PullReplica(), new PullReplica()];
      const pullInto = async (r: PullReplica, limit: number) => {
        for (;;) {
          const page = await api.sync.pull.query({ cursor: r.cursor, limit });
          const changes = decodePullPage(page);
          const versions = changes.map((c) => c.version);
          expect(versions.every((v, i) => v > (i === 0 ? r.cursor : versions[i - 1]!))).toBe(true);
          r.apply(changes);
          r.cursor = page.cursor;
          if (!page.hasMore) return;
        }
      };

      const pushed: { batch: PushedMutation[]; results: MutationResult[] }[] = [];
      const pending = outboxes.map((o) => [...o]);
      const push = async (batch: PushedMutation[]) => {
        const { results } = await api.sync.push.mutate({ mutations: batch });
        expect(results.map((r) => r.status)).toEqual(batch.map(() => "applied"));
        pushed.push({ batch, results });
      };
      for (const s of steps) {
        const queue = pending[s.device % deviceCount]!;
        if (queue.length > 0) await push(queue.splice(0, s.take));
        if (s.replay && pushed.length > 0) {
          const earlier = pushed[s.take % pushed.length]!;
          expect((await api.sync.push.mutate({ mutations: earlier.batch })).results).toEqual(earlier.results);
        }
        await pullInto(replicas[s.replica]!, s.limit);
      }
      for (const queue of pending) if (queue.length > 0) await push(queue.splice(0));
      for (const r of replicas) await pullInto(r, 3);

      // The server's rows, read as the superuser: every synced table, this tenant only.
      const server = await asAdmin(db, async (c) => {
        const tables = ["studios", "locations", "rooms", "staff", "equipment", "clients", "bookings"];
        const out = new Map<string, number>();
        for (const table of tables) {
          for (const row of (await c.query<{ id: string; version: string }>(`SELECT id::text, version FROM ${table} WHERE tenant_id = $1`, [t.tenantId])).rows) out.set(row.id, Number(row.version));
        }
        return out;
      });
      const full = new PullReplica();
      await pullInto(full, 1000);
      for (const r of replicas) {
        expect(new Map([...r.rows.values()].map((c) => [c.rowId, c.version]))).toEqual(server);
        expect(r.rows).toEqual(full.rows);
      }

      // Per field, the write with the latest stamp wins, whatever the arrival order.
      for (const row of full.rows.values()) {
        if (row.entity !== "client") continue;
        for (const field of FIELDS) {
          const latest = all.filter((m) => m.rowId === row.rowId && field in m.changes).sort((x, y) => (x.hlc < y.hlc ? 1 : -1))[0]!;
          expect(row.fields[field], `${row.rowId}.${field}`).toBe(latest.changes[field]);
          expect(row.fieldHlc[field]).toBe(latest.hlc);
        }
      }
      expect([...full.rows.values()].filter((c) => c.entity === "client").length).toBe(shared.length + ops.filter((o) => o.insert).length);
    }),
    { numRuns: 20 },
  );
}, 60_000);
