import { createTRPCClient, createWSClient, TRPCClientError, wsLink, type TRPCClient } from "@trpc/client";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { seedDemoStudio } from "../../main/core/demo/seed-demo";
import { appRouter, type AppRouter } from "../../main/core/router/app-router";
import { createStudioCore, type StudioCore } from "../../main/core/studio-core";
import { createIpcHandler, type IpcEventLike } from "../../main/electron/ipc-handler";
import { startHostServer, type HostServer } from "../../main/host/host-server";
import { ipcLink } from "../../renderer/src/api/ipc-link";
import type { IpcReply } from "../../shared/desktop-bridge";

/**
 * One router, two transports: Electron IPC (the main-process handler driven with an
 * Electron-shaped event, through the renderer's own IPC link) and browser mode's WebSocket host.
 * Both must give the same answers and the same error shapes.
 */

let tmp: string;
let core: StudioCore;
let server: HostServer;
let wsClient: ReturnType<typeof createWSClient>;
let viaWs: TRPCClient<AppRouter>;
let viaIpc: TRPCClient<AppRouter>;
let rendererDir: string;
let handler: ReturnType<typeof createIpcHandler<typeof appRouter>>;
const INDEX_MARKER = "<!-- transports test index -->";

const ownFrame = (): IpcEventLike => ({ senderFrame: { url: pathToFileURL(path.join(rendererDir, "index.html")).href + "#/clients" } });

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-transports-"));
  core = createStudioCore({ databaseFile: path.join(tmp, "data", "studio.sqlite") });
  seedDemoStudio(core);

  rendererDir = path.join(tmp, "dist", "renderer");
  fs.mkdirSync(path.join(rendererDir, "assets"), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, "index.html"), `<!doctype html>${INDEX_MARKER}<div id="root"></div>`);
  fs.writeFileSync(path.join(rendererDir, "assets", "index-AbCd1234.js"), "console.log('app');");
  fs.writeFileSync(path.join(tmp, "dist", "package.json"), '{"secret":true}');

  handler = createIpcHandler({ router: appRouter, createContext: () => ({ core }), rendererDir });
  viaIpc = createTRPCClient<AppRouter>({ links: [ipcLink({ invoke: (request) => handler(ownFrame(), request) })] });

  server = await startHostServer({ core, staticDir: rendererDir, port: 0 });
  wsClient = createWSClient({ url: `ws://127.0.0.1:${server.port}/trpc`, WebSocket: WebSocket as unknown as typeof globalThis.WebSocket });
  viaWs = createTRPCClient<AppRouter>({ links: [wsLink<AppRouter>({ client: wsClient })] });
});

afterAll(async () => {
  await wsClient?.close();
  await server?.close();
  core?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCClientError);
    return error as TRPCClientError<AppRouter>;
  }
  throw new Error("expected the call to fail");
}

function failed(reply: IpcReply) {
  if (reply.ok) throw new Error(`expected an error reply, got ${JSON.stringify(reply.data)}`);
  return reply.error as { code: number; message: string; data: Record<string, unknown> };
}

