import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { AppError } from "../../shared/app-error";
import { tempDir } from "../../main/core/test-fixtures";
import { createStudioCore, type StudioCore } from "../../main/core/studio-core";
import type { SyncEngine } from "../../main/core/sync/sync-engine";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { deskRows, serverRows } from "./support/replica-rows";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * Real desktop cores (SQLite files, outbox, sync engine) under random histories: three desks create,
 * edit and archive clients while offline and sync in random orders. After everyone syncs, every
 * desk equals the server, no client is lost and none is duplicated.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let run = 0;

beforeAll(async () => {
  db = await createTestDatabase("desktop_property");
  srv = await startTestSyncServer(db);
});
afterAll(async () => {
  await srv?.close();
});

const FIELDS = ["name", "notes", "email"] as const;
const opArb = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), desk: fc.nat(2), n: fc.nat(99) }),
  fc.record({ kind: fc.constant("edit" as const), desk: fc.nat(2), target: fc.nat(20), field: fc.constantFrom(...FIELDS), n: fc.nat(99) }),
  fc.record({ kind: fc.constant("archive" as const), desk: fc.nat(2), target: fc.nat(20) }),
  fc.record({ kind: fc.constant("sync" as const), desk: fc.nat(2) }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

interface Desk {
  core: StudioCore;
  engine: SyncEngine;
  cleanup(): void;
}

async function studio(): Promise<{ desks: Desk[]; ownerToken: string }> {
  const signUp = signUpInput(`prop${++run}`);
  const owner = await srv.client().accounts.signUp.mutate(signUp);
  const sessions = [owner];
  for (const name of ["B", "C"]) {
    sessions.push(await srv.client().accounts.logIn.mutate({ email: signUp.owner.email, password: signUp.owner.password, device: { name } }));
  }
  const desks = sessions.map((t, i) => {
    const tmp = tempDir(`rsm-prop-${i}-`);
    const core = createStudioCore({ databaseFile: tmp.file() });
    core.adoptServerStudio({ tenantId: t.tenantId, name: signUp.studioName });
    const client = srv.client(t.accessToken);
    const engine = core.createSyncEngine({ push: (input) => client.sync.push.mutate(input), pull: (input) => client.sync.pull.query(input) }, { deviceId: t.deviceId });
    return { core, engine, cleanup: () => (core.close(), tmp.cleanup()) };
  });
  return { desks, ownerToken: owner.accessToken };
}

function apply(d: Desk, op: Exclude<Op, { kind: "sync" }>, created: Set<string>): void {
  try {
    if (op.kind === "create") {
      created.add(d.core.clients.create({ kind: "person", name: `Client ${op.n}` }).id);
      return;
    }
    const known = d.core.clients.list({ includeArchived: true }).sort((x, y) => x.id.localeCompare(y.id));
    const target = known[op.target % Math.max(known.length, 1)];
    if (!target) return;
    if (op.kind === "archive") d.core.clients.archive(target.id);
    else d.core.clients.update(target.id, { [op.field]: op.field === "email" ? `p${op.n}@example.com` : `${op.field} ${op.n}` });
  } catch (e) {
    // A refusal (a duplicate name, an archived row) is the app saying no: nothing was written.
    if (!(e instanceof AppError)) throw e;
  }
}

it("random offline edits on three desktop cores and random sync orders converge, nothing lost or duplicated", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
      const { desks, ownerToken } = await studio();
      try {
        const created = new Set<string>();
        for (const op of ops) {
          const d = desks[op.desk]!;
          if (op.kind === "sync") await d.engine.syncOnce();
          else apply(d, op, created);
        }
        // Everyone syncs, then everyone again: the second pass brings the last desk's changes to the first.
        for (let pass = 0; pass < 2; pass++) for (const d of desks) await d.engine.syncOnce();

        const server = await serverRows(srv.client(ownerToken));
        const serverClients = Object.keys(server).filter((k) => k.startsWith("client:"));
        expect(serverClients.sort()).toEqual([...created].map((id) => `client:${id}`).sort());
        for (const d of desks) {
          expect(deskRows(d.core)).toEqual(server);
          expect(d.engine.status()).toMatchObject({ pending: 0, state: "online" });
          expect(d.core.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'rejected'").get()).toEqual({ n: 0 });
        }
      } finally {
        for (const d of desks) d.cleanup();
      }
    }),
    { numRuns: 15 },
  );
  // Fifteen studios with three SQLite desks each: seconds on an idle machine, more on a busy one.
}, 120_000);
