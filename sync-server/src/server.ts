import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { AnyTRPCRouter } from "@trpc/server";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { healthReport, syncRouter, type SyncContext } from "./router";

/** tRPC is served under this prefix; `GET /health` stays a plain JSON endpoint for load balancers. */
export const TRPC_BASE_PATH = "/trpc/";

export type LogLine = Record<string, unknown> & { level: "info" | "warn" | "error"; msg: string };
export type Logger = (line: LogLine) => void;

/** One JSON object per line on stdout, for whatever collects the logs. */
export const jsonLogger: Logger = (line) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
};

export interface SyncServerOptions {
  port: number;
  hostname: string;
  /** Defaults to the sync router; tests may mount another one. */
  router?: AnyTRPCRouter;
  log?: Logger;
  /** How long `close()` waits for in-flight requests before cutting their connections. */
  shutdownGraceMs?: number;
  version?: string;
}

export interface SyncServer {
  /** Base URL, e.g. http://127.0.0.1:3100 (the port actually bound when 0 was asked). */
  url: string;
  port: number;
  server: http.Server;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(text);
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const log = options.log ?? jsonLogger;
  const graceMs = options.shutdownGraceMs ?? 10_000;
  const ctx: SyncContext = { version: options.version ?? packageVersion(), startedAt: Date.now() };
  let closing = false;
  /** Requests received and not yet answered (or cut): close() waits for them. */
  const inFlight = new Set<http.ServerResponse>();
  let drained: (() => void) | null = null;

  const server = createHTTPServer({
    router: options.router ?? syncRouter,
    basePath: TRPC_BASE_PATH,
    createContext: () => ctx,
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") log({ level: "error", msg: "procedure failed", path, error: error.message });
    },
    middleware: (req, res, next) => {
      const started = process.hrtime.bigint();
      const pathname = new URL(req.url ?? "/", "http://localhost").pathname; // never log the query (it carries inputs)
      inFlight.add(res);
      res.once("close", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const line: LogLine = { level: res.statusCode >= 500 ? "error" : "info", msg: "request", method: req.method, path: pathname, status: res.statusCode, ms: Math.round(ms * 10) / 10 };
        if (!res.writableFinished) line.aborted = true;
        log(line);
        inFlight.delete(res);
        if (closing && inFlight.size === 0) drained?.();
      });
      // While draining, finish the current exchange and ask keep-alive clients to reconnect elsewhere.
      if (closing) res.setHeader("connection", "close");

      if (pathname === "/health") {
        if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "Method not allowed" }, { allow: "GET, HEAD" });
        return sendJson(res, 200, healthReport(ctx));
      }
      if (!pathname.startsWith(TRPC_BASE_PATH)) return sendJson(res, 404, { error: "Not found" });
      next();
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.hostname.includes(":") ? `[${options.hostname}]` : options.hostname;
  const url = `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${port}`;
  log({ level: "info", msg: "listening", url, version: ctx.version });

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve, reject) => {
      closing = true;
      log({ level: "info", msg: "shutting down" });
      // Responses still being worked on close their connection when sent, instead of keeping it alive.
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
      const allAnswered = inFlight.size === 0 ? Promise.resolve() : new Promise<void>((r) => (drained = r));
      const force = setTimeout(() => {
        log({ level: "warn", msg: "shutdown grace period over, closing open connections" });
        server.closeAllConnections();
      }, graceMs);
      force.unref();
      // Stops accepting; Node closes idle keep-alive sockets now and busy ones once their response is sent.
      server.close((err) => {
        if (err) {
          clearTimeout(force);
          return reject(err);
        }
        void allAnswered.then(() => {
          clearTimeout(force);
          log({ level: "info", msg: "stopped" });
          resolve();
        });
      });
      server.closeIdleConnections();
    });
    return closed;
  };

  return { url, port, server, close };
}
