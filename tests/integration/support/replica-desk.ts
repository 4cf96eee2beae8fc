import { tempDir } from "../../../main/core/test-fixtures";
import { createStudioCore, type StudioCore } from "../../../main/core/studio-core";
import type { SyncEngine } from "../../../main/core/sync/sync-engine";
import type { SessionTokens } from "../../../shared/schemas/account";
import type { TestSyncServer } from "./sync-test-server";

/** A studio core on its own SQLite file, replica of the signed-up studio, syncing with the test server as `tokens`. */
export interface ReplicaDesk {
  core: StudioCore;
  engine: SyncEngine;
  close(): void;
}

export function replicaDesk(srv: TestSyncServer, tokens: SessionTokens, studioName: string, label: string): ReplicaDesk {
  const tmp = tempDir(`rsm-${label}-`);
  const core = createStudioCore({ databaseFile: tmp.file() });
  core.adoptServerStudio({ tenantId: tokens.tenantId, name: studioName });
  const client = srv.client(tokens.accessToken);
  const engine = core.createSyncEngine({ push: (input) => client.sync.push.mutate(input), pull: (input) => client.sync.pull.query(input) }, { deviceId: tokens.deviceId });
  return { core, engine, close: () => (core.close(), tmp.cleanup()) };
}
