import pg from "pg";
import { silentLogger, type Logger } from "../log";
import { withTenant } from "./with-tenant";

export interface TenantDatabasesOptions {
  /** How the app role reaches the primary database (the directory, and pooled tenants' data). */
  primary: pg.PoolConfig;
  /** Connections per database pool. */
  poolMax?: number;
  /** How long a tenant's directory entry is trusted before it is read again. */
  directoryTtlMs?: number;
  log?: Logger;
}

/**
 * Which database holds a tenant's studio data, and one connection pool per database. The tenant
 * directory (in the primary database) names a dedicated database for an Enterprise studio; every
 * other tenant is pooled in the primary. All pools connect as the app role, subject to RLS.
 */
export class TenantDatabases {
  readonly primary: pg.Pool;
  private readonly pools = new Map<string, pg.Pool>();
  private readonly placements = new Map<string, { database: string | null; until: number }>();
  private readonly ttlMs: number;
  private readonly log: Logger;

  constructor(private readonly options: TenantDatabasesOptions) {
    this.ttlMs = options.directoryTtlMs ?? 30_000;
    this.log = options.log ?? silentLogger;
    this.primary = this.makePool(options.primary);
  }

  get primaryDatabase(): string {
    return String(this.options.primary.database);
  }

  private makePool(config: pg.PoolConfig): pg.Pool {
    const pool = new pg.Pool({ max: this.options.poolMax ?? 10, idleTimeoutMillis: 30_000, ...config });
    // An idle connection dropped by the server (restart, admin) must not crash the process.
    pool.on("error", (err) => this.log({ level: "warn", msg: "idle database connection lost", database: config.database, error: err.message }));
    return pool;
  }

  /** The pool for a database by name; null or the primary's name: the primary pool. */
  pool(database: string | null): pg.Pool {
    if (database === null || database === this.primaryDatabase) return this.primary;
    let pool = this.pools.get(database);
    if (!pool) {
      pool = this.makePool({ ...this.options.primary, database });
      this.pools.set(database, pool);
    }
    return pool;
  }

  /** How to reach a database (null: the primary) outside the pools, for a long-lived LISTEN connection. */
  connectionConfig(database: string | null): pg.ClientConfig {
    return { ...this.options.primary, database: database ?? this.primaryDatabase };
  }

  /** The dedicated database named by the tenant's directory entry, or null (pooled in the primary). */
  async databaseOf(tenantId: string): Promise<string | null> {
    const cached = this.placements.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.database;
    const entry = await withTenant(this.primary, tenantId, async (tx) => {
      const { rows } = await tx.query<{ database_name: string | null }>("SELECT database_name FROM tenant_directory WHERE tenant_id = $1", [tenantId]);
      return rows[0];
    });
    // No entry (yet): not remembered, so a studio signing up right now is found where it lands.
    if (!entry) return null;
    this.placements.set(tenantId, { database: entry.database_name, until: Date.now() + this.ttlMs });
    return entry.database_name;
  }

  /** The pool holding the tenant's studio data. */
  async forTenant(tenantId: string): Promise<pg.Pool> {
    return this.pool(await this.databaseOf(tenantId));
  }

  async close(): Promise<void> {
    const all = [this.primary, ...this.pools.values()];
    this.pools.clear();
    await Promise.all(all.map((p) => p.end()));
  }
}
