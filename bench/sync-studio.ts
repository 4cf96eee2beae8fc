import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SessionTokens } from "../shared/schemas/account";
import { defaultWeeklyHours } from "../shared/schemas/opening-hours";
import { createStudioCore, type StudioCore } from "../main/core/studio-core";
import type { SyncEngine, SyncTransport } from "../main/core/sync/sync-engine";
import type { BenchSyncServer } from "./sync-bench-server";

/** A studio signed up on the bench server, and a desk (a studio core on its own SQLite file) syncing with it. */
export interface BenchDesk {
  core: StudioCore;
  engine: SyncEngine;
  tokens: SessionTokens;
  /** The SQLite file's folder, for a baseline file beside it. */
  dir: string;
  close(): void;
}

export async function signUpStudio(srv: BenchSyncServer, label: string): Promise<SessionTokens> {
  return srv.client().accounts.signUp.mutate({
    studioName: `Bench ${label}`,
    owner: { name: `Owner ${label}`, email: `owner.${label}@bench.example.com`, password: `correct horse battery ${label}` },
    location: { name: "Paris", timeZone: "Europe/Paris", address: null, phone: null, email: null, openingHours: defaultWeeklyHours(), closures: [] },
    device: { name: `Desk ${label}` },
  });
}

/** When the first pull of a round went out (where its push part ended), and the time spent awaiting pulls. */
export class PullTiming {
  firstPullAt = 0;
  waitMs = 0;
  reset(): void {
    this.firstPullAt = 0;
    this.waitMs = 0;
  }
}

/** An empty desk that adopts the studio, as a freshly logged-in device does. */
export function benchDesk(srv: BenchSyncServer, tokens: SessionTokens, label: string, timing = new PullTiming()): BenchDesk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rsm-bench-${label}-`));
  const core = createStudioCore({ databaseFile: path.join(dir, "desk.sqlite") });
  core.adoptServerStudio({ tenantId: tokens.tenantId, name: `Bench ${label}` });
  const client = srv.client(tokens.accessToken);
  const transport: SyncTransport = {
    push: (input) => client.sync.push.mutate(input),
    pull: async (input) => {
      const start = performance.now();
      timing.firstPullAt ||= start;
      try {
        return await client.sync.pull.query(input);
      } finally {
        timing.waitMs += performance.now() - start;
      }
    },
  };
  const engine = core.createSyncEngine(transport, { deviceId: tokens.deviceId });
  return {
    core,
    engine,
    tokens,
    dir,
    close: () => {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
