import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import type { AuditEntry } from "../../shared/schemas/team";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { readCsv } from "./support/csv-read";
import { clientWire, SimDevice } from "./support/sync-device";
import { refusal, signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";
import { MEMBER_PASSWORD, memberSession, pushAs, statusOf } from "./support/team";

/** The audit log: every applied change (who, when, device, HLC, changed fields before/after) and security events. */
let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
const studio = signUpInput("audit");

beforeAll(async () => {
  db = await createTestDatabase("team_audit");
  srv = await startTestSyncServer(db);
  owner = await srv.client().accounts.signUp.mutate(studio);
});
afterAll(async () => {
  await srv?.close();
});

async function allEvents(token: string, filter: { kind?: "change" | "security"; entity?: string; userId?: string } = {}, limit = 2): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (let cursor: string | null = null; ; ) {
    const page = await srv.client(token).audit.list.query({ ...filter, cursor, limit });
    out.push(...page.events);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

describe("audit log", () => {
  it("records each applied change with who, device, HLC, and only the changed fields before and after", async () => {
    const d = new SimDevice("desk-audit");
    const insert = d.insert("client", clientWire("Ada"));
    const rename = d.update("client", insert.rowId, { name: "Ada Lovelace", notes: "Pays on time" });
    expect((await pushAs(srv, owner, [insert, rename])).results.map(statusOf)).toEqual(["applied", "applied"]);
    // Replayed: no second line.
    await pushAs(srv, owner, [insert, rename]);
    const changes = await allEvents(owner.accessToken, { entity: "client" });
    expect(changes).toHaveLength(2);
    const [updated, inserted] = changes;
    expect(updated).toMatchObject({
      kind: "change", action: "update", entity: "client", rowId: insert.rowId, userId: owner.userId, userName: studio.owner.name, deviceId: owner.deviceId, hlc: rename.hlc,
      before: { name: "Ada", notes: null }, after: { name: "Ada Lovelace", notes: "Pays on time" },
    });
    expect(inserted).toMatchObject({ action: "insert", before: null, after: clientWire("Ada"), hlc: insert.hlc });
    expect(new Date(updated!.at).getTime()).toBe(srv.clock.ms);
  });

  it("records security events: failed and successful logins, device revocation, role change, refresh reuse", async () => {
    // A second between events: the log orders by time (events of one millisecond have no order).
    const tick = () => srv.clock.advance(1000);
    const member = await memberSession(srv, db, owner.tenantId, "front_desk");
    tick();
    await refusal(srv.client(undefined, "203.0.113.9").accounts.logIn.mutate({ email: member.email, password: "wrong password", device: { name: "X" } }));
    tick();
    const again = await srv.client(undefined, "203.0.113.10").accounts.logIn.mutate({ email: member.email, password: MEMBER_PASSWORD, device: { name: "Laptop" } });
    tick();
    await srv.client(owner.accessToken).devices.revoke.mutate({ deviceId: again.deviceId });
    tick();
    await srv.client(owner.accessToken).members.setRole.mutate({ userId: member.userId, role: "manager" });
    tick();
    const rotated = await srv.client().accounts.refresh.mutate({ refreshToken: member.refreshToken });
    tick();
    await refusal(srv.client().accounts.refresh.mutate({ refreshToken: member.refreshToken }));
    expect(rotated.role).toBe("manager");

    const security = await allEvents(owner.accessToken, { kind: "security" }, 3);
    const about = security.filter((e) => e.userId === member.userId || e.rowId === member.userId || e.rowId === again.deviceId);
    expect(about.map((e) => e.action).reverse()).toEqual(["login.ok", "login.failed", "login.ok", "device.revoked", "member.role_changed", "refresh.reused"]);
    const failed = about.find((e) => e.action === "login.failed")!;
    expect(failed).toMatchObject({ ip: "203.0.113.9", details: { email: member.email, reason: "password" } });
    expect(about.find((e) => e.ip === "203.0.113.10")).toMatchObject({ action: "login.ok", deviceId: again.deviceId });
    expect(about.find((e) => e.action === "member.role_changed")).toMatchObject({ userId: owner.userId, before: { role: "front_desk" }, after: { role: "manager" } });
    expect(security.every((e) => e.kind === "security")).toBe(true);
    expect((await allEvents(owner.accessToken, { userId: member.userId }, 50)).every((e) => e.userId === member.userId)).toBe(true);
  });

  it("is for audit.view: an accountant reads it, a front desk does not; exported as CSV that reads back", async () => {
    const accountant = await memberSession(srv, db, owner.tenantId, "accountant");
    const frontDesk = await memberSession(srv, db, owner.tenantId, "front_desk");
    expect(await refusal(srv.client(frontDesk.accessToken).audit.list.query({ limit: 5 }))).toMatchObject({ appCode: "FORBIDDEN" });
    const listed = await allEvents(accountant.accessToken, {}, 100);
    const exported = await srv.client(accountant.accessToken).audit.exportCsv.query({});
    expect(exported.rows).toBe(listed.length);
    const [header, ...rows] = readCsv(exported.csv);
    expect(header).toEqual(["at", "kind", "action", "user", "user_id", "device_id", "entity", "row_id", "hlc", "before", "after", "ip", "details"]);
    expect(rows.map((r) => r[0])).toEqual(listed.map((e) => e.at));
    const update = rows.find((r) => r[2] === "update" && r[6] === "client")!;
    expect(JSON.parse(update[9]!)).toEqual({ name: "Ada", notes: null });
    expect(JSON.parse(update[10]!)).toEqual({ name: "Ada Lovelace", notes: "Pays on time" });
    const onlyChanges = readCsv((await srv.client(accountant.accessToken).audit.exportCsv.query({ kind: "change" })).csv).slice(1);
    expect(onlyChanges.length).toBeGreaterThan(0);
    expect(onlyChanges.every((r) => r[1] === "change")).toBe(true);
    const future = new Date(srv.clock.ms + 60_000).toISOString();
    expect((await srv.client(accountant.accessToken).audit.list.query({ from: future, limit: 5 })).events).toEqual([]);
  });
});
