import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../../sync-server/src/accounts/mailer";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { bodyOf, startSmtpInbox, type ReceivedMail, type SmtpInbox } from "./support/smtp-inbox";
import { refusal, signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/** Password reset end to end: nodemailer → a real SMTP server (smtp-server) → the code in the mail → a new password. */
let smtp: SmtpInbox;
let db: TestDatabase;
let srv: TestSyncServer;

beforeAll(async () => {
  smtp = await startSmtpInbox();
  db = await createTestDatabase("reset");
  srv = await startTestSyncServer(db, { mailer: createMailer(smtp.url, "Studio <studio@example.com>", () => {}) });
});
afterAll(async () => {
  await srv?.close();
  await smtp?.close();
});


/** The reset code: the indented line of the mail's text. */
function codeIn(mail: ReceivedMail): string {
  const match = /^ {4}([A-Za-z0-9_-]{43})\s*$/m.exec(bodyOf(mail));
  if (!match) throw new Error(`No reset code in the mail:\n${mail.raw}`);
  return match[1]!;
}

describe("password reset", () => {
  it("mails a code that sets a new password once, ends old sessions, and the new password logs in", async () => {
    const input = signUpInput("reset");
    const session = await srv.client().accounts.signUp.mutate(input);
    const before = smtp.mails.length;
    await expect(srv.client().accounts.requestPasswordReset.mutate({ email: "OWNER.reset@example.com" })).resolves.toEqual({ accepted: true });
    const mail = await smtp.mailFor(input.owner.email, before);
    expect(mail.raw).toMatch(/^From: Studio <studio@example.com>/m);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(bodyOf(mail)).toContain("Si vous n'avez rien demandé");
    expect(bodyOf(mail)).toContain("To choose a new password, paste this code into the app (valid for 60 minutes)");
    const code = codeIn(mail);

    await expect(srv.client().accounts.resetPassword.mutate({ token: code, newPassword: "a brand new password" })).resolves.toEqual({ ok: true });
    const creds = { email: input.owner.email, device: { name: "Desk" } };
    expect((await refusal(srv.client().accounts.logIn.mutate({ ...creds, password: input.owner.password }))).appCode).toBe("INVALID_CREDENTIALS");
    await expect(srv.client().accounts.logIn.mutate({ ...creds, password: "a brand new password" })).resolves.toMatchObject({ tenantId: session.tenantId });
    // Once only.
    expect(await refusal(srv.client().accounts.resetPassword.mutate({ token: code, newPassword: "yet another password" }))).toMatchObject({
      appCode: "RESET_TOKEN_INVALID",
      httpStatus: 400,
    });
    // Sessions opened with the old password are over.
    expect((await refusal(srv.client().accounts.refresh.mutate({ refreshToken: session.refreshToken }))).appCode).toBe("SESSION_REVOKED");
  });

  it("answers the same for an unknown email, and sends nothing", async () => {
    const before = smtp.mails.length;
    await expect(srv.client().accounts.requestPasswordReset.mutate({ email: "nobody@example.com" })).resolves.toEqual({ accepted: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails.length).toBe(before);
  });

  it("refuses an expired code and a made-up one", async () => {
    const input = signUpInput("reset-expired");
    await srv.client().accounts.signUp.mutate(input);
    const before = smtp.mails.length;
    await srv.client().accounts.requestPasswordReset.mutate({ email: input.owner.email });
    const code = codeIn(await smtp.mailFor(input.owner.email, before));
    srv.clock.advance(61 * 60_000);
    expect((await refusal(srv.client().accounts.resetPassword.mutate({ token: code, newPassword: "too late password" }))).appCode).toBe("RESET_TOKEN_INVALID");
    expect((await refusal(srv.client().accounts.resetPassword.mutate({ token: "made-up", newPassword: "too late password" }))).appCode).toBe("RESET_TOKEN_INVALID");
    await expect(srv.client().accounts.logIn.mutate({ email: input.owner.email, password: input.owner.password, device: { name: "x" } })).resolves.toBeTruthy();
  });

  it("sends at most three mails an hour per person", async () => {
    const input = signUpInput("reset-flood");
    await srv.client().accounts.signUp.mutate(input);
    const before = smtp.mails.length;
    for (let i = 0; i < 5; i++) await srv.client().accounts.requestPasswordReset.mutate({ email: input.owner.email });
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails.slice(before).filter((m) => m.to.includes(input.owner.email))).toHaveLength(3);
  });

  it("with no SMTP configured, says that mail is off", async () => {
    const noMail = await startTestSyncServer(db);
    try {
      expect(await refusal(noMail.client().accounts.requestPasswordReset.mutate({ email: "owner.reset@example.com" }))).toMatchObject({
        appCode: "MAIL_DISABLED",
        httpStatus: 412,
      });
      expect(noMail.logs.map((l) => l.msg)).toContain("password reset asked but mail is off (no SMTP_URL)");
    } finally {
      await noMail.close();
    }
  });

  it("an unreachable SMTP server is reported as MAIL_FAILED, not a bare 500", async () => {
    const input = signUpInput("reset-down");
    await srv.client().accounts.signUp.mutate(input);
    const down = await startTestSyncServer(db, { mailer: createMailer("smtp://127.0.0.1:1", "x@example.com", () => {}) });
    try {
      expect(await refusal(down.client().accounts.requestPasswordReset.mutate({ email: input.owner.email }))).toMatchObject({ appCode: "MAIL_FAILED", httpStatus: 503 });
    } finally {
      await down.close();
    }
  });
});
