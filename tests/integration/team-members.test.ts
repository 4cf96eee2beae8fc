import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import { asAdmin, type TestDatabase } from "./support/postgres";
import type { SmtpInbox } from "./support/smtp-inbox";
import { refusal, signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";
import { memberSession } from "./support/team";
import { invitationCodeIn, startTeamStudio, type TeamStudio } from "./support/team-studio";

/** The Users screen's server side: invitations over real SMTP, roles, scopes, removal. */
let t: TeamStudio;
let smtp: SmtpInbox;
let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
let paris: string;
let london: string;
let studio: TeamStudio["studio"];

beforeAll(async () => {
  t = await startTeamStudio("members");
  ({ smtp, db, srv, owner, paris, london, studio } = t);
});
afterAll(async () => {
  await t?.close();
});

async function invite(email: string, role: "front_desk" | "admin" | "engineer", locationIds: string[] | null, by = owner): Promise<string> {
  const since = smtp.mails.length;
  await srv.client(by.accessToken).members.invite.mutate({ email, role, locationIds });
  return invitationCodeIn(await smtp.mailFor(email, since));
}

describe("members", () => {
  it("invites by mail; the invitee joins with the code once, with the role and scope given, and appears in the list", async () => {
    const token = await invite("camille@example.com", "front_desk", [paris]);
    const accept = () => srv.client().accounts.acceptInvitation.mutate({ token, name: "Camille", password: "a long password 1", device: { name: "Front desk" } });
    const session = await accept();
    expect(session).toMatchObject({ tenantId: owner.tenantId, role: "front_desk" });
    expect(await srv.client(session.accessToken).accounts.access.query()).toEqual({ role: "front_desk", locationIds: [paris], delegations: [] });
    expect(await refusal(accept())).toMatchObject({ appCode: "INVITATION_INVALID" });
    expect(await refusal(srv.client().accounts.acceptInvitation.mutate({ token: `${token.slice(0, -2)}xx`, name: "X", password: "a long password 1", device: { name: "D" } }))).toMatchObject({ appCode: "INVITATION_INVALID" });

    const list = await srv.client(owner.accessToken).members.list.query();
    expect(list.find((m) => m.email === "camille@example.com")).toEqual({
      userId: session.userId, name: "Camille", email: "camille@example.com", role: "front_desk", locationIds: [paris], totpEnabled: false, devices: 1, lastSeenAt: expect.any(String),
    });
    expect(list.find((m) => m.userId === owner.userId)).toMatchObject({ role: "owner", locationIds: null });
    expect(await refusal(srv.client(owner.accessToken).members.invite.mutate({ email: "CAMILLE@example.com", role: "viewer", locationIds: null }))).toMatchObject({ appCode: "ALREADY_MEMBER" });
  });

  it("a person with an account elsewhere joins with their own password, and an invitation expires", async () => {
    const other = signUpInput("other-studio");
    await srv.client().accounts.signUp.mutate(other);
    const token = await invite(other.owner.email, "engineer", null);
    expect(await refusal(srv.client().accounts.acceptInvitation.mutate({ token, name: "Whoever", password: "not my password!", device: { name: "D" } }))).toMatchObject({ appCode: "INVALID_CREDENTIALS" });
    const joined = await srv.client().accounts.acceptInvitation.mutate({ token, name: "Ignored", password: other.owner.password, device: { name: "D" } });
    expect(joined).toMatchObject({ tenantId: owner.tenantId, role: "engineer" });
    // Now in two studios: logging in asks which.
    expect(await refusal(srv.client().accounts.logIn.mutate({ email: other.owner.email, password: other.owner.password, device: { name: "D" } }))).toMatchObject({ appCode: "TENANT_REQUIRED" });

    const late = await invite("late@example.com", "engineer", null);
    srv.clock.advance(8 * 86_400_000);
    try {
      expect(await refusal(srv.client().accounts.acceptInvitation.mutate({ token: late, name: "Late", password: "a long password 1", device: { name: "D" } }))).toMatchObject({ appCode: "INVITATION_INVALID" });
    } finally {
      srv.clock.advance(-8 * 86_400_000);
    }
  });

  it("an admin sets roles and scopes within their own reach; never demotes an owner; the last owner stays", async () => {
    const admin = await memberSession(srv, db, owner.tenantId, "admin");
    const parisAdmin = await memberSession(srv, db, owner.tenantId, "admin", [paris]);
    const desk = await memberSession(srv, db, owner.tenantId, "front_desk", [paris]);
    const a = srv.client(admin.accessToken);
    expect(await a.members.setRole.mutate({ userId: desk.userId, role: "manager" })).toEqual({ userId: desk.userId, role: "manager" });
    expect(await a.members.setLocations.mutate({ userId: desk.userId, locationIds: [paris, london] })).toEqual({ userId: desk.userId, locationIds: [paris, london] });
    expect(await refusal(a.members.setRole.mutate({ userId: owner.userId, role: "admin" }))).toMatchObject({ appCode: "FORBIDDEN" });
    expect(await refusal(a.members.setRole.mutate({ userId: desk.userId, role: "owner" }))).toMatchObject({ appCode: "FORBIDDEN" });
    expect(await refusal(a.members.remove.mutate({ userId: owner.userId }))).toMatchObject({ appCode: "FORBIDDEN" });
    // A Paris admin: not over London, not over someone working in London too.
    const p = srv.client(parisAdmin.accessToken);
    expect(await refusal(p.members.invite.mutate({ email: "x@example.com", role: "engineer", locationIds: [london] }))).toMatchObject({ appCode: "LOCATION_FORBIDDEN" });
    expect(await refusal(p.members.invite.mutate({ email: "x@example.com", role: "engineer", locationIds: null }))).toMatchObject({ appCode: "LOCATION_FORBIDDEN" });
    expect(await refusal(p.members.setRole.mutate({ userId: desk.userId, role: "engineer" }))).toMatchObject({ appCode: "LOCATION_FORBIDDEN" });
    // A front desk manages nobody.
    const frontDesk = await memberSession(srv, db, owner.tenantId, "front_desk");
    expect(await refusal(srv.client(frontDesk.accessToken).members.list.query())).toMatchObject({ appCode: "FORBIDDEN", details: { permission: "users.manage" } });

    // The last owner: neither demoted nor removed, even by themself; with a second owner, yes.
    const o = srv.client(owner.accessToken);
    expect(await refusal(o.members.setRole.mutate({ userId: owner.userId, role: "admin" }))).toMatchObject({ appCode: "LAST_OWNER" });
    expect(await refusal(o.members.remove.mutate({ userId: owner.userId }))).toMatchObject({ appCode: "LAST_OWNER" });
    await o.members.setRole.mutate({ userId: admin.userId, role: "owner" });
    expect(await o.members.setRole.mutate({ userId: owner.userId, role: "admin" })).toEqual({ userId: owner.userId, role: "admin" });
    await srv.client(admin.accessToken).members.setRole.mutate({ userId: owner.userId, role: "owner" });
  });

  it("removing a member ends their sessions at once, and writes the changes to the audit log", async () => {
    const leaving = await memberSession(srv, db, owner.tenantId, "engineer");
    expect(await srv.client(leaving.accessToken).accounts.access.query()).toMatchObject({ role: "engineer" });
    await srv.client(owner.accessToken).members.remove.mutate({ userId: leaving.userId });
    expect(await refusal(srv.client(leaving.accessToken).accounts.access.query())).toMatchObject({ appCode: "DEVICE_REVOKED" });
    expect(await refusal(srv.client().accounts.refresh.mutate({ refreshToken: leaving.refreshToken }))).toMatchObject({ appCode: "DEVICE_REVOKED" });
    expect((await srv.client(owner.accessToken).members.list.query()).some((m) => m.userId === leaving.userId)).toBe(false);
    const actions = await asAdmin(db, async (c) => (await c.query<{ action: string }>("SELECT action FROM audit_events WHERE tenant_id = $1 AND kind = 'security' ORDER BY at, seq", [owner.tenantId])).rows.map((r) => r.action));
    expect(actions).toEqual(expect.arrayContaining(["member.invited", "member.joined", "member.role_changed", "member.scope_changed", "member.removed"]));
  });

  it("says so when the server cannot send mail", async () => {
    const mailless = await startTestSyncServer(db);
    try {
      expect(await refusal(mailless.client(owner.accessToken).members.invite.mutate({ email: "nomail@example.com", role: "viewer", locationIds: null }))).toMatchObject({ appCode: "MAIL_DISABLED" });
    } finally {
      await mailless.close();
    }
  });
});
