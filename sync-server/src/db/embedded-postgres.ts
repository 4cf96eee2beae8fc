import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { silentLogger, type Logger } from "../log";
import { clusterOsUser, type OsUser } from "./cluster-os-user";
import { freePort } from "./free-port";
import { findPostgresBinDir } from "./pg-binaries";
import { runChecked, runCommand } from "./run-command";

/** The bootstrap superuser initdb creates; reachable only through the socket folder. */
export const EMBEDDED_SUPERUSER = "postgres";

export interface EmbeddedPostgresOptions {
  /** Holds `postgres/` (the cluster), `postgres-socket/` and `postgres.log`. Created if missing. */
  dataDir: string;
  binDir?: string;
  /** Throwaway clusters (tests) skip fsync: several times faster, and nothing to lose. */
  durable?: boolean;
  log?: Logger;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface EmbeddedPostgres {
  /** The superuser over the unix socket (trust): for migrations and creating databases. */
  adminUrl: string;
  /** TCP, for the application role (password required). */
  host: string;
  port: number;
  socketDir: string;
  clusterDir: string;
  /** Whether this start ran initdb (first run in this data folder). */
  created: boolean;
  /** Fast shutdown (open sessions are ended, committed work is kept); harmless when already stopped. */
  stop(): Promise<void>;
}

interface ClusterPaths {
  clusterDir: string;
  socketDir: string;
  logFile: string;
  runtimeConf: string;
}

function clusterPaths(dataDir: string): ClusterPaths {
  const clusterDir = path.join(dataDir, "postgres");
  return {
    clusterDir,
    socketDir: path.join(dataDir, "postgres-socket"),
    logFile: path.join(dataDir, "postgres.log"),
    runtimeConf: path.join(clusterDir, "embedded.conf"),
  };
}

/** Unix socket paths are limited to 107 bytes on Linux; the socket file is `.s.PGSQL.<port>`. */
const MAX_SOCKET_DIR_BYTES = 107 - ".s.PGSQL.65535".length - 1;

/** A quoted postgresql.conf string. */
const confString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Trust only through the socket folder, which only the cluster's account (and root) can enter. */
const PG_HBA = `# Written by the sync server (embedded-postgres.ts).
local   all   all                  trust
host    all   all   127.0.0.1/32   scram-sha-256
`;

function prepareFolders(paths: ClusterPaths, dataDir: string, owner: OsUser | null): void {
  if (Buffer.byteLength(paths.socketDir) > MAX_SOCKET_DIR_BYTES) {
    throw new Error(`The data folder path is too long for PostgreSQL's socket (${paths.socketDir}): use a shorter SYNC_DATA_DIR`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  for (const dir of [paths.clusterDir, paths.socketDir]) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(paths.logFile)) fs.writeFileSync(paths.logFile, "", { mode: 0o600 });
  if (owner) {
    for (const p of [paths.clusterDir, paths.socketDir, paths.logFile]) fs.chownSync(p, owner.uid, owner.gid);
  }
}

async function assertReachable(paths: ClusterPaths, owner: OsUser | null): Promise<void> {
  if (!owner) return;
  const probe = await runCommand("/bin/sh", ["-c", 'test -x "$1" && test -w "$1"', "sh", paths.clusterDir], owner);
  if (probe.code !== 0) {
    throw new Error(
      `The "${owner.name}" account that runs the embedded PostgreSQL cannot reach ${paths.clusterDir} ` +
        "(root cannot run PostgreSQL itself): set SYNC_DATA_DIR to a folder every user can traverse, e.g. /var/lib/recording-studio-manager",
    );
  }
}

async function initCluster(binDir: string, paths: ClusterPaths, owner: OsUser | null, durable: boolean): Promise<void> {
  const args = ["-D", paths.clusterDir, "-U", EMBEDDED_SUPERUSER, "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-instructions"];
  if (!durable) args.push("--no-sync");
  await runChecked(path.join(binDir, "initdb"), args, owner, "initdb");
  fs.writeFileSync(path.join(paths.clusterDir, "pg_hba.conf"), PG_HBA);
  // Settings that change per start (port, socket folder) live in an included file rewritten each time.
  fs.appendFileSync(path.join(paths.clusterDir, "postgresql.conf"), "\n# Sync server (embedded-postgres.ts)\ninclude_if_exists = 'embedded.conf'\n");
}

function writeRuntimeConf(paths: ClusterPaths, port: number, durable: boolean, owner: OsUser | null): void {
  const lines = [
    "# Rewritten by the sync server at every start (embedded-postgres.ts): edits here are lost.",
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = ${confString(paths.socketDir)}`,
    "unix_socket_permissions = 0700",
    "password_encryption = 'scram-sha-256'",
  ];
  if (!durable) lines.push("fsync = off", "synchronous_commit = off", "full_page_writes = off");
  fs.writeFileSync(paths.runtimeConf, `${lines.join("\n")}\n`, { mode: 0o600 });
  if (owner) fs.chownSync(paths.runtimeConf, owner.uid, owner.gid);
}

/** The port of a cluster already running in this folder (a previous server that did not stop it), or null. */
async function runningPort(binDir: string, paths: ClusterPaths, owner: OsUser | null): Promise<number | null> {
  const pidFile = path.join(paths.clusterDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const status = await runCommand(path.join(binDir, "pg_ctl"), ["status", "-D", paths.clusterDir], owner);
  if (status.code !== 0) return null;
  const port = Number(fs.readFileSync(pidFile, "utf8").split("\n")[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

async function startCluster(binDir: string, paths: ClusterPaths, owner: OsUser | null, durable: boolean): Promise<number> {
  let lastError: unknown;
  // Another process may take the free port between the probe and the bind: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    writeRuntimeConf(paths, port, durable, owner);
    try {
      await runChecked(path.join(binDir, "pg_ctl"), ["start", "-D", paths.clusterDir, "-l", paths.logFile, "-w", "-t", "60"], owner, "pg_ctl start");
      return port;
    } catch (err) {
      lastError = err;
    }
  }
  const logTail = fs.existsSync(paths.logFile) ? fs.readFileSync(paths.logFile, "utf8").trim().split("\n").slice(-5).join("\n") : "";
  throw new Error(`${lastError instanceof Error ? lastError.message : String(lastError)}${logTail ? `\n${logTail}` : ""}`);
}

export function socketAdminUrl(socketDir: string, port: number, database = "postgres"): string {
  return `postgresql://${EMBEDDED_SUPERUSER}@/${encodeURIComponent(database)}?host=${encodeURIComponent(socketDir)}&port=${port}`;
}

/** pg_ctl -w returns once the postmaster accepts connections; one query proves the socket works for us. */
async function waitReady(adminUrl: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/**
 * Creates (first run) and starts a PostgreSQL cluster in `dataDir` with the installed binaries,
 * listening on 127.0.0.1 at a free port and on a socket folder inside `dataDir`. A cluster left
 * running in that folder by an earlier process is taken over, and stopped by `stop()`.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const env = options.env ?? process.env;
  const log = options.log ?? silentLogger;
  const durable = options.durable ?? true;
  const binDir = options.binDir ?? findPostgresBinDir(env);
  const owner = clusterOsUser(env);
  const dataDir = path.resolve(options.dataDir);
  const paths = clusterPaths(dataDir);

  prepareFolders(paths, dataDir, owner);
  await assertReachable(paths, owner);
  const created = !fs.existsSync(path.join(paths.clusterDir, "PG_VERSION"));
  if (created) {
    await initCluster(binDir, paths, owner, durable);
    log({ level: "info", msg: "postgres cluster created", dir: paths.clusterDir });
  }
  let port = await runningPort(binDir, paths, owner);
  if (port !== null) {
    log({ level: "warn", msg: "postgres was already running in the data folder: taking it over", port });
  } else {
    port = await startCluster(binDir, paths, owner, durable);
  }
  const adminUrl = socketAdminUrl(paths.socketDir, port);
  await waitReady(adminUrl);

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      const result = await runCommand(path.join(binDir, "pg_ctl"), ["stop", "-D", paths.clusterDir, "-m", "fast", "-w", "-t", "60"], owner);
      // Exit 1 with "PID file ... does not exist": it was not running, which is what we wanted.
      if (result.code !== 0 && !/does not exist|not running/i.test(result.output)) {
        throw new Error(`pg_ctl stop failed (exit ${result.code}): ${result.output}`);
      }
      log({ level: "info", msg: "postgres stopped" });
    })();
    return stopped;
  };
  return { adminUrl, host: "127.0.0.1", port, socketDir: paths.socketDir, clusterDir: paths.clusterDir, created, stop };
}
