import { spawn } from "node:child_process";
import fs from "node:fs";
import { once } from "node:events";
import readline from "node:readline";
import os from "node:os";
import path from "node:path";
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import type pg from "pg";
import { ensureAppRolePassword } from "../sync-server/src/db/app-role-password";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../sync-server/src/db/embedded-postgres";
import { clientConfigFromUrl } from "../sync-server/src/db/pg-url";
import { provisionDatabase } from "../sync-server/src/db/provision-database";
import { APP_ROLE } from "../sync-server/src/db/roles";
import { TenantDatabases } from "../sync-server/src/db/tenant-databases";
import { silentLogger, type Logger } from "../sync-server/src/log";
import type { SyncRouter } from "../sync-server/src/router";
import { createServices } from "../sync-server/src/runtime/create-services";
import { EMBEDDED_DATABASE } from "../sync-server/src/runtime/open-storage";
import { readRuntimeConfig } from "../sync-server/src/runtime/runtime-config";
import { startSyncServer } from "../sync-server/src/server";

const APP_PASSWORD = "bench-app-password-0123456789";
const TOKEN_SECRET = "bench-token-secret-0123456789-abcdefghij";

/** Quiet, but BENCH_LOG=1 shows the server's warnings and errors (a bench that fails says why). */
const serverLog: Logger = (line) => {
  if (process.env.BENCH_LOG && line.level !== "info") console.error(JSON.stringify(line));
};

export interface BenchSyncServer {
  /** Base URL, as a desk's account link takes it. */
  url: string;
  /** A tRPC client of the server, sending `accessToken` when given. */
  client(accessToken?: string): TRPCClient<SyncRouter>;
  /** The cluster's superuser in the server's database, for the bare baselines. */
  admin: pg.ClientConfig;
  close(): Promise<void>;
}

/**
 * The sync server as `npm run server` runs it without DATABASE_URL (runtime/open-storage.ts): the
 * embedded PostgreSQL cluster, durable as in production, here in a throwaway data folder that
 * close() removes. Run as root, the cluster runs as an unprivileged account (embedded-postgres.ts).
 */
export async function startBenchSyncServer(): Promise<BenchSyncServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-bench-pg-"));
  // The cluster's account must be able to enter the folder when the bench runs as root.
  fs.chmodSync(dataDir, 0o711);
  const steps: (() => Promise<void> | void)[] = [() => fs.rmSync(dataDir, { recursive: true, force: true })];
  const release = async () => {
    for (const step of steps.reverse()) await step();
  };
  try {
    const cluster: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, log: silentLogger });
    steps.push(() => cluster.stop());
    const admin = await provisionDatabase(clientConfigFromUrl(cluster.adminUrl), EMBEDDED_DATABASE, { log: silentLogger });
    const app = { host: cluster.host, port: cluster.port, database: EMBEDDED_DATABASE };
    await ensureAppRolePassword(admin, app, APP_PASSWORD);
    const databases = new TenantDatabases({ primary: { ...app, user: APP_ROLE, password: APP_PASSWORD }, log: silentLogger });
    steps.push(() => databases.close());
    const config = readRuntimeConfig({ SYNC_DATA_DIR: dataDir });
    const services = createServices(config, databases, TOKEN_SECRET, silentLogger);
    steps.push(() => services.close());
    const server = await startSyncServer({ port: 0, hostname: "127.0.0.1", services, log: serverLog });
    steps.push(() => server.close());
    // Server and desks share this process: while a desk writes thousands of rows in one go, the
    // server's idle-socket timer would expire unseen and race the desk's next request on that socket.
    server.server.keepAliveTimeout = 10 * 60_000;
    return {
      url: server.url,
      client: (accessToken) =>
        createTRPCClient<SyncRouter>({
          links: [httpLink({ url: `${server.url}/trpc`, headers: () => (accessToken ? { authorization: `Bearer ${accessToken}` } : {}) })],
        }),
      admin,
      close: release,
    };
  } catch (err) {
    await release();
    throw err;
  }
}

/**
 * The same server in a child process (bench/sync-server-child.ts): desks and server do not share
 * one event loop and one core, as they never do in a studio. The baselines reach the same database.
 */
export async function startBenchSyncServerProcess(): Promise<BenchSyncServer> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "sync-server-child.ts")], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    env: process.env,
  });
  const exited = once(child, "exit");
  const lines = readline.createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, "line").then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`the bench sync server exited (${String(code)}) before listening`);
    }),
  ]);
  lines.close();
  const { url, admin } = JSON.parse(first) as { url: string; admin: pg.ClientConfig };
  return {
    url,
    client: (accessToken) =>
      createTRPCClient<SyncRouter>({
        links: [httpLink({ url: `${url}/trpc`, headers: () => (accessToken ? { authorization: `Bearer ${accessToken}` } : {}) })],
      }),
    admin,
    close: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
