import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import { signUp } from "../../sync-server/src/accounts/sign-up";
import { dedicatedDatabases, migrateDedicatedDatabases } from "../../sync-server/src/db/dedicated-databases";
import { schemaVersion } from "../../sync-server/src/db/migrate";
import { PG_MIGRATIONS } from "../../sync-server/src/db/migrations";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { refusal, signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";
import { createMailer } from "../../sync-server/src/accounts/mailer";
import { DocumentMailer } from "../../sync-server/src/documents/document-mailer";
import { replicaDesk } from "./support/replica-desk";
import { startSmtpInbox } from "./support/smtp-inbox";

/**
 * An Enterprise studio in a dedicated database: the tenant directory (in the primary) names it,
 * and the same code serves it from there. Two databases, one server.
 */
let primary: TestDatabase;
let dedicated: TestDatabase;
let srv: TestSyncServer;
let pooled: SessionTokens;
let enterprise: SessionTokens;
const enterpriseInput = signUpInput("enterprise");

const countIn = (db: TestDatabase, table: string, tenantId: string) =>
  asAdmin(db, async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0]!.n);

beforeAll(async () => {
  [primary, dedicated] = await Promise.all([createTestDatabase("directory_primary"), createTestDatabase("directory_dedicated")]);
  srv = await startTestSyncServer(primary);
  pooled = await srv.client().accounts.signUp.mutate(signUpInput("pooled"));
  enterprise = await signUp(srv.deps, enterpriseInput, { database: dedicated.name });
});
afterAll(async () => {
  await srv?.close();
});

describe("tenant directory", () => {
  it("keeps the studio's data in its dedicated database, and only the directory in the primary", async () => {
    const where = async (tenantId: string) => ({
      primary: { locations: await countIn(primary, "locations", tenantId), devices: await countIn(primary, "devices", tenantId), refresh: await countIn(primary, "refresh_tokens", tenantId) },
      dedicated: { locations: await countIn(dedicated, "locations", tenantId), devices: await countIn(dedicated, "devices", tenantId), refresh: await countIn(dedicated, "refresh_tokens", tenantId) },
      directory: { tenants: await countIn(primary, "tenants", tenantId), memberships: await countIn(primary, "memberships", tenantId) },
    });
    expect(await where(enterprise.tenantId)).toEqual({
      primary: { locations: 0, devices: 0, refresh: 0 },
      dedicated: { locations: 1, devices: 1, refresh: 1 },
      directory: { tenants: 1, memberships: 1 },
    });
    expect(await where(pooled.tenantId)).toEqual({
      primary: { locations: 1, devices: 1, refresh: 1 },
      dedicated: { locations: 0, devices: 0, refresh: 0 },
      directory: { tenants: 1, memberships: 1 },
    });
    expect(await asAdmin(dedicated, async (c) => (await c.query("SELECT count(*)::int AS n FROM users")).rows[0].n)).toBe(0);
  });

  it("serves the dedicated studio through the API with the same code: me, devices, login, refresh, revoke", async () => {
    const owner = srv.client(enterprise.accessToken);
    await expect(owner.accounts.me.query()).resolves.toMatchObject({ tenantId: enterprise.tenantId, studioName: "Studio enterprise" });
    srv.clock.advance(1000);
    const laptop = await srv.client().accounts.logIn.mutate({ email: enterpriseInput.owner.email, password: enterpriseInput.owner.password, device: { name: "Laptop" } });
    expect(await countIn(dedicated, "devices", enterprise.tenantId)).toBe(2);
    expect((await owner.devices.list.query()).map((d) => d.name)).toEqual(["Laptop", "Desk enterprise"]);
    const rotated = await srv.client().accounts.refresh.mutate({ refreshToken: laptop.refreshToken });
    expect(rotated.deviceId).toBe(laptop.deviceId);
    await owner.devices.revoke.mutate({ deviceId: laptop.deviceId });
    expect((await refusal(srv.client(rotated.accessToken).accounts.me.query())).appCode).toBe("DEVICE_REVOKED");
  });

  it("keeps the two studios apart across databases", async () => {
    expect((await refusal(srv.client(pooled.accessToken).devices.revoke.mutate({ deviceId: enterprise.deviceId }))).appCode).toBe("NOT_FOUND");
    expect((await refusal(srv.client(enterprise.accessToken).devices.revoke.mutate({ deviceId: pooled.deviceId }))).appCode).toBe("NOT_FOUND");
    expect((await srv.client(pooled.accessToken).devices.list.query()).map((d) => d.id)).toEqual([pooled.deviceId]);
    // A refresh token of the pooled studio relabelled with the dedicated one's id finds nothing there.
    const [, id, secret] = pooled.refreshToken.split(".");
    expect((await refusal(srv.client().accounts.refresh.mutate({ refreshToken: `${enterprise.tenantId}.${id}.${secret}` }))).appCode).toBe("UNAUTHENTICATED");
  });

  it("lists dedicated databases for migration, and brings each to the primary's schema", async () => {
    expect(await dedicatedDatabases(primary.admin)).toEqual([dedicated.name]);
    expect(await migrateDedicatedDatabases(primary.admin, () => {})).toEqual([dedicated.name]);
    expect(await asAdmin(dedicated, (c) => schemaVersion(c))).toBe(PG_MIGRATIONS.length);
  });

  it("sends the documents an Enterprise studio queued, from its dedicated database, through SMTP", async () => {
    const inbox = await startSmtpInbox();
    const desk = replicaDesk(srv, enterprise, enterpriseInput.studioName, "enterprise-mail");
    try {
      await desk.engine.syncOnce();
      const clientId = desk.core.clients.create({ kind: "person", name: "Nina Roux", email: "nina@example.fr" }).id;
      const draft = desk.core.documents.invoices.create({ clientId, lines: [{ kind: "custom", label: "Mixage", quantityMilli: 1000, unitPriceCents: 30000 }] });
      const queued = await desk.core.documents.send({ documentKind: "invoice", documentId: desk.core.documents.invoices.issue(draft.id).id });
      await desk.engine.syncOnce();
      expect(await countIn(dedicated, "document_emails", enterprise.tenantId)).toBe(1);

      await new DocumentMailer(srv.deps.databases, createMailer(inbox.url, "Studio <studio@localhost>", () => {}), () => {}).runOnce();
      await inbox.mailFor("nina@example.fr", 0);
      await desk.engine.syncOnce();
      expect(desk.core.documents.emails.status(queued.id).status).toBe("sent");
    } finally {
      desk.close();
      await inbox.close();
    }
  });

  it("removes the directory rows again when the dedicated database cannot take the studio", async () => {
    const input = signUpInput("nowhere");
    await expect(signUp(srv.deps, input, { database: "no_such_database" })).rejects.toThrow(/no_such_database/);
    const left = await asAdmin(primary, async (c) => (await c.query("SELECT count(*)::int AS n FROM users WHERE email_key = $1", [input.owner.email])).rows[0].n);
    expect(left).toBe(0);
    // The email is free again.
    await expect(srv.client().accounts.signUp.mutate(input)).resolves.toMatchObject({ role: "owner" });
  });
});
