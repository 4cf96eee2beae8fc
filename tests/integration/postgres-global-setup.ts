import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureAppRolePassword } from "../../sync-server/src/db/app-role-password";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../sync-server/src/db/embedded-postgres";
import { clientConfigFromUrl } from "../../sync-server/src/db/pg-url";
import { provisionDatabase } from "../../sync-server/src/db/provision-database";
import { TEMPLATE_DATABASE, TEST_APP_PASSWORD, type ClusterState } from "./support/cluster-state";

/**
 * One throwaway PostgreSQL cluster for the whole run, in a temp folder removed afterwards. It
 * starts in the background: tests that need it wait for its state file (support/postgres.ts),
 * the others never do. Each test file then copies the migrated template into its own database.
 */
async function boot(root: string, stateFile: string): Promise<EmbeddedPostgres | null> {
  let cluster: EmbeddedPostgres | null = null;
  let state: ClusterState;
  try {
    cluster = await startEmbeddedPostgres({ dataDir: path.join(root, "cluster"), durable: false });
    const admin = clientConfigFromUrl(cluster.adminUrl);
    await provisionDatabase(admin, TEMPLATE_DATABASE);
    // Probed through "postgres", so that nobody is connected to the template when files copy it.
    await ensureAppRolePassword(admin, { host: cluster.host, port: cluster.port, database: "postgres" }, TEST_APP_PASSWORD);
    state = { ok: true, adminUrl: cluster.adminUrl, host: cluster.host, port: cluster.port };
  } catch (err) {
    state = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  const tmp = `${stateFile}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, stateFile);
  return cluster;
}

export default function setup(project: TestProject): () => Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-test-pg-"));
  // Run as root, the cluster belongs to an unprivileged account that must be able to enter.
  fs.chmodSync(root, 0o711);
  const stateFile = path.join(root, "state.json");
  project.provide("postgresHarness", { stateFile });
  const booted = boot(root, stateFile);
  return async () => {
    const cluster = await booted;
    await cluster?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
}
