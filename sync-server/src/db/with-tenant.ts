import type pg from "pg";
import { isUuid } from "../../../shared/ids";

export type Tx = pg.PoolClient;

/**
 * Runs fn in one transaction whose settings (set_config(..., true)) end with it, so a pooled
 * connection never carries one tenant's context into the next request.
 */
export async function inTransaction<T>(pool: pg.Pool, settings: Record<string, string>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const names = Object.keys(settings);
    if (names.length > 0) {
      const calls = names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(", ");
      await client.query(`SELECT ${calls}`, names.flatMap((n) => [n, settings[n]!]));
    }
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw err;
  } finally {
    // A connection that could not roll back is closed rather than handed to the next request.
    client.release(broken);
  }
}

function requireUuid(what: string, value: string): string {
  if (!isUuid(value)) throw new Error(`${what} must be a UUID, got "${value}"`);
  return value;
}

/** Every query in fn sees only this tenant's rows: Row-Level Security reads rsm.tenant_id. */
export function withTenant<T>(pool: pg.Pool, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(pool, { "rsm.tenant_id": requireUuid("tenantId", tenantId) }, fn);
}

/** A person's own rows across studios (their memberships), before a studio is chosen at login. */
export function withUser<T>(pool: pg.Pool, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(pool, { "rsm.user_id": requireUuid("userId", userId) }, fn);
}

/** Both: a tenant's rows, plus what the person may see of their own. */
export function withTenantAndUser<T>(pool: pg.Pool, tenantId: string, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(pool, { "rsm.tenant_id": requireUuid("tenantId", tenantId), "rsm.user_id": requireUuid("userId", userId) }, fn);
}
