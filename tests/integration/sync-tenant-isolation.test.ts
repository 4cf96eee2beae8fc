import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import { AccessTokens } from "../../sync-server/src/accounts/access-token";
import { authenticate } from "../../sync-server/src/accounts/authenticate";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { insertClient } from "./support/studio-rows";
import { refusal, signUpInput, startTestSyncServer, TEST_TOKEN_SECRET, type TestSyncServer } from "./support/sync-test-server";

/**
 * With studio A's credentials, nothing of studio B can be read or written: through the API, and
 * through the very transaction A's requests run in, even with a query that forgets its filter.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let a: SessionTokens;
let b: SessionTokens;

beforeAll(async () => {
  db = await createTestDatabase("isolation");
  srv = await startTestSyncServer(db);
  a = await srv.client().accounts.signUp.mutate(signUpInput("a"));
  b = await srv.client().accounts.signUp.mutate(signUpInput("b"));
});
afterAll(async () => {
  await srv?.close();
});

describe("tenant isolation through the API", () => {
  it("A's token reads A's studio and devices only", async () => {
    expect(await srv.client(a.accessToken).accounts.me.query()).toMatchObject({ tenantId: a.tenantId, studioName: "Studio a" });
    const devices = await srv.client(a.accessToken).devices.list.query();
    expect(devices.map((d) => d.id)).toEqual([a.deviceId]);
  });

  it("A's token cannot revoke B's device: not found, and B keeps working", async () => {
    expect(await refusal(srv.client(a.accessToken).devices.revoke.mutate({ deviceId: b.deviceId }))).toMatchObject({ appCode: "NOT_FOUND", httpStatus: 404 });
    await expect(srv.client(b.accessToken).accounts.me.query()).resolves.toMatchObject({ tenantId: b.tenantId });
    await expect(srv.client().accounts.refresh.mutate({ refreshToken: b.refreshToken })).resolves.toMatchObject({ tenantId: b.tenantId });
  });

  it("a token naming B's studio with A's device (as a bug might mint) finds no device there", async () => {
    const tokens = new AccessTokens(TEST_TOKEN_SECRET, 900);
    const mixed = tokens.issue({ sub: a.userId, tid: b.tenantId, did: a.deviceId, role: "owner" }, srv.clock.ms).token;
    expect(await refusal(srv.client(mixed).devices.list.query())).toMatchObject({ appCode: "UNAUTHENTICATED", httpStatus: 401 });
  });

  it("A's refresh token cannot be replayed as B's", async () => {
    const [, id, secret] = a.refreshToken.split(".");
    expect(await refusal(srv.client().accounts.refresh.mutate({ refreshToken: `${b.tenantId}.${id}.${secret}` }))).toMatchObject({ appCode: "UNAUTHENTICATED" });
  });
});

describe("tenant isolation inside A's request context", () => {
  it("unfiltered reads of every tenant table return none of B's rows; unfiltered writes touch none", async () => {
    // The very context A's requests run in (authedProcedure builds it the same way).
    const auth = await authenticate(srv.deps, `Bearer ${a.accessToken}`);
    await auth.inTenant((tx) => insertClient(tx, a.tenantId, "A's client"));
    const bAuth = await authenticate(srv.deps, `Bearer ${b.accessToken}`);
    await bAuth.inTenant((tx) => insertClient(tx, b.tenantId, "B's client"));

    const seen = await auth.inTenant(async (tx) => {
      const tables = ["tenants", "tenant_directory", "memberships", "devices", "refresh_tokens", "locations", "clients", "tenant_versions"];
      const out: Record<string, string[]> = {};
      for (const t of tables) out[t] = (await tx.query<{ tenant_id: string }>(`SELECT tenant_id FROM ${t}`)).rows.map((r) => r.tenant_id);
      return out;
    });
    for (const [table, tenants] of Object.entries(seen)) {
      expect(tenants.length, table).toBeGreaterThan(0);
      expect(tenants.every((t) => t === a.tenantId), table).toBe(true);
    }
    const writes = await auth.inTenant(async (tx) => ({
      renamed: (await tx.query("UPDATE devices SET name = 'renamed'")).rowCount,
      deleted: (await tx.query("UPDATE clients SET deleted_at = now()")).rowCount,
    }));
    expect(writes).toEqual({ renamed: 1, deleted: 1 });
    const bView = await bAuth.inTenant(async (tx) => ({
      devices: (await tx.query("SELECT name FROM devices")).rows,
      clients: (await tx.query("SELECT name, deleted_at FROM clients")).rows,
    }));
    expect(bView).toEqual({ devices: [{ name: "Desk b" }], clients: [{ name: "B's client", deleted_at: null }] });
    await expect(auth.inTenant((tx) => insertClient(tx, b.tenantId, "planted"))).rejects.toThrow(/row-level security/);
  });
});
