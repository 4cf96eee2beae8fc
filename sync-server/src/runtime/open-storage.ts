import type pg from "pg";
import { ensureAppRolePassword } from "../db/app-role-password";
import { migrateDedicatedDatabases } from "../db/dedicated-databases";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded-postgres";
import { migrate } from "../db/migrate";
import { clientConfigFromUrl, describeTarget } from "../db/pg-url";
import { provisionDatabase } from "../db/provision-database";
import { APP_ROLE } from "../db/roles";
import { TenantDatabases } from "../db/tenant-databases";
import type { Logger } from "../log";
import type { RuntimeConfig } from "./runtime-config";

/** The primary database's name in the embedded cluster. */
export const EMBEDDED_DATABASE = "rsm_sync";

export interface Storage {
  databases: TenantDatabases;
  /** Where the data lives, for the "listening" line. */
  description: string;
  /** Closes the pools, then stops the embedded cluster if this process runs one. */
  close(): Promise<void>;
}

interface Target {
  admin: pg.ClientConfig;
  app: pg.ClientConfig;
  embedded: EmbeddedPostgres | null;
  description: string;
}

async function embeddedTarget(config: RuntimeConfig, log: Logger): Promise<Target> {
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
  try {
    const admin = await provisionDatabase(clientConfigFromUrl(embedded.adminUrl), EMBEDDED_DATABASE, { log });
    return {
      admin,
      app: { host: embedded.host, port: embedded.port, database: EMBEDDED_DATABASE },
      embedded,
      description: `embedded PostgreSQL in ${embedded.clusterDir} (127.0.0.1:${embedded.port})`,
    };
  } catch (err) {
    await embedded.stop().catch(() => {});
    throw err;
  }
}

async function urlTarget(databaseUrl: string, log: Logger): Promise<Target> {
  const admin = clientConfigFromUrl(databaseUrl);
  await migrate(admin, { log });
  const app: pg.ClientConfig = { host: admin.host, port: admin.port, database: admin.database };
  if (admin.ssl !== undefined) app.ssl = admin.ssl;
  return { admin, app, embedded: null, description: describeTarget(admin) };
}

/**
 * DATABASE_URL (migrated at start), else the embedded cluster in the data folder. Either way the
 * server then connects as the app role, which owns nothing and cannot bypass Row-Level Security.
 */
export async function openStorage(config: RuntimeConfig, appDbPassword: string, log: Logger): Promise<Storage> {
  const target = config.databaseUrl ? await urlTarget(config.databaseUrl, log) : await embeddedTarget(config, log);
  try {
    await migrateDedicatedDatabases(target.admin, log);
    await ensureAppRolePassword(target.admin, target.app, appDbPassword);
    const databases = new TenantDatabases({ primary: { ...target.app, user: APP_ROLE, password: appDbPassword }, log });
    let closed: Promise<void> | null = null;
    return {
      databases,
      description: target.description,
      close: () =>
        (closed ??= (async () => {
          await databases.close();
          await target.embedded?.stop();
        })()),
    };
  } catch (err) {
    await target.embedded?.stop().catch(() => {});
    throw err;
  }
}
