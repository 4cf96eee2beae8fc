import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import { createMailer } from "../../sync-server/src/accounts/mailer";
import { asAdmin, type TestDatabase } from "./support/postgres";
import type { SmtpInbox } from "./support/smtp-inbox";
import { refusal, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";
import { memberSession } from "./support/team";
import { invitationCodeIn, startTeamStudio, type TeamStudio } from "./support/team-studio";

/** Pending invitations on the Users screen: listed without their code, cancelled, resent over real SMTP. */
let t: TeamStudio;
let smtp: SmtpInbox;
let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
let paris: string;
let london: string;
let studio: TeamStudio["studio"];

beforeAll(async () => {
  t = await startTeamStudio("invitations");
  ({ smtp, db, srv, owner, paris, london, studio } = t);
});
afterAll(async () => {
  await t?.close();
});

async function invite(email: string, locationIds: string[] | null = null): Promise<{ token: string; invitationId: string }> {
  const since = smtp.mails.length;
  const { invitationId } = await srv.client(owner.accessToken).members.invite.mutate({ email, role: "engineer", locationIds });
  return { token: invitationCodeIn(await smtp.mailFor(email, since)), invitationId };
}

const accept = (token: string, name = "Invitee") => srv.client().accounts.acceptInvitation.mutate({ token, name, password: "a long password 1", device: { name: "Laptop" } });
const securityActions = () =>
  asAdmin(db, async (c) => (await c.query<{ action: string; row_id: string; details: Record<string, unknown> }>(
    "SELECT action, row_id::text, details FROM audit_events WHERE tenant_id = $1 AND kind = 'security' AND action LIKE 'member.invitation_%' ORDER BY at, seq", [owner.tenantId],
  )).rows);

describe("pending invitations", () => {
  it("lists a pending invitation with who sent it and when it expires, never its code; an accepted one leaves the list", async () => {
    const { token, invitationId } = await invite("listed@example.com", [paris]);
    const list = await srv.client(owner.accessToken).members.invitations.list.query();
    const row = list.find((i) => i.invitationId === invitationId);
    expect(row).toEqual({
      invitationId, email: "listed@example.com", role: "engineer", locationIds: [paris], invitedByName: studio.owner.name,
      sentAt: expect.any(String), expiresAt: expect.any(String),
    });
    expect(Date.parse(row!.expiresAt) - Date.parse(row!.sentAt)).toBe(7 * 86_400_000);
    const secret = token.split(".").at(-1)!;
    expect(JSON.stringify(list)).not.toContain(secret);
    expect(Object.keys(row!)).not.toContain("token");

    await accept(token, "Listed");
    expect((await srv.client(owner.accessToken).members.invitations.list.query()).some((i) => i.invitationId === invitationId)).toBe(false);
  });

  it("a cancelled invitation's code answers INVITATION_CANCELLED; it leaves the list and cannot be cancelled twice", async () => {
    const { token, invitationId } = await invite("cancelled@example.com");
    const o = srv.client(owner.accessToken);
    expect(await o.members.invitations.cancel.mutate({ invitationId })).toEqual({ invitationId });
    expect(await refusal(accept(token))).toMatchObject({ appCode: "INVITATION_CANCELLED" });
    // A wrong secret for the same invitation still says nothing about it.
    expect(await refusal(accept(`${token.slice(0, -2)}xx`))).toMatchObject({ appCode: "INVITATION_INVALID" });
    expect((await o.members.invitations.list.query()).some((i) => i.invitationId === invitationId)).toBe(false);
    expect(await refusal(o.members.invitations.cancel.mutate({ invitationId }))).toMatchObject({ appCode: "NOT_FOUND" });
    expect(await refusal(o.members.invitations.resend.mutate({ invitationId }))).toMatchObject({ appCode: "NOT_FOUND" });
  });

  it("inviting the same address again replaces the pending invitation: one line, the first code dead, the latest role taken", async () => {
    const first = await invite("twice@example.com", [paris]);
    const since = smtp.mails.length;
    const { invitationId } = await srv.client(owner.accessToken).members.invite.mutate({ email: "twice@example.com", role: "front_desk", locationIds: null });
    const second = invitationCodeIn(await smtp.mailFor("twice@example.com", since));
    const listed = (await srv.client(owner.accessToken).members.invitations.list.query()).filter((i) => i.email.toLowerCase() === "twice@example.com");
    expect(listed.map((i) => [i.invitationId, i.role])).toEqual([[invitationId, "front_desk"]]);
    expect((await refusal(accept(first.token, "Twice"))).appCode).toBe("INVITATION_CANCELLED");
    await expect(accept(second, "Twice")).resolves.toMatchObject({ role: "front_desk" });
  });

  it("resending mails a new code that works, and the old code is dead", async () => {
    const { token: oldToken, invitationId } = await invite("resent@example.com", [london]);
    const since = smtp.mails.length;
    const resent = await srv.client(owner.accessToken).members.invitations.resend.mutate({ invitationId });
    expect(resent).toMatchObject({ email: "resent@example.com", expiresAt: expect.any(Number) });
    expect(resent.invitationId).not.toBe(invitationId);
    const newToken = invitationCodeIn(await smtp.mailFor("resent@example.com", since));
    expect(newToken).not.toBe(oldToken);

    const list = await srv.client(owner.accessToken).members.invitations.list.query();
    expect(list.filter((i) => i.email === "resent@example.com").map((i) => i.invitationId)).toEqual([resent.invitationId]);
    expect(await refusal(accept(oldToken))).toMatchObject({ appCode: "INVITATION_CANCELLED" });
    const session = await accept(newToken, "Resent");
    expect(session).toMatchObject({ tenantId: owner.tenantId, role: "engineer" });
    expect(await srv.client(session.accessToken).accounts.access.query()).toMatchObject({ role: "engineer", locationIds: [london] });
  });

  it("when the new mail cannot leave, nothing changes: the old code still works", async () => {
    const { token, invitationId } = await invite("keep@example.com");
    // A mailer whose SMTP server does not answer (port 1 refuses connections).
    const broken = await startTestSyncServer(db, { mailer: createMailer("smtp://127.0.0.1:1", "Studio <studio@example.com>", () => {}) });
    try {
      expect(await refusal(broken.client(owner.accessToken).members.invitations.resend.mutate({ invitationId }))).toMatchObject({ appCode: "MAIL_FAILED" });
    } finally {
      await broken.close();
    }
    expect((await srv.client(owner.accessToken).members.invitations.list.query()).filter((i) => i.email === "keep@example.com").map((i) => i.invitationId)).toEqual([invitationId]);
    expect(await accept(token, "Kept")).toMatchObject({ role: "engineer" });
  });

  it("needs the permission to invite, and the reach of the invitation's locations", async () => {
    const { invitationId } = await invite("guarded@example.com", [london]);
    const desk = await memberSession(srv, db, owner.tenantId, "front_desk");
    const d = srv.client(desk.accessToken);
    // Each call made only when awaited: a refusal never waits unhandled behind another.
    for (const call of [() => d.members.invitations.list.query(), () => d.members.invitations.cancel.mutate({ invitationId }), () => d.members.invitations.resend.mutate({ invitationId })]) {
      expect(await refusal(call())).toMatchObject({ appCode: "FORBIDDEN", details: { permission: "users.manage" } });
    }
    const parisAdmin = await memberSession(srv, db, owner.tenantId, "admin", [paris]);
    expect(await refusal(srv.client(parisAdmin.accessToken).members.invitations.cancel.mutate({ invitationId }))).toMatchObject({ appCode: "LOCATION_FORBIDDEN" });
    // Refused calls changed nothing.
    expect((await srv.client(owner.accessToken).members.invitations.list.query()).some((i) => i.invitationId === invitationId)).toBe(true);
  });

  it("writes each cancellation and resend to the audit log as a security event", async () => {
    const before = (await securityActions()).length;
    const { invitationId: a } = await invite("audit-cancel@example.com");
    const { invitationId: b } = await invite("audit-resend@example.com");
    await srv.client(owner.accessToken).members.invitations.cancel.mutate({ invitationId: a });
    const resent = await srv.client(owner.accessToken).members.invitations.resend.mutate({ invitationId: b });
    const rows = (await securityActions()).slice(before);
    expect(rows).toEqual([
      { action: "member.invitation_cancelled", row_id: a, details: { email: "audit-cancel@example.com", role: "engineer", locationIds: null } },
      { action: "member.invitation_resent", row_id: b, details: { email: "audit-resend@example.com", role: "engineer", locationIds: null, newInvitationId: resent.invitationId } },
    ]);
  });
});
