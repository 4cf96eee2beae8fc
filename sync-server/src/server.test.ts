import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { initTRPC } from "@trpc/server";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import pkg from "../../package.json";
import { createTestDatabase } from "../../tests/integration/support/postgres";
import { PG_MIGRATIONS } from "./db/migrations";
import { readServerConfig } from "./config";
import type { SyncRouter } from "./router";
import { startSyncServer, type LogLine, type SyncServer } from "./server";

const running: SyncServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(extra: Partial<Parameters<typeof startSyncServer>[0]> = {}) {
  const lines: LogLine[] = [];
  const server = await startSyncServer({ port: 0, hostname: "127.0.0.1", log: (l) => lines.push(l), ...extra });
  running.push(server);
  return { server, lines, requests: () => lines.filter((l) => l.msg === "request") };
}

/** A raw request with a fresh connection (fetch would pool it), for status, headers and body. */
function request(url: string, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startSyncServer", () => {
  it("binds the port it was given, or a free one for port 0", async () => {
    const { server, lines } = await start();
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(lines[0]).toMatchObject({ level: "info", msg: "listening", url: server.url, version: pkg.version });
  });

  it("answers GET /health with status, version and uptime", async () => {
    const { server } = await start();
    const res = await request(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(body).toEqual({ status: "ok", version: pkg.version, uptime: expect.any(Number) });
    expect(body.uptime).toBeGreaterThanOrEqual(0);
  });

  it.each<[string, number, string, string]>([
    ["HEAD /health", 200, "HEAD", ""],
    ["POST /health", 405, "POST", '{"error":"Method not allowed"}'],
  ])("%s → %i", async (_label, status, method, body) => {
    const { server } = await start();
    const res = await request(`${server.url}/health`, method);
    expect(res.status).toBe(status);
    expect(res.body).toBe(body);
  });

  it.each([
    ["/", 404],
    ["/nope", 404],
    ["/healthz", 404],
    ["/trpc/nope", 404],
  ])("answers %s with %i, as JSON", async (url, status) => {
    const { server } = await start();
    const res = await request(`${server.url}${url}`);
    expect(res.status).toBe(status);
    expect(() => JSON.parse(res.body) as unknown).not.toThrow();
  });

  it("serves the tRPC health query, batched", async () => {
    const { server, requests } = await start();
    const client = createTRPCClient<SyncRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
    const [a, b] = await Promise.all([client.health.query(), client.health.query()]);
    expect(a).toEqual({ status: "ok", version: pkg.version, uptime: expect.any(Number) });
    expect(b).toEqual(a);
    // Two calls, one HTTP request.
    expect(requests().filter((l) => String(l.path).startsWith("/trpc/"))).toEqual([
      expect.objectContaining({ method: "GET", path: "/trpc/health,health", status: 200 }),
    ]);
  });

  it("logs one JSON line per request with method, path (no query), status and duration", async () => {
    const { server, requests } = await start();
    await request(`${server.url}/health?token=secret`);
    await request(`${server.url}/health`, "POST");
    await request(`${server.url}/missing`);
    await request(`${server.url}/trpc/health?input=%7B%7D`);
    await new Promise((r) => setImmediate(r));
    const lines = requests();
    expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
      ["GET", "/health", 200],
      ["POST", "/health", 405],
      ["GET", "/missing", 404],
      ["GET", "/trpc/health", 200],
    ]);
    for (const line of lines) {
      expect(line.level).toBe("info");
      expect(typeof line.ms).toBe("number");
      expect(line.ms as number).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(line)).not.toContain("secret");
    }
  });
});

describe("graceful shutdown", () => {
  /** A router whose `slow` query waits until the test releases it: a request kept in flight. */
  function slowRouter() {
    const t = initTRPC.create();
    let release!: () => void;
    let entered!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const inside = new Promise<void>((r) => (entered = r));
    const router = t.router({
      slow: t.procedure.query(async () => {
        entered();
        await released;
        return "done";
      }),
    });
    return { router, release, inside };
  }

  it("stops accepting, lets the in-flight request finish, then resolves", async () => {
    const { router, release, inside } = slowRouter();
    const { server, lines } = await start({ router });
    const client = createTRPCClient<typeof router>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
    const inFlight = client.slow.query();
    await inside;

    let closed = false;
    const t0 = Date.now();
    const closing = server.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    await expect(request(`${server.url}/health`)).rejects.toMatchObject({ code: "ECONNREFUSED" });

    release();
    expect(await inFlight).toBe("done");
    await closing;
    expect(closed).toBe(true);
    expect(lines.map((l) => l.msg)).toEqual(["listening", "shutting down", "request", "stopped"]);
    expect(Date.now() - t0).toBeLessThan(1000); // the keep-alive connection was not left to time out
    // Closing again is harmless.
    await server.close();
  });

  it("cuts a request that outlives the grace period", async () => {
    const { router, inside } = slowRouter();
    const { server, lines } = await start({ router, shutdownGraceMs: 100 });
    const client = createTRPCClient<typeof router>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
    const inFlight = client.slow.query().catch((e: unknown) => e);
    await inside;
    const t0 = Date.now();
    await server.close();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
    expect(await inFlight).toBeInstanceOf(TRPCClientError);
    expect(lines.map((l) => l.msg)).toEqual(["listening", "shutting down", "shutdown grace period over, closing open connections", "request", "stopped"]);
    expect(lines[3]).toMatchObject({ path: "/trpc/slow", aborted: true });
  });
});

