import pg from "pg";
import { silentLogger, type Logger } from "../log";
import { PG_MIGRATIONS } from "./migrations";
import type { PgMigration } from "./migrations/migration";
import { ensureRoles, grantDatabaseAccess, OWNER_ROLE } from "./roles";

/** Serialises migrators of one database (several server instances starting at once). */
const MIGRATION_LOCK = 0x72736d5f; // "rsm_"

export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass('public.schema_migrations') IS NOT NULL AS exists");
  if (!rows[0]!.exists) return 0;
  const result = await client.query<{ version: number | null }>("SELECT max(version) AS version FROM schema_migrations");
  return result.rows[0]!.version ?? 0;
}

async function step(client: pg.ClientBase, sql: string, record: string, params: unknown[]): Promise<void> {
  await client.query("BEGIN");
  try {
    // Objects made here belong to the owner role, never to the (super)user who runs the migration.
    await client.query(`SET LOCAL ROLE ${OWNER_ROLE}`);
    await client.query(sql);
    await client.query(record, params);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

export interface MigrateOptions {
  /** Default: the latest version. Lower goes down. */
  target?: number;
  migrations?: readonly PgMigration[];
  log?: Logger;
}

/**
 * Brings the database of `admin` (a superuser, or a CREATEROLE role owning the database) to the
 * target schema version, one transaction per migration, recording each in schema_migrations. A
 * database written by a newer server is refused rather than changed.
 */
export async function migrate(adminConfig: pg.ClientConfig, options: MigrateOptions = {}): Promise<number> {
  const migrations = options.migrations ?? PG_MIGRATIONS;
  const log = options.log ?? silentLogger;
  const goal = options.target ?? migrations.length;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  if (!Number.isInteger(goal) || goal < 0 || goal > migrations.length) {
    throw new Error(`Cannot migrate to schema version ${goal}: this server knows versions 0 to ${migrations.length}`);
  }
  const client = new pg.Client(adminConfig);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await ensureRoles(client);
    await grantDatabaseAccess(client);
    await client.query(`SET ROLE ${OWNER_ROLE}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    await client.query("RESET ROLE");
    const current = await schemaVersion(client);
    if (current > migrations.length) {
      throw new Error(`This database has schema version ${current}, written by a newer sync server (this one knows ${migrations.length}): update the server`);
    }
    for (let v = current; v < goal; v++) {
      const m = migrations[v]!;
      await step(client, m.up, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      log({ level: "info", msg: "migration applied", database: adminConfig.database, version: m.version, name: m.name });
    }
    for (let v = current; v > goal; v--) {
      const m = migrations[v - 1]!;
      await step(client, m.down, "DELETE FROM schema_migrations WHERE version = $1", [m.version]);
      log({ level: "info", msg: "migration undone", database: adminConfig.database, version: m.version, name: m.name });
    }
    return await schemaVersion(client);
  } finally {
    await client.end();
  }
}
