import { spawn, type ChildProcess } from "node:child_process";
import type { IncomingMessage } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import type { PushOutput } from "../../shared/sync/protocol";
import { createServerClient } from "../../main/core/account/server-client";
import { createStudioCore, type StudioCore } from "../../main/core/studio-core";
import type { SyncEngine } from "../../main/core/sync/sync-engine";
import { tempDir } from "../../main/core/test-fixtures";
import type { OutboxRow } from "../../main/core/sync/outbox-service";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { startPushProxy, type PushProxy } from "./support/push-proxy";
import { deskRows, serverRows } from "./support/replica-rows";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * Crashes in the middle of a push, made exact by a proxy that cuts the push at a chosen step: the
 * desk's process SIGKILLed before the server saw the push or after the server applied it, and the
 * server stopped while it was applying one. After a restart on the same SQLite file (and the same
 * database), every mutation is on the server exactly once and desk and server agree.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let proxy: PushProxy;
let owner: SessionTokens;
const signUp = signUpInput("crash");
const CRASH_DESK = fileURLToPath(new URL("./support/crash-desk.ts", import.meta.url));
const REPO = fileURLToPath(new URL("../..", import.meta.url));
const tmp = tempDir("rsm-sync-crash-");

beforeAll(async () => {
  db = await createTestDatabase("sync_crash");
  srv = await startTestSyncServer(db);
  owner = await srv.client().accounts.signUp.mutate(signUp);
  proxy = await startPushProxy(srv.server.url);
});
afterAll(async () => {
  await proxy?.close();
  await srv?.close();
  tmp.cleanup();
});

/** A desk on its own SQLite file, syncing through the proxy with the app's own server client. */
function openDesk(file: string, options: { random?: () => number } = {}): { core: StudioCore; engine: SyncEngine } {
  const core = createStudioCore({ databaseFile: file });
  const client = createServerClient(proxy.url, () => owner.accessToken);
  const engine = core.createSyncEngine({ push: (i) => client.sync.push.mutate(i), pull: (i) => client.sync.pull.query(i) }, { deviceId: owner.deviceId, ...options });
  return { core, engine };
}

/** A desk that pulled the studio, then made `count` clients and renamed the first twice, offline. */
async function deskWithPendingWork(name: string, count = 5): Promise<string> {
  const file = tmp.file(`${name}.sqlite`);
  const { core, engine } = openDesk(file);
  core.adoptServerStudio({ tenantId: owner.tenantId, name: signUp.studioName });
  await engine.syncOnce();
  const ids = Array.from({ length: count }, (_, i) => core.clients.create({ kind: "person", name: `${name} ${i}` }).id);
  core.clients.update(ids[0]!, { name: `${name} 0, renamed` });
  core.clients.update(ids[0]!, { notes: `${name}: renamed twice` });
  core.close();
  return file;
}

const outbox = (core: StudioCore) => core.db.prepare("SELECT * FROM outbox WHERE entity = 'client' ORDER BY seq").all() as (OutboxRow & { result_version: number | null })[];

async function tenantVersion(): Promise<number> {
  return asAdmin(db, async (c) => Number((await c.query("SELECT version FROM tenant_versions WHERE tenant_id = $1", [owner.tenantId])).rows[0]!.version));
}

/** The desk's mutations as the server recorded them: one row each, or fewer if one was lost. */
async function appliedOf(mutationIds: string[]): Promise<Map<string, number>> {
  return asAdmin(db, async (c) => {
    const { rows } = await c.query<{ mutation_id: string; version: string; outcome: string }>(
      "SELECT mutation_id, version, outcome FROM applied_mutations WHERE tenant_id = $1 AND mutation_id = ANY($2::uuid[])",
      [owner.tenantId, mutationIds],
    );
    for (const r of rows) expect(r.outcome).toBe("applied");
    return new Map(rows.map((r) => [r.mutation_id, Number(r.version)]));
  });
}

/** Runs crash-desk.ts on the file; `kill()` SIGKILLs it and resolves once it is gone. */
function runDeskProcess(file: string): { exited: Promise<NodeJS.Signals | number | null>; kill: () => Promise<void>; output: () => string } {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", CRASH_DESK, file, proxy.url, owner.accessToken, owner.deviceId], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  return {
    exited,
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
    output: () => output,
  };
}

/**
 * After the restart: every mutation of the desk's outbox is on the server exactly once (one
 * applied_mutations row each, one version each, the tenant's counter moved by exactly their
 * number), the outbox is all sent with the server's versions, and desk and server agree.
 */