describe("readServerConfig", () => {
  it.each<[Record<string, string>, { port: number; hostname: string }]>([
    [{}, { port: 3100, hostname: "0.0.0.0" }],
    [{ PORT: "", HOST: "" }, { port: 3100, hostname: "0.0.0.0" }],
    [{ PORT: "8080" }, { port: 8080, hostname: "0.0.0.0" }],
    [{ PORT: "0", HOST: "127.0.0.1" }, { port: 0, hostname: "127.0.0.1" }],
    [{ PORT: " 65535 ", HOST: "::" }, { port: 65535, hostname: "::" }],
  ])("%j → %j", (env, config) => {
    expect(readServerConfig(env)).toEqual(config);
  });

  it.each(["http", "-1", "65536", "80.5", "8e3", "0x50"])("refuses PORT=%s", (port) => {
    expect(() => readServerConfig({ PORT: port })).toThrow(`PORT must be a whole number from 0 to 65535, got "${port}"`);
  });
});

describe("cli (npm run server)", () => {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "cli.ts");
  const run = (env: Record<string, string>) =>
    spawn(process.execPath, ["--import", "tsx", cli], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const dataDirs: string[] = [];
  afterAll(() => {
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  /** A data folder the embedded cluster's account can enter when the tests run as root. */
  function tempDataDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-cli-"));
    fs.chmodSync(dir, 0o711);
    dataDirs.push(dir);
    return dir;
  }

  /** Starts the cli, waits for its "listening" line, checks /health, stops it with SIGTERM. */
  async function runUntilListening(env: Record<string, string>) {
    const child = run({ PORT: "0", HOST: "127.0.0.1", ...env });
    let out = "";
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const listening = await new Promise<LogLine>((resolve, reject) => {
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => {
        out += chunk;
        const line = out.split("\n").find((l) => l.includes('"listening"'));
        if (line) resolve(JSON.parse(line) as LogLine);
      });
      child.stderr.setEncoding("utf8").on("data", (c: string) => (out += c));
      child.once("exit", (code) => reject(new Error(`cli exited early with ${code}: ${out}`)));
    });
    const url = String(listening.url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.parse((await request(`${url}/health`)).body)).toMatchObject({ status: "ok" });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const logged = out.trim().split("\n").map((l) => JSON.parse(l) as LogLine);
    for (const l of logged) expect(l.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    return { listening, logged };
  }

  it("with DATABASE_URL: uses that database, serves /health, and exits 0 on SIGTERM", async () => {
    const db = await createTestDatabase("cli");
    const { listening, logged } = await runUntilListening({ DATABASE_URL: db.adminUrl, SYNC_DATA_DIR: tempDataDir(), SMTP_URL: "" });
    expect(listening.database).toBe(`postgres@socket ${String(db.admin.host)}/${db.name}`);
    expect(logged.map((l) => l.msg)).toEqual([
      "mail is off: set SMTP_URL to send password reset mails",
      "billing is off: every studio is on the Enterprise plan (set STRIPE_SECRET_KEY to sell plans, SYNC_DEFAULT_PLAN to change it)",
      "listening",
      "request",
      "shutting down",
      "stopped",
    ]);
    expect(logged[1]).toMatchObject({ billing: "off", plan: "enterprise" });
    expect(logged[3]).toMatchObject({ method: "GET", path: "/health", status: 200 });
  }, 20_000);

  it("without DATABASE_URL: creates and starts PostgreSQL in SYNC_DATA_DIR, and stops it on SIGTERM", async () => {
    const dataDir = tempDataDir();
    const { listening, logged } = await runUntilListening({ DATABASE_URL: "", SYNC_DATA_DIR: dataDir });
    expect(String(listening.database)).toMatch(new RegExp(`^embedded PostgreSQL in ${dataDir}/postgres \\(127\\.0\\.0\\.1:\\d+\\)$`));
    const msgs = logged.map((l) => l.msg);
    expect(msgs.slice(0, 2)).toEqual(["postgres cluster created", "database created"]);
    expect(msgs.filter((m) => m === "migration applied")).toHaveLength(PG_MIGRATIONS.length);
    expect(msgs.slice(-3)).toEqual(["shutting down", "stopped", "postgres stopped"]);
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    expect(fs.statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
  }, 30_000);

  it("refuses a bad PORT with a clear message and exit code 1", async () => {
    const child = run({ PORT: "http" });
    let err = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c: string) => (err += c));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(err.trim()).toBe('PORT must be a whole number from 0 to 65535, got "http"');
  }, 20_000);
});
