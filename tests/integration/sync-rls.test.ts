import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../shared/ids";
import { withTenant } from "../../sync-server/src/db/with-tenant";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { insertClient, insertLocation } from "./support/studio-rows";

/**
 * Row-Level Security as the server's own role sees it: a query that forgets its WHERE clause
 * under tenant A's context still returns none of tenant B's rows, and cannot write them.
 */
let db: TestDatabase;
let pool: pg.Pool;
const A = uuidv7();
const B = uuidv7();

beforeAll(async () => {
  db = await createTestDatabase("rls");
  pool = new pg.Pool({ ...db.app, max: 2 });
  for (const [tenant, names] of [[A, ["Alice", "Arthur"]], [B, ["Bob", "Bea", "Boris"]]] as const) {
    await withTenant(pool, tenant, async (tx) => {
      await insertLocation(tx, tenant);
      for (const name of names) await insertClient(tx, tenant, name);
    });
  }
});
afterAll(async () => {
  await pool.end();
});

describe("Row-Level Security", () => {
  it("an unfiltered SELECT under tenant A's setting returns only A's rows", async () => {
    const rows = await withTenant(pool, A, async (tx) => (await tx.query<{ tenant_id: string; name: string }>("SELECT * FROM clients ORDER BY name")).rows);
    expect(rows.map((r) => r.name)).toEqual(["Alice", "Arthur"]);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([A]));
    const joined = await withTenant(pool, A, async (tx) => (await tx.query("SELECT count(*)::int AS n FROM clients, locations")).rows[0].n);
    expect(joined).toBe(2);
  });

  it("with no tenant set, tenant tables look empty (also on a pooled connection that had one before)", async () => {
    const client = await pool.connect();
    try {
      expect((await client.query("SELECT count(*)::int AS n FROM clients")).rows[0].n).toBe(0);
      await client.query("BEGIN");
      await client.query("SELECT set_config('rsm.tenant_id', $1, true)", [A]);
      expect((await client.query("SELECT count(*)::int AS n FROM clients")).rows[0].n).toBe(2);
      await client.query("COMMIT");
      // The transaction-local setting is gone (it now reads as ''): nothing again.
      expect((await client.query("SELECT current_setting('rsm.tenant_id', true) AS s")).rows[0].s).toBe("");
      expect((await client.query("SELECT count(*)::int AS n FROM clients")).rows[0].n).toBe(0);
      expect((await client.query("SELECT count(*)::int AS n FROM locations")).rows[0].n).toBe(0);
    } finally {
      client.release();
    }
  });

  it("under A, B's rows cannot be inserted, updated or deleted", async () => {
    await expect(withTenant(pool, A, (tx) => insertClient(tx, B, "Mallory"))).rejects.toThrow(/row-level security/);
    const changed = await withTenant(pool, A, async (tx) => {
      const updated = await tx.query("UPDATE clients SET notes = 'touched'");
      const moved = await tx.query("UPDATE clients SET tenant_id = $1 WHERE name = 'Alice'", [B]).catch((e: Error) => e);
      return { updated: updated.rowCount, moved };
    });
    expect(changed.updated).toBe(2);
    expect(changed.moved).toBeInstanceOf(Error);
    expect((changed.moved as Error).message).toMatch(/row-level security/);
    const bRows = await withTenant(pool, B, async (tx) => (await tx.query<{ notes: string | null }>("SELECT notes FROM clients")).rows);
    expect(bRows.map((r) => r.notes)).toEqual([null, null, null]);
  });

  it("every tenant table, read without a WHERE under A, holds only A's rows", async () => {
    const tables = await withTenant(pool, A, async (tx) => {
      const { rows } = await tx.query<{ t: string }>(
        `SELECT c.relname AS t FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'`,
      );
      const found: Record<string, string[]> = {};
      for (const { t } of rows) {
        found[t] = (await tx.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM ${t}`)).rows.map((r) => r.tenant_id);
      }
      return found;
    });
    for (const [table, tenants] of Object.entries(tables)) expect(tenants.filter((t) => t !== A), table).toEqual([]);
    expect(tables.clients).toEqual([A]);
    expect(tables.tenant_versions).toEqual([A]);
  });

  it("every write takes the tenant's next version, and versions never repeat across tables", async () => {
    const versions = await withTenant(pool, A, async (tx) => {
      const before = Number((await tx.query("SELECT version FROM tenant_versions")).rows[0].version);
      await insertClient(tx, A, "Agnes");
      await tx.query("UPDATE locations SET name = 'Paris 11e'");
      const after = (await tx.query("SELECT version FROM clients WHERE name = 'Agnes' UNION ALL SELECT version FROM locations")).rows.map((r) => Number(r.version));
      return { before, after };
    });
    expect(versions.after).toEqual([versions.before + 1, versions.before + 2]);
  });
});