async function expectExactlyOnce(core: StudioCore, versionBefore: number): Promise<void> {
  const rows = outbox(core);
  expect(rows.map((r) => r.status)).toEqual(rows.map(() => "sent"));
  const applied = await appliedOf(rows.map((r) => r.mutation_id));
  expect(applied.size).toBe(rows.length);
  expect(rows.map((r) => r.result_version)).toEqual(rows.map((r) => applied.get(r.mutation_id)));
  expect(new Set(applied.values()).size).toBe(rows.length);
  expect((await tenantVersion()) - versionBefore).toBe(rows.length);
  expect(deskRows(core)).toEqual(await serverRows(srv.client(owner.accessToken)));
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("sync through crashes", () => {
  for (const cut of ["before-server", "after-answer"] as const) {
    it(`a desk process SIGKILLed ${cut === "before-server" ? "before its push reaches the server" : "after the server applied its push, before the answer"} loses and doubles nothing once restarted`, async () => {
      const file = await deskWithPendingWork(`killed ${cut}`);
      const versionBefore = await tenantVersion();
      const answeredBefore = proxy.pushesAnswered;
      let desk: ReturnType<typeof runDeskProcess> | null = null;
      proxy.intercept({ cut, atCut: () => desk!.kill() });
      desk = runDeskProcess(file);
      expect(await desk.exited).toBe("SIGKILL");
      // The cut came where it was meant to: the server applied the push only in the second case.
      expect(proxy.pushesAnswered - answeredBefore).toBe(cut === "after-answer" ? 1 : 0);
      expect((await tenantVersion()) - versionBefore).toBe(cut === "after-answer" ? 7 : 0);

      const { core, engine } = openDesk(file);
      try {
        expect(outbox(core).map((r) => r.status)).toEqual(Array(7).fill("pending"));
        const report = await engine.syncOnce();
        expect(report).toMatchObject({ applied: 7, rejected: 0, conflicts: 0 });
        await expectExactlyOnce(core, versionBefore);
      } finally {
        core.close();
      }
    }, 30_000);
  }

  it("a server stopped while applying a push: the desk retries with backoff once it is back, and the push takes effect once", async () => {
    const file = await deskWithPendingWork("server stopped");
    const versionBefore = await tenantVersion();
    const { core, engine } = openDesk(file, { random: () => 0 });
    try {
      let stopped: Promise<void> | null = null;
      // The server is told to stop once it has the push in hand: graceful, it finishes applying it,
      // and the proxy drops the answer, as when a server goes down mid-request.
      const running = srv;
      const onRequest = (req: IncomingMessage) => {
        if (!req.url?.includes("sync.push")) return;
        running.server.server.off("request", onRequest);
        stopped = running.close();
      };
      running.server.server.on("request", onRequest);
      proxy.intercept({ cut: "after-answer" });
      const sentBefore = proxy.pushesSent;
      engine.start(60_000);
      await waitFor(() => stopped !== null && engine.status().state === "offline", 10_000);
      await stopped;
      // Down: the retries (after 0.5 s, 1 s, 2 s… with this jitter) fail and the work stays pending.
      await waitFor(() => proxy.pushesSent - sentBefore >= 2, 10_000);
      expect(engine.status()).toMatchObject({ pending: 7, errorCode: "SERVER_UNREACHABLE" });
      expect((await tenantVersion()) - versionBefore).toBe(7);

      srv = await startTestSyncServer(db);
      proxy.upstream = srv.server.url;
      await waitFor(() => engine.status().state === "online", 10_000);
      engine.stop();
      expect(engine.status()).toMatchObject({ pending: 0, lastError: null });
      await expectExactlyOnce(core, versionBefore);
    } finally {
      engine.stop();
      core.close();
    }
  }, 30_000);

  it("the whole outbox pushed again changes nothing: same results, no new versions, same rows", async () => {
    const file = await deskWithPendingWork("replayed");
    const { core, engine } = openDesk(file);
    try {
      await engine.syncOnce();
      const rows = outbox(core);
      const before = { version: await tenantVersion(), rows: await serverRows(srv.client(owner.accessToken)), applied: await appliedOf(rows.map((r) => r.mutation_id)) };
      const client = srv.client(owner.accessToken);
      const mutations = rows.map((r) => ({
        mutationId: r.mutation_id, entity: "client" as const, rowId: r.row_id, op: r.op as "insert" | "update",
        changes: JSON.parse(r.changes) as Record<string, string | number | null>, hlc: r.hlc, baseVersion: r.base_version,
      }));
      const expected: PushOutput["results"] = rows.map((r) => ({ mutationId: r.mutation_id, status: "applied", version: r.result_version! }));
      for (let i = 0; i < 2; i++) {
        expect((await client.sync.push.mutate({ deviceId: owner.deviceId, mutations })).results).toEqual(expected);
      }
      expect(await tenantVersion()).toBe(before.version);
      expect(await serverRows(srv.client(owner.accessToken))).toEqual(before.rows);
      expect(await appliedOf(rows.map((r) => r.mutation_id))).toEqual(before.applied);
      await engine.syncOnce();
      expect(deskRows(core)).toEqual(before.rows);
    } finally {
      core.close();
    }
  });
});
