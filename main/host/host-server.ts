import { applyWSSHandler } from "@trpc/server/adapters/ws";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { appRouter } from "../core/router/app-router";
import type { CoreContext } from "../core/router/trpc";
import type { StudioCore } from "../core/studio-core";
import { isAllowedHost, isAllowedOrigin, isLoopbackHostname } from "./local-origin";
import { serveStatic } from "./static-files";

export const TRPC_WS_PATH = "/trpc";

export interface HostServerOptions {
  core: StudioCore;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Loopback only: the studio's data is never offered to the network. */
  hostname?: string;
}

export interface HostServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Browser mode: one HTTP server for the built renderer, and the core's router over WebSocket at /trpc. */
export async function startHostServer({ core, staticDir, port, hostname = "127.0.0.1" }: HostServerOptions): Promise<HostServer> {
  if (!isLoopbackHostname(hostname)) throw new Error(`Browser mode binds to loopback only, not to "${hostname}"`);
  let boundPort = port;

  const server = http.createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, boundPort, hostname)) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("Forbidden host\n");
      return;
    }
    serveStatic(staticDir, req, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  applyWSSHandler({
    wss,
    router: appRouter,
    createContext: (): CoreContext => ({ core }),
    onError: ({ error, path }) => {
      // Refusals (validation, not found...) are answers, not faults; only real faults are logged.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[studio] ${path ?? "?"}:`, error.cause ?? error);
    },
  });

  server.on("upgrade", (req, socket, head) => {
    const pathname = (req.url ?? "").split("?", 1)[0];
    const allowed =
      pathname === TRPC_WS_PATH && isAllowedHost(req.headers.host, boundPort, hostname) && isAllowedOrigin(req.headers.origin, req.headers.host);
    if (!allowed) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (client) => wss.emit("connection", client, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  const urlHost = hostname.includes(":") && !hostname.startsWith("[") ? `[${hostname}]` : hostname;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve, reject) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }));

  return { url: `http://${urlHost}:${boundPort}/`, port: boundPort, close };
}
