import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { AnyTRPCRouter } from "@trpc/server";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { STRIPE_WEBHOOK_PATH, stripeWebhookReply } from "./billing/stripe-webhook";
import { healthReport } from "./health";
import { jsonLogger, type Logger, type LogLine } from "./log";
import { OPERATOR_PAGE_PATH, operatorPageReply } from "./operator/operator-page";
import { syncRouter } from "./router";
import { LiveHub, type LiveOptions } from "./sync/live-hub";
import type { SyncContext, SyncServices } from "./trpc/context";

export { jsonLogger, type Logger, type LogLine } from "./log";

/** tRPC is served under this prefix; `GET /health` stays a plain JSON endpoint for load balancers. */
export const TRPC_BASE_PATH = "/trpc/";

export interface SyncServerOptions {
  port: number;
  hostname: string;
  /** Defaults to the sync router; tests may mount another one. */
  router?: AnyTRPCRouter;
  log?: Logger;
  /** How long `close()` waits for in-flight requests before cutting their connections. */
  shutdownGraceMs?: number;
  version?: string;
  /** Database, accounts and mail; absent, only health answers (procedures needing them say so). */
  services?: SyncServices | null;
  /** Take the client's address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Where the data lives, for the "listening" line. */
  database?: string;
  /** Live streams (sync.live) settings. */
  live?: LiveOptions;
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

/**
 * The caller's address, for rate limiting: the socket's, or behind a trusted proxy the last
 * X-Forwarded-For entry (the one that proxy added; earlier ones are whatever the client claimed).
 */
function clientIp(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",").pop()?.trim() : "";
  const ip = forwarded || req.socket.remoteAddress || "unknown";
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const log = options.log ?? jsonLogger;
  const graceMs = options.shutdownGraceMs ?? 10_000;
  const base = { version: options.version ?? packageVersion(), startedAt: Date.now() };
  const services = options.services ?? null;
  const live = services ? new LiveHub(services.accounts.databases, log, options.live) : null;
  let closing = false;
  /** Requests received and not yet answered (or cut): close() waits for them. */
  const inFlight = new Set<http.ServerResponse>();
  let drained: (() => void) | null = null;

  const server = createHTTPServer({
    router: options.router ?? syncRouter,
    basePath: TRPC_BASE_PATH,
    createContext: ({ req, info }): SyncContext => ({
      ...base,
      services,
      clientIp: clientIp(req, options.trustProxy ?? false),
      authorization: req.headers.authorization ?? info.connectionParams?.["authorization"],
      live,
    }),
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
        return sendJson(res, 200, healthReport(base));
      }
      // Before tRPC, which would parse the body: the signature is checked on the raw bytes.
      if (pathname === STRIPE_WEBHOOK_PATH) {
        void stripeWebhookReply(req, services?.billing).then(
          (reply) => sendJson(res, reply.status, reply.body, reply.headers),
          (err: unknown) => {
            log({ level: "error", msg: "stripe webhook failed", error: String(err) });
            sendJson(res, 500, { error: "Internal error" });
          },
        );
        return;
      }
      // The SaaS operator's page (HTML rendered here; off without OPERATOR_TOKEN).
      if (pathname === OPERATOR_PAGE_PATH) {
        void operatorPageReply(req, services, log).then(
          (reply) => {
            res.writeHead(reply.status, reply.headers);
            res.end(req.method === "HEAD" ? undefined : reply.body);
          },
          (err: unknown) => {
            log({ level: "error", msg: "operator page failed", error: String(err) });
            sendJson(res, 500, { error: "Internal error" });
          },
        );
        return;
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
  log({ level: "info", msg: "listening", url, version: base.version, ...(options.database ? { database: options.database } : {}) });

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve, reject) => {
      closing = true;
      log({ level: "info", msg: "shutting down" });
      // Responses still being worked on close their connection when sent, instead of keeping it alive.
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
      const allAnswered = inFlight.size === 0 ? Promise.resolve() : new Promise<void>((r) => (drained = r));
      // Live streams never finish on their own: they end now (clients reconnect elsewhere), while
      // pushes in flight run to their end. Once every request is answered, the sockets left (kept
      // alive, or opened ahead by a client's pool and never used) are closed rather than waited for.
      const liveClosed = live?.close().catch((err: unknown) => log({ level: "warn", msg: "live notifications did not close cleanly", error: String(err) }));
      void allAnswered.then(() => server.closeAllConnections());
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
        void Promise.all([allAnswered, liveClosed]).then(() => {
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
