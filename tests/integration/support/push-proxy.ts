import http from "node:http";
import type { AddressInfo } from "node:net";

/** What to do with the next push: cut it before the server sees it, or after the server answered. */
export interface PushInterception {
  cut: "before-server" | "after-answer";
  /** Runs at the cut, before the desk's connection is destroyed (e.g. SIGKILL the desk's process). */
  atCut?: () => Promise<void> | void;
}

export interface PushProxy {
  url: string;
  /** The server's base URL, changed when a test starts the server again on another port. */
  upstream: string;
  /** Pushes the desk sent through this proxy, whatever became of them. */
  pushesSent: number;
  /** Pushes answered by the server through this proxy (forwarded to the desk or not). */
  pushesAnswered: number;
  intercept(next: PushInterception): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of the sync server that can cut the next push at a chosen point, so a
 * crash "in the middle of a push" happens at an exact step rather than after a guessed sleep.
 * Without an interception it forwards everything; an unreachable server is a dropped connection.
 */
export async function startPushProxy(upstream: string): Promise<PushProxy> {
  let pending: PushInterception | null = null;
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const isPush = (req.url ?? "").includes("sync.push");
        if (isPush) proxy.pushesSent++;
        const step = isPush ? pending : null;
        if (step) pending = null;
        if (step?.cut === "before-server") {
          await step.atCut?.();
          return req.socket.destroy();
        }
        const answer = await forward(proxy.upstream, req, Buffer.concat(chunks)).catch(() => null);
        if (!answer) return req.socket.destroy();
        if (isPush) proxy.pushesAnswered++;
        if (step?.cut === "after-answer") {
          await step.atCut?.();
          return req.socket.destroy();
        }
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      })();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxy: PushProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    upstream,
    pushesSent: 0,
    pushesAnswered: 0,
    intercept: (next) => {
      pending = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The whole request sent upstream and the whole answer read, so a cut can come after it. */
function forward(upstream: string, req: http.IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(req.url ?? "/", upstream);
    const headers = { ...req.headers, host: target.host, connection: "close" };
    const out = http.request(target, { method: req.method, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => {
        const { connection: _c, "transfer-encoding": _t, ...rest } = res.headers;
        resolve({ status: res.statusCode ?? 502, headers: { ...rest, "content-length": String(Buffer.concat(parts).length) }, body: Buffer.concat(parts) });
      });
      res.on("error", reject);
    });
    out.on("error", reject);
    out.end(body);
  });
}
