import fs from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SecretProtector } from "../../main/core/account/secret-protector";
import { createStudioCore, type StudioCore } from "../../main/core/studio-core";
import { SETUP, tempDir } from "../../main/core/test-fixtures";
import type { AppError } from "../../shared/app-error";
import { errorCodeOf } from "../../shared/app-error";
import { desktopComputers } from "./support/desktop-computers";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";
import { aesSecrets } from "./support/test-secrets";

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
    expect(await a.account.logOut()).toMatchObject({ connected: false, serverLogOutPending: false });
    expect(a.sync.status()).toMatchObject({ state: "disconnected", pending: expect.any(Number) });
    expect(a.sync.status().pending).toBeGreaterThan(0);
    expect(names(a)).toEqual(["Not yet sent"]);
  });
});

/** A refresh of that token, as a copy of it kept somewhere would try: the server's error code. */
async function refreshRefused(refreshToken: string): Promise<string | undefined> {
  try {
    await srv.client().accounts.refresh.mutate({ refreshToken });
  } catch (e) {
    return errorCodeOf(e) ?? (e as { data?: { appCode?: string } }).data?.appCode;
  }
  throw new Error("expected the refresh to be refused");
}

async function securityEvents(tenantId: string, action: string): Promise<{ device_id: string | null }[]> {
  return asAdmin(db, async (c) => (await c.query<{ device_id: string | null }>("SELECT device_id FROM audit_events WHERE tenant_id = $1 AND action = $2", [tenantId, action])).rows);
}

async function devicesOf(tenantId: string): Promise<{ id: string; revoked: boolean }[]> {
  return asAdmin(db, async (c) => (await c.query<{ id: string; revoked: boolean }>("SELECT id, revoked_at IS NOT NULL AS revoked FROM devices WHERE tenant_id = $1 ORDER BY created_at", [tenantId])).rows);
}

describe("logging out and in again", () => {
  it("ends the session on the server: the refresh token this computer held is refused afterwards, and the audit log says so", async () => {
    const a = computer("logout-revokes");
    a.studio.setup(SETUP);
    const status = await a.account.signUp({ serverUrl: srv.server.url, ...owner() });
    await a.sync.syncNow();
    const held = a.sync.sessions.get()!.refreshToken!;
    expect(await a.account.logOut()).toMatchObject({ connected: false, serverLogOutPending: false });
    expect(await refreshRefused(held)).toBe("SESSION_REVOKED");
    expect(await securityEvents(status.tenantId!, "logout")).toEqual([{ device_id: status.deviceId }]);
    // Sent again (after an outage the desk cannot know it got through): the same quiet answer.
    expect(await srv.client().accounts.logOut.mutate({ refreshToken: held })).toEqual({ ended: false });
    expect(await securityEvents(status.tenantId!, "logout")).toHaveLength(1);
  });

  it("logs out at once with the server out of reach, keeps what is pending, and ends the server session at the next chance", async () => {
    const a = computer("logout-offline");
    a.studio.setup(SETUP);
    const o = owner();
    const first = await a.account.signUp({ serverUrl: srv.server.url, ...o });
    await a.sync.syncNow();
    const held = a.sync.sessions.get()!.refreshToken!;
    a.db.prepare("UPDATE account_session SET server_url = 'http://127.0.0.1:9'").run();
    a.sync.start();
    a.clients.create({ kind: "person", name: "Written before logging out" });

    expect(await a.account.logOut()).toMatchObject({ connected: false, serverLogOutPending: true });
    expect(a.sync.status()).toMatchObject({ state: "disconnected", pending: 1 });
    expect(names(a)).toEqual(["Written before logging out"]);
    // The server still holds the session meanwhile (the token is not spent: its family is intact).
    const stillLive = await asAdmin(db, async (c) => (await c.query("SELECT 1 FROM refresh_tokens WHERE tenant_id = $1 AND revoked_at IS NULL", [first.tenantId])).rowCount);
    expect(stillLive).toBeGreaterThan(0);

    // The network is back (the pending logout names the server it was for): the next login tells it.
    a.db.prepare("UPDATE pending_log_outs SET server_url = ?").run(srv.server.url);
    await a.account.logIn({ serverUrl: srv.server.url, email: o.email, password: o.password, deviceName: "Desk" });
    await vi.waitFor(() => expect(a.account.status().serverLogOutPending).toBe(false), { timeout: 10_000, interval: 50 });
    expect(await refreshRefused(held)).toBe("SESSION_REVOKED");
    expect(await a.sync.syncNow()).toMatchObject({ state: "online", pending: 0 });
    expect(await devicesOf(first.tenantId!)).toHaveLength(1);
  });

  it("logging in again on the same computer resumes its device entry; a revoked one stays revoked and the next login is a new device", async () => {
    const a = computer("relogin");
    a.studio.setup(SETUP);
    const o = owner();
    const signedUp = await a.account.signUp({ serverUrl: srv.server.url, ...o });
    await a.account.logOut();
    const again = await a.account.logIn({ serverUrl: srv.server.url, email: o.email.toUpperCase(), password: o.password, deviceName: "Desk" });
    expect(again.deviceId).toBe(signedUp.deviceId);
    await a.account.logOut();
    const third = await a.account.logIn({ serverUrl: srv.server.url, email: o.email, password: o.password, deviceName: "Desk" });
    expect(third.deviceId).toBe(signedUp.deviceId);
    const ownerToken = a.sync.sessions.get()!.accessToken!;
    expect(await srv.client(ownerToken).devices.list.query()).toHaveLength(1);

    // Revoked by the owner (from another desk): the old entry is never revived.
    const other = computer("relogin-other");
    await other.account.logIn({ serverUrl: srv.server.url, email: o.email, password: o.password, deviceName: "Office" });
    await srv.client(other.sync.sessions.get()!.accessToken!).devices.revoke.mutate({ deviceId: signedUp.deviceId! });
    await a.account.logOut();
    const afterRevoke = await a.account.logIn({ serverUrl: srv.server.url, email: o.email, password: o.password, deviceName: "Desk" });
    expect(afterRevoke.deviceId).not.toBe(signedUp.deviceId);
    expect(await devicesOf(signedUp.tenantId!)).toEqual([
      { id: signedUp.deviceId, revoked: true },
      { id: other.sync.sessions.get()!.deviceId, revoked: false },
      { id: afterRevoke.deviceId, revoked: false },
    ]);
  });
});

