import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { clientConfigFromUrl } from "../../../sync-server/src/db/pg-url";
import { APP_ROLE } from "../../../sync-server/src/db/roles";
import { TEMPLATE_DATABASE, TEST_APP_PASSWORD, type ClusterState } from "./cluster-state";

export interface TestDatabase {
  name: string;
  /** The superuser's URL for this database (what DATABASE_URL takes). */
  adminUrl: string;
  /** The cluster's superuser, over the socket, in this database. */
  admin: pg.ClientConfig;
  /** The app role over TCP with its password, in this database: what the server uses. */
  app: pg.PoolConfig;
}

let ready: Promise<Extract<ClusterState, { ok: true }>> | null = null;

/** Waits for the run's cluster (started in the background by postgres-global-setup.ts). */
export function testCluster(timeoutMs = 60_000): Promise<Extract<ClusterState, { ok: true }>> {
  ready ??= (async () => {
    const { stateFile } = inject("postgresHarness");
    const deadline = Date.now() + timeoutMs;
    while (!fs.existsSync(stateFile)) {
      if (Date.now() > deadline) throw new Error(`The test PostgreSQL cluster did not start within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as ClusterState;
    if (!state.ok) throw new Error(`The test PostgreSQL cluster could not start: ${state.error}`);
    return state;
  })();
  return ready;
}

async function createDatabase(label: string, template: string): Promise<TestDatabase> {
  const cluster = await testCluster();
  const name = `t_${label.replace(/[^a-z0-9_]/g, "_").slice(0, 30)}_${crypto.randomBytes(4).toString("hex")}`;
  const base = clientConfigFromUrl(cluster.adminUrl);
  const client = new pg.Client(base);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await client.end();
  }
  return {
    name,
    adminUrl: cluster.adminUrl.replace("@/postgres?", `@/${name}?`),
    admin: { ...base, database: name },
    app: { host: cluster.host, port: cluster.port, database: name, user: APP_ROLE, password: TEST_APP_PASSWORD },
  };
}

/** A fresh database at the latest schema, for one test file. */
export function createTestDatabase(label: string): Promise<TestDatabase> {
  return createDatabase(label, TEMPLATE_DATABASE);
}

/** A database with nothing in it, to migrate from scratch. */
export function createEmptyDatabase(label: string): Promise<TestDatabase> {
  return createDatabase(label, "template0");
}

/** Runs fn with a superuser connection to the database (setting up fixtures, inspecting rows). */
export async function asAdmin<T>(db: TestDatabase, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(db.admin);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
