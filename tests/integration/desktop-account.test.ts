import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { StudioCore } from "../../main/core/studio-core";
import { SETUP } from "../../main/core/test-fixtures";
import type { AppError } from "../../shared/app-error";
import { desktopComputers } from "./support/desktop-computers";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * "Connect to studio account" end to end: desktop cores on real SQLite files, the account link and
 * sync controller they run in the app, against the real sync server and Postgres.
 */
let db: TestDatabase;
let srv: TestSyncServer;
const computer = desktopComputers("account");

beforeAll(async () => {
  db = await createTestDatabase("desktop_account");
  srv = await startTestSyncServer(db);
});
afterAll(async () => {
  await srv?.close();
});

let n = 0;
function owner(label = `o${++n}`) {
  return { ownerName: `Owner ${label}`, email: `${label}@studio.example`, password: `long enough ${label}`, deviceName: `Desk ${label}` };
}

async function refused(call: Promise<unknown>): Promise<AppError> {
  return call.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as AppError,
  );
}

const names = (core: StudioCore) => core.clients.list().map((c) => c.name).sort();

describe("connect to studio account", () => {
  it("signing up uploads the studio this computer holds, and a fresh computer that logs in pulls all of it", async () => {
    const first = computer("first");
    first.studio.setup(SETUP);
    first.clients.create({ kind: "person", name: "Héloïse Mercier" });
    first.clients.create({ kind: "company", name: "Éditions Bleu Minuit" });
    const o = owner();
    const status = await first.account.signUp({ serverUrl: `${srv.server.url}/`, ...o });
    expect(status).toMatchObject({ connected: true, serverUrl: srv.server.url, email: o.email, role: "owner", loginRequired: null });
    expect(status.tenantId).toBe(first.studio.get().tenantId);
    const after = await first.sync.syncNow();
    expect(after).toMatchObject({ state: "online", pending: 0, rejected: 0, errorCode: null });

    const fresh = computer("fresh");
    await fresh.account.logIn({ serverUrl: srv.server.url, email: o.email, password: o.password, deviceName: "Front desk" });
    await fresh.sync.syncNow();
    expect(fresh.studio.get()).toMatchObject({ tenantId: first.studio.get().tenantId, name: SETUP.studio.name });
    expect(names(fresh)).toEqual(names(first));
    expect(fresh.rooms.list().map((r) => r.name)).toEqual(["Studio A"]);
    expect(fresh.locations.list().map((l) => l.id)).toEqual(first.locations.list().map((l) => l.id));
  });

  it("refuses sign-up before the studio is set up, and a wrong address says the server is unreachable", async () => {
    const empty = computer("empty");
    expect((await refused(empty.account.signUp({ serverUrl: srv.server.url, ...owner() }))).code).toBe("NOT_INITIALIZED");
    const local = computer("local");
    local.studio.setup(SETUP);
    const err = await refused(local.account.signUp({ serverUrl: "http://127.0.0.1:9", ...owner() }));
    expect(err.code).toBe("SERVER_UNREACHABLE");
    expect(local.account.status().connected).toBe(false);
    const bad = await refused(local.account.signUp({ serverUrl: "ftp://x", ...owner() }));
    expect(bad).toMatchObject({ code: "VALIDATION_FAILED", fieldErrors: { serverUrl: ["v.url"] } });
  });

  it("will not pour another studio's account into a computer that holds a studio", async () => {
    const a = computer("a");
    a.studio.setup(SETUP);
    const o = owner();
    await a.account.signUp({ serverUrl: srv.server.url, ...o });
    const b = computer("b");
    b.studio.setup({ ...SETUP, studio: { name: "Autre studio", currency: "EUR" } });
    b.clients.create({ kind: "person", name: "Kept" });
    const err = await refused(b.account.logIn({ serverUrl: srv.server.url, email: o.email, password: o.password, deviceName: "B" }));
    expect(err.code).toBe("OTHER_STUDIO_HERE");
    expect(b.account.status().connected).toBe(false);
    expect(names(b)).toEqual(["Kept"]);
  });

  it("refreshes an expired access token without asking anyone", async () => {
    const a = computer("refresh");
    a.studio.setup(SETUP);
    await a.account.signUp({ serverUrl: srv.server.url, ...owner() });
    await a.sync.syncNow();
    const before = a.sync.sessions.get()!;
    srv.clock.advance(60 * 60_000); // the server's clock: the 15-minute access token has lapsed
    a.clients.create({ kind: "person", name: "After the break" });
    expect(await a.sync.syncNow()).toMatchObject({ state: "online", pending: 0 });
    const after = a.sync.sessions.get()!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
  });

  it("a revoked computer is asked to log in again, keeps its pending changes, and sends them once it does", async () => {
    const a = computer("owner-desk");
    a.studio.setup(SETUP);
    const o = owner();
    await a.account.signUp({ serverUrl: srv.server.url, ...o });
    await a.sync.syncNow();
    const b = computer("revoked-desk");
    await b.account.logIn({ serverUrl: srv.server.url, email: o.email, password: o.password, deviceName: "Desk B" });
    await b.sync.syncNow();

    const ownerToken = a.sync.sessions.get()!.accessToken!;
    await srv.client(ownerToken).devices.revoke.mutate({ deviceId: b.sync.sessions.get()!.deviceId });
    // The live stream ends with the revocation: the desk asks for a login before it even pushes.
    await vi.waitFor(() => expect(b.account.status().loginRequired).toMatch(/DEVICE_REVOKED/), { timeout: 10_000, interval: 50 });
    b.clients.create({ kind: "person", name: "Written after revocation" });
    const status = await b.sync.syncNow().catch(() => b.sync.status());
    expect(status).toMatchObject({ state: "login_required", errorCode: "LOGIN_REQUIRED", pending: 1 });
    expect(b.account.status().loginRequired).toMatch(/DEVICE_REVOKED/);
    // Still usable offline: the change is there, waiting.
    expect(names(b)).toContain("Written after revocation");

    await b.account.logIn({ serverUrl: srv.server.url, email: o.email, password: o.password, deviceName: "Desk B" });
    expect(await b.sync.syncNow()).toMatchObject({ state: "online", pending: 0 });
    await a.sync.syncNow();
    expect(names(a)).toContain("Written after revocation");
  });

  it("a change on one computer reaches another through the live stream, without anyone pressing sync", async () => {
    const a = computer("live-a");
    a.studio.setup(SETUP);
    const o = owner();
    await a.account.signUp({ serverUrl: srv.server.url, ...o });
    await a.sync.syncNow();
    const b = computer("live-b");
    await b.account.logIn({ serverUrl: srv.server.url, email: o.email, password: o.password, deviceName: "Desk B" });
    await vi.waitFor(() => expect(b.sync.status()).toMatchObject({ state: "online" }), { timeout: 10_000 });

    a.clients.create({ kind: "person", name: "Arrives live" });
    a.sync.kick(); // what the router does after every change
    await vi.waitFor(() => expect(names(b)).toContain("Arrives live"), { timeout: 10_000, interval: 50 });
  });

  it("after login, working with the server out of reach needs no network: changes wait and the status says offline", async () => {
    const a = computer("offline");
    a.studio.setup(SETUP);
    await a.account.signUp({ serverUrl: srv.server.url, ...owner() });
    await a.sync.syncNow();
    // The studio's internet goes down: nothing answers at the server's address any more.
    a.db.prepare("UPDATE account_session SET server_url = 'http://127.0.0.1:9'").run();
    a.sync.start();
    a.clients.create({ kind: "person", name: "Booked while offline" });
    const status = await a.sync.syncNow().catch(() => a.sync.status());
    expect(status).toMatchObject({ state: "offline", errorCode: "SERVER_UNREACHABLE", pending: 1 });
    expect(a.account.status()).toMatchObject({ connected: true, loginRequired: null });
    expect(names(a)).toEqual(["Booked while offline"]);
  });

  it("logging out keeps the studio and what is pending on this computer", async () => {
    const a = computer("logout");
    a.studio.setup(SETUP);
    await a.account.signUp({ serverUrl: srv.server.url, ...owner() });
    a.sync.stop();
    a.clients.create({ kind: "person", name: "Not yet sent" });
    expect(a.account.logOut()).toMatchObject({ connected: false });
    expect(a.sync.status()).toMatchObject({ state: "disconnected", pending: expect.any(Number) });
    expect(a.sync.status().pending).toBeGreaterThan(0);
    expect(names(a)).toEqual(["Not yet sent"]);
  });
});