describe("the refresh token at rest", () => {
  const opened: { core: StudioCore; cleanup(): void }[] = [];
  afterEach(() => {
    for (const o of opened.splice(0)) {
      o.core.close();
      o.cleanup();
    }
  });
  const tmp = () => tempDir("rsm-account-secrets-");
  function open(file: string, cleanup: () => void, secrets?: SecretProtector): StudioCore {
    const core = createStudioCore({ databaseFile: file, sync: { intervalMs: 3_600_000, debounceMs: 20 }, ...(secrets ? { secrets } : {}) });
    opened.push({ core, cleanup });
    return core;
  }
  /** The bytes of the database file and its WAL, as someone copying them would get. */
  function fileBytes(core: StudioCore, file: string): Buffer {
    core.db.pragma("wal_checkpoint(TRUNCATE)");
    return Buffer.concat([fs.readFileSync(file), fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
  }
  const secretOf = (token: string) => token.split(".")[2]!;

  it("is sealed by the host's protector: the raw file does not contain it, and refreshing still works", async () => {
    const t = tmp();
    const a = open(t.file(), t.cleanup, aesSecrets());
    a.studio.setup(SETUP);
    await a.account.signUp({ serverUrl: srv.server.url, ...owner() });
    const token = a.sync.sessions.get()!.refreshToken!;
    expect(token).toMatch(/^[0-9a-f-]{36}\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect((a.db.prepare("SELECT refresh_token FROM account_session").get() as { refresh_token: string }).refresh_token).toMatch(/^test-aes:/);
    expect(fileBytes(a, t.file()).includes(secretOf(token))).toBe(false);
    // The access token too (short-lived, but it opens the studio's data until it lapses).
    const access = a.sync.sessions.get()!.accessToken!;
    expect((a.db.prepare("SELECT access_token FROM account_session").get() as { access_token: string }).access_token).toMatch(/^test-aes:/);
    expect(fileBytes(a, t.file()).includes(access.split(".")[1]!)).toBe(false);

    srv.clock.advance(60 * 60_000); // the access token lapses: the sealed refresh token is used
    a.clients.create({ kind: "person", name: "After the break" });
    expect(await a.sync.syncNow()).toMatchObject({ state: "online", pending: 0 });
    const rotated = a.sync.sessions.get()!.refreshToken!;
    expect(rotated).not.toBe(token);
    expect(fileBytes(a, t.file()).includes(secretOf(rotated))).toBe(false);
  });

  it("seals a token stored in plain text by an earlier version at the next start, and wipes the plain copy", async () => {
    const t = tmp();
    const before = open(t.file(), () => {}, undefined);
    before.studio.setup(SETUP);
    await before.account.signUp({ serverUrl: srv.server.url, ...owner() });
    const token = before.sync.sessions.get()!.refreshToken!;
    expect(fileBytes(before, t.file()).includes(secretOf(token))).toBe(true);
    opened.splice(0).forEach((o) => o.core.close());

    const key = aesSecrets();
    const after = open(t.file(), t.cleanup, key);
    expect(after.sync.sessions.get()!.refreshToken).toBe(token);
    expect(fileBytes(after, t.file()).includes(secretOf(token))).toBe(false);
    srv.clock.advance(60 * 60_000);
    after.sync.start(); // as the hosts do at launch
    expect(await after.sync.syncNow()).toMatchObject({ state: "online" });

    // Opened where that key is not to be had: asked to log in again, nothing else lost.
    opened.splice(0).forEach((o) => o.core.close());
    const elsewhere = open(t.file(), t.cleanup, aesSecrets());
    expect(elsewhere.account.status()).toMatchObject({ connected: true, loginRequired: expect.stringMatching(/decrypted/) });
  });
});