describe("IPC handler (Electron main), called directly", () => {
  it("answers a query", async () => {
    const reply = await handler(ownFrame(), { type: "query", path: "locations.list", input: undefined });
    expect(reply.ok).toBe(true);
    expect((reply as { data: unknown[] }).data.length).toBeGreaterThan(0);
  });

  it("runs a mutation", async () => {
    const reply = await handler(ownFrame(), { type: "mutation", path: "clients.create", input: { kind: "person", name: "Nina Ipc" } });
    expect(reply).toMatchObject({ ok: true, data: { name: "Nina Ipc", kind: "person" } });
  });

  it("returns the router's error shape for invalid input", async () => {
    const error = failed(await handler(ownFrame(), { type: "mutation", path: "clients.create", input: { kind: "person", name: "  ", email: "nope" } }));
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", appCode: "VALIDATION_FAILED", path: "clients.create" });
    expect(error.data.fieldErrors).toEqual({ name: ["v.required"], email: ["v.email"] });
    expect(error.data).not.toHaveProperty("stack");
  });

  it.each([
    ["a web page", { senderFrame: { url: "https://evil.example/index.html" } }],
    ["another local file", { senderFrame: { url: "file:///etc/passwd" } }],
    ["a sibling folder sharing the prefix", { senderFrame: { url: "file:///x/dist/renderer-evil/index.html" } }],
    ["a destroyed frame", { senderFrame: null }],
    ["no frame", {}],
  ])("refuses %s", async (_name, event: IpcEventLike) => {
    const error = failed(await handler(event, { type: "query", path: "locations.list" }));
    expect(error.data).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a sender that only looks like ours through `..`", async () => {
    const url = pathToFileURL(path.join(rendererDir, "index.html")).href.replace("/renderer/index.html", "/renderer/../package.json");
    expect(failed(await handler({ senderFrame: { url } }, { type: "query", path: "locations.list" })).data).toMatchObject({ code: "FORBIDDEN" });
  });

  it.each([null, "locations.list", { type: "subscription", path: "locations.list" }, { type: "query", path: "../x" }, { type: "query" }])(
    "refuses the malformed request %j",
    async (request) => {
      expect(failed(await handler(ownFrame(), request)).data).toMatchObject({ code: "BAD_REQUEST" });
    },
  );

  it("answers NOT_FOUND for an unknown procedure or the wrong kind", async () => {
    expect(failed(await handler(ownFrame(), { type: "query", path: "nothing.here" })).data).toMatchObject({ code: "NOT_FOUND", appCode: "NOT_FOUND" });
    expect(failed(await handler(ownFrame(), { type: "query", path: "clients.create" })).data).toMatchObject({ code: "NOT_FOUND" });
    expect(failed(await handler(ownFrame(), { type: "query", path: "__proto__.constructor" })).data).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the same router over IPC and over WebSocket", () => {
  it("gives identical query results", async () => {
    const [ipcLocations, wsLocations] = await Promise.all([viaIpc.locations.list.query(), viaWs.locations.list.query()]);
    expect(ipcLocations.length).toBeGreaterThan(0);
    expect(ipcLocations).toEqual(wsLocations);
    const [ipcStatus, wsStatus] = await Promise.all([viaIpc.studio.status.query(), viaWs.studio.status.query()]);
    expect(ipcStatus.initialized).toBe(true);
    expect(ipcStatus).toEqual(wsStatus);
    const search = { search: "studio", sort: "name", direction: "desc" } as const;
    expect(await viaIpc.rooms.list.query(search)).toEqual(await viaWs.rooms.list.query(search));
  });

  it("runs mutations on the same database, read back identically by the other transport", async () => {
    const fromIpc = await viaIpc.clients.create.mutate({ kind: "company", name: "Label Ipc", email: "ipc@example.com" });
    const fromWs = await viaWs.clients.create.mutate({ kind: "company", name: "Label Ws", email: "ws@example.com" });
    expect(Object.keys(fromIpc).sort()).toEqual(Object.keys(fromWs).sort());
    expect(await viaWs.clients.get.query({ id: fromIpc.id })).toEqual(fromIpc);
    expect(await viaIpc.clients.get.query({ id: fromWs.id })).toEqual(fromWs);
    const updated = await viaIpc.clients.update.mutate({ id: fromWs.id, patch: { notes: "Signed via IPC" } });
    expect(await viaWs.clients.get.query({ id: fromWs.id })).toEqual(updated);
  });

  it("gives identical validation errors, with appCode and fieldErrors for the forms", async () => {
    const bad = { kind: "person" as const, name: "", phone: "x" };
    const [ipcError, wsError] = await Promise.all([rejection(viaIpc.clients.create.mutate(bad)), rejection(viaWs.clients.create.mutate(bad))]);
    expect(ipcError.data?.appCode).toBe("VALIDATION_FAILED");
    expect(ipcError.data?.fieldErrors).toEqual({ name: ["v.required"], phone: ["v.phone"] });
    expect(ipcError.message).toBe(wsError.message);
    expect(ipcError.data).toEqual(wsError.data);
    expect(ipcError.shape).toEqual(wsError.shape);
  });

  it("gives identical domain errors", async () => {
    const missing = { id: "01900000-0000-7000-8000-000000000000" };
    const [ipcError, wsError] = await Promise.all([rejection(viaIpc.clients.get.query(missing)), rejection(viaWs.clients.get.query(missing))]);
    expect(ipcError.data?.appCode).toBe("NOT_FOUND");
    expect(ipcError.shape).toEqual(wsError.shape);
  });
});

function rawGet(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    // http.request sends the path as written: no client-side `..` normalisation, as an attacker would.
    const req = http.request({ host: "127.0.0.1", port: server.port, path: urlPath, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("browser-mode static server", () => {
  it("serves index.html at / and for app routes, revalidated on each load", async () => {
    for (const urlPath of ["/", "/clients/42", "/index.html?x=1"]) {
      const res = await rawGet(urlPath);
      expect(res.status, urlPath).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body).toContain(INDEX_MARKER);
    }
  });

  it("serves hashed assets as immutable JavaScript and 404s missing files", async () => {
    const asset = await rawGet("/assets/index-AbCd1234.js");
    expect(asset.status).toBe(200);
    expect(asset.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(asset.headers["cache-control"]).toContain("immutable");
    expect((await rawGet("/assets/missing-00000000.js")).status).toBe(404);
  });

  it.each(["/../package.json", "/%2e%2e/package.json", "/assets/..%2f..%2fpackage.json", "/..\\package.json", "/%00index.html"])(
    "refuses the traversal %s",
    async (urlPath) => {
      const res = await rawGet(urlPath);
      expect(res.status).toBe(403);
      expect(res.body).not.toContain("secret");
    },
  );

  it("refuses requests for a foreign host name (DNS rebinding)", async () => {
    expect((await rawGet("/", { Host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it("refuses a WebSocket from another web page's origin", async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/trpc`, { origin: "https://evil.example" });
    const outcome = await new Promise<string>((resolve) => {
      socket.on("open", () => resolve("open"));
      socket.on("unexpected-response", (_req, res) => resolve(`refused ${res.statusCode}`));
      socket.on("error", () => resolve("error"));
    });
    socket.terminate();
    expect(outcome).toBe("refused 403");
  });
});
