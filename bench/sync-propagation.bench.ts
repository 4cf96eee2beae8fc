import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SETUP } from "../main/core/test-fixtures";
import { createStudioCore, type StudioCore } from "../main/core/studio-core";
import type { BenchSyncServer } from "./sync-bench-server";
import { fmt, percentile } from "./stats";

const CHANGES = 60;
/** Between changes: a person at the desk, not a burst (a burst is one push). */
const GAP_MS = 40;

/** A desk as the app runs it: studio core, account link, sync controller with its live stream. */
function desk(label: string): { core: StudioCore; close(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rsm-bench-live-${label}-`));
  const core = createStudioCore({ databaseFile: path.join(dir, "desk.sqlite") });
  return { core, close: () => (core.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when `seen()` holds, checking every millisecond (the resolution of what is measured). */
async function until(seen: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!seen()) {
    if (performance.now() > end) throw new Error("the change never arrived");
    await sleep(1);
  }
}

/**
 * A change made on desk A, visible on desk B: A's core writes and kicks its sync (what the router
 * does after every change), the server commits and notifies, B's live stream pulls. Loopback, the
 * whole app path on both sides; the time is from A's write to the row being in B's SQLite file.
 */
export async function benchSyncPropagation(srv: BenchSyncServer & { url: string }): Promise<{ lines: string[]; p95: number }> {
  const a = desk("a");
  const b = desk("b");
  try {
    a.core.studio.setup(SETUP);
    const owner = { ownerName: "Owner", email: "owner.live@bench.example.com", password: "correct horse battery live", deviceName: "Desk A" };
    await a.core.account.signUp({ serverUrl: srv.url, ...owner });
    await a.core.sync.syncNow();
    await b.core.account.logIn({ serverUrl: srv.url, email: owner.email, password: owner.password, deviceName: "Desk B" });
    await until(() => b.core.sync.status().state === "online" && b.core.rooms.list().length > 0, 20_000);

    const samples: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const start = performance.now();
      const { id } = a.core.clients.create({ kind: "person", name: `Walk-in ${i}` });
      a.core.sync.kick();
      await until(() => b.core.clients.find(id) !== null);
      samples.push(performance.now() - start);
      await sleep(GAP_MS);
    }
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    return {
      lines: [`sync propagation A→B (live, loopback), ${CHANGES} changes   p50=${fmt(p50)} ms  p95=${fmt(p95)} ms  max=${fmt(Math.max(...samples))} ms`],
      p95,
    };
  } finally {
    a.close();
    b.close();
  }
}
