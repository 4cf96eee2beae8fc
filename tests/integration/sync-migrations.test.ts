import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { migrate, schemaVersion } from "../../sync-server/src/db/migrate";
import { PG_MIGRATIONS } from "../../sync-server/src/db/migrations";
import { APP_ROLE, OWNER_ROLE } from "../../sync-server/src/db/roles";
import { asAdmin, createEmptyDatabase, createTestDatabase, testCluster, type TestDatabase } from "./support/postgres";
import { TEST_APP_PASSWORD } from "./support/cluster-state";

const LATEST = PG_MIGRATIONS.length;

async function publicTables(db: TestDatabase): Promise<string[]> {
  return asAdmin(db, async (c) => (await c.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.t));
}

describe("Postgres migrations", () => {
  it("apply on an empty database, record each version, go all the way down and up again", async () => {
    const db = await createEmptyDatabase("migrate");
    expect(await migrate(db.admin)).toBe(LATEST);
    const applied = await asAdmin(db, async (c) => (await c.query("SELECT version, name FROM schema_migrations ORDER BY version")).rows);
    expect(applied).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    const tables = await publicTables(db);
    expect(tables).toEqual(expect.arrayContaining(["tenants", "users", "devices", "refresh_tokens", "clients", "bookings", "booking_rooms", "booking_staff", "applied_mutations"]));

    // Again: nothing to do.
    expect(await migrate(db.admin)).toBe(LATEST);
    // Down one step at a time, then all the way, then back up.
    for (let v = LATEST - 1; v >= 0; v--) expect(await migrate(db.admin, { target: v })).toBe(v);
    expect(await publicTables(db)).toEqual(["schema_migrations"]);
    expect(await asAdmin(db, async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_proc WHERE proname LIKE 'rsm\\_%'")).rows[0].n)).toBe(0);
    expect(await migrate(db.admin)).toBe(LATEST);
    expect(await publicTables(db)).toEqual(tables);
  });

  it("refuses a database written by a newer server, and an unknown target", async () => {
    const db = await createTestDatabase("newer");
    await asAdmin(db, (c) => c.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')", [LATEST + 1]));
    await expect(migrate(db.admin)).rejects.toThrow(`schema version ${LATEST + 1}, written by a newer sync server`);
    await expect(migrate(db.admin, { target: LATEST + 5 })).rejects.toThrow(`Cannot migrate to schema version ${LATEST + 5}`);
  });

  it("two migrators at once: one applies, the other waits and finds nothing to do", async () => {
    const db = await createEmptyDatabase("race");
    expect(await Promise.all([migrate(db.admin), migrate(db.admin)])).toEqual([LATEST, LATEST]);
    expect(await asAdmin(db, (c) => schemaVersion(c))).toBe(LATEST);
  });
});

describe("roles and Row-Level Security coverage", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("roles");
  });

  it("the app role is no superuser, cannot bypass RLS, and owns nothing", async () => {
    const role = await asAdmin(db, async (c) => (await c.query("SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin FROM pg_roles WHERE rolname = $1", [APP_ROLE])).rows[0]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, rolcanlogin: true });
    const owned = await asAdmin(db, async (c) => {
      const q = await c.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM pg_class WHERE relowner = $1::regrole)
              + (SELECT count(*) FROM pg_proc WHERE proowner = $1::regrole)
              + (SELECT count(*) FROM pg_namespace WHERE nspowner = $1::regrole)
              + (SELECT count(*) FROM pg_database WHERE datdba = $1::regrole) AS n`,
        [APP_ROLE],
      );
      return Number(q.rows[0]!.n);
    });
    expect(owned).toBe(0);
    const tableOwners = await asAdmin(db, async (c) => (await c.query("SELECT DISTINCT tableowner AS o FROM pg_tables WHERE schemaname = 'public'")).rows);
    expect(tableOwners).toEqual([{ o: OWNER_ROLE }]);
    const member = await asAdmin(db, async (c) => (await c.query("SELECT pg_has_role($1, $2, 'MEMBER') AS m", [APP_ROLE, OWNER_ROLE])).rows[0].m);
    expect(member).toBe(false);
  });

  it("every table with tenant_id has RLS enabled and forced, and tenant_id first in its primary key and indexes", async () => {
    const tables = await asAdmin(db, async (c) =>
      (
        await c.query<{ table: string; rls: boolean; forced: boolean }>(
          `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
             FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1`,
        )
      ).rows,
    );
    expect(tables.length).toBeGreaterThanOrEqual(15);
    for (const t of tables) expect(t, t.table).toMatchObject({ rls: true, forced: true });

    const indexes = await asAdmin(db, async (c) =>
      (
        await c.query<{ index: string; first: string }>(
          `SELECT i.relname AS index, a.attname AS first
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
            WHERE t.relname = ANY($1::text[])`,
          [tables.map((t) => t.table)],
        )
      ).rows,
    );
    const notLed = indexes.filter((i) => i.first !== "tenant_id").map((i) => i.index);
    // The one exception, by design: login finds a person's studios before any tenant is known.
    expect(notLed).toEqual(["memberships_user"]);
  });

  it("the app role cannot turn RLS off, read the migrations table, or log in without its password", async () => {
    const app = new pg.Client(db.app);
    await app.connect();
    try {
      await expect(app.query("ALTER TABLE clients DISABLE ROW LEVEL SECURITY")).rejects.toThrow(/must be owner/);
      await expect(app.query("ALTER TABLE clients NO FORCE ROW LEVEL SECURITY")).rejects.toThrow(/must be owner/);
      await expect(app.query("DROP POLICY tenant_isolation ON clients")).rejects.toThrow(/must be owner/);
      await expect(app.query("SET ROLE rsm_owner")).rejects.toThrow(/permission denied/);
      await expect(app.query("SELECT * FROM schema_migrations")).rejects.toThrow(/permission denied/);
      await expect(app.query("CREATE TABLE sneaky (id int)")).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
    const wrong = new pg.Client({ ...db.app, password: `${TEST_APP_PASSWORD}x` });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    await wrong.end().catch(() => {});
  });

  it("the embedded cluster listens on 127.0.0.1 only and wants a password over TCP", async () => {
    const cluster = await testCluster();
    const settings = await asAdmin(db, async (c) => (await c.query("SELECT current_setting('listen_addresses') AS l, current_setting('unix_socket_permissions') AS p")).rows[0]);
    expect(settings).toEqual({ l: "127.0.0.1", p: "0700" });
    const noPassword = new pg.Client({ host: cluster.host, port: cluster.port, user: "postgres", database: "postgres", password: "" });
    await expect(noPassword.connect()).rejects.toThrow();
    await noPassword.end().catch(() => {});
  });
});
