import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../db/migrate";
import { MIGRATIONS } from "../db/migrations";
import { openDatabase, type Db } from "../db/open-database";
import { tempDir } from "../test-fixtures";
import { AccountSessionStore } from "./account-session-store";
import { openSecret, PLAIN_SECRETS, sealSecret, type SecretProtector } from "./secret-protector";

/** A reversible, keyed transform: enough to tell which scheme wrote a value (the AES one lives in tests/integration). */
const reversed: SecretProtector = { scheme: "reversed", protect: (s) => [...s].reverse().join(""), reveal: (s) => [...s].reverse().join("") };
const broken: SecretProtector = { scheme: "reversed", protect: (s) => s, reveal: () => { throw new Error("key unavailable"); } };
const TOKEN = "0192f0c4-1c6e-7000-8000-000000000001.0192f0c4-1c6e-7000-8000-000000000002.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

describe("openSecret", () => {
  it.each([
    ["plain text, plain store", PLAIN_SECRETS, TOKEN, { ok: true, secret: TOKEN, reseal: false }],
    ["plain text from before, sealing store", reversed, TOKEN, { ok: true, secret: TOKEN, reseal: true }],
    ["sealed by this scheme", reversed, sealSecret(reversed, TOKEN), { ok: true, secret: TOKEN, reseal: false }],
    ["sealed, opened where there is no keychain", PLAIN_SECRETS, sealSecret(reversed, TOKEN), { ok: false }],
    ["sealed, the key is gone", broken, sealSecret(reversed, TOKEN), { ok: false }],
  ] as const)("%s", (_label, protector, stored, expected) => {
    expect(openSecret(protector, stored)).toMatchObject(expected);
  });

  it("the plain store writes the token as it is, a sealing one with its scheme first", () => {
    expect(sealSecret(PLAIN_SECRETS, TOKEN)).toBe(TOKEN);
    expect(sealSecret(reversed, TOKEN)).toBe(`reversed:${[...TOKEN].reverse().join("")}`);
  });
});

let db: Db | null = null;
let cleanup = () => {};
afterEach(() => {
  db?.close();
  cleanup();
});

function at(version: number): Db {
  const tmp = tempDir("rsm-session-store-");
  cleanup = tmp.cleanup;
  db = openDatabase(tmp.file());
  migrate(db, version);
  return db;
}

const session = (d: Db, token: string | null) =>
  d.prepare(
    `INSERT INTO account_session (singleton, server_url, tenant_id, user_id, email, role, device_id, refresh_token, refresh_expires_at, connected_at)
     VALUES (1, 'https://sync.example', 't1', 'u1', ' Owner@Studio.fr ', 'owner', 'd1', ?, 1, '2026-06-01T09:00:00.000Z')`,
  ).run(token);

describe("AccountSessionStore", () => {
  it("an upgraded desk remembers its device id for that person, whatever the email's case", () => {
    // Written by the build before account devices (migration 009).
    const d = at(MIGRATIONS.findIndex((m) => m.name === "account devices"));
    session(d, TOKEN);
    migrate(d);
    const store = new AccountSessionStore(d);
    expect(store.knownDevice("https://sync.example", "owner@studio.fr")).toBe("d1");
    expect(store.knownDevice("https://other.example", "owner@studio.fr")).toBeNull();
    // Logging out keeps it, and queues the token for the server.
    store.logOutLocally("2026-06-02T09:00:00.000Z");
    expect(store.status()).toMatchObject({ connected: false, serverLogOutPending: true });
    expect(store.knownDevice("https://sync.example", "OWNER@studio.fr")).toBe("d1");
  });

  it("seals a plain token at start (and the one waiting for a logout), and reads it back", () => {
    const d = at(MIGRATIONS.length);
    session(d, TOKEN);
    d.prepare("INSERT INTO pending_log_outs (server_url, refresh_token, logged_out_at) VALUES ('https://sync.example', ?, 'x')").run(TOKEN);
    const store = new AccountSessionStore(d, reversed);
    expect(store.get()?.refreshToken).toBe(TOKEN);
    expect(d.prepare("SELECT refresh_token AS t FROM account_session UNION ALL SELECT refresh_token FROM pending_log_outs").all()).toEqual([
      { t: sealSecret(reversed, TOKEN) },
      { t: sealSecret(reversed, TOKEN) },
    ]);
  });

  it("a token it cannot read asks for a new login with the reason, and keeps the link", () => {
    const d = at(MIGRATIONS.length);
    session(d, sealSecret(reversed, TOKEN));
    const store = new AccountSessionStore(d, broken);
    expect(store.status()).toMatchObject({ connected: true, loginRequired: expect.stringContaining("key unavailable") });
    expect(store.get()?.refreshToken).toBeNull();
  });
});
