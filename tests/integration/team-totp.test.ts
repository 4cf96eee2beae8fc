import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import { totp, TOTP_STEP_SECONDS } from "../../sync-server/src/accounts/totp";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { refusal, signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";
import { memberSession } from "./support/team";

/** Two-factor with a fixed clock: setup, login with codes and backup codes, and "owners must use it". */
let db: TestDatabase;
let srv: TestSyncServer;
const STEP = TOTP_STEP_SECONDS * 1000;

beforeAll(async () => {
  db = await createTestDatabase("team_totp");
  srv = await startTestSyncServer(db, { accessTokenTtlSeconds: 86_400 });
  srv.clock.ms = Date.UTC(2027, 0, 15, 10, 0, 5);
});
afterAll(async () => {
  await srv?.close();
});

/** Turns two-factor on for a session; returns the secret and the backup codes. */
async function enable(session: { accessToken: string }): Promise<{ secret: string; backupCodes: string[] }> {
  const c = srv.client(session.accessToken);
  const { secret, otpauthUri } = await c.security.totpBegin.mutate();
  expect(otpauthUri).toMatch(new RegExp(`^otpauth://totp/.+\\?secret=${secret}&issuer=`));
  expect(await refusal(c.security.totpConfirm.mutate({ code: totp(secret, srv.clock.ms + 5 * STEP) }))).toMatchObject({ appCode: "TOTP_INVALID" });
  const { backupCodes } = await c.security.totpConfirm.mutate({ code: totp(secret, srv.clock.ms) });
  return { secret, backupCodes };
}

describe("two-factor authentication", () => {
  it("once on, a login needs the current code, which works once; a wrong one is refused", async () => {
    const input = signUpInput("totp");
    const owner = await srv.client().accounts.signUp.mutate(input);
    const { secret, backupCodes } = await enable(owner);
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    // Kept encrypted: the base32 secret is nowhere in the row.
    const stored = await asAdmin(db, async (c) => (await c.query("SELECT secret_enc FROM user_totp WHERE user_id = $1", [owner.userId])).rows[0].secret_enc as Buffer);
    expect(stored.toString("latin1")).not.toContain(secret);

    const logIn = (extra: { totpCode?: string; backupCode?: string }) =>
      srv.client().accounts.logIn.mutate({ email: input.owner.email, password: input.owner.password, device: { name: "Desk" }, ...extra });
    expect(await refusal(logIn({}))).toMatchObject({ appCode: "TOTP_REQUIRED", httpStatus: 401 });
    expect(await refusal(logIn({ totpCode: "000000" === totp(secret, srv.clock.ms) ? "111111" : "000000" }))).toMatchObject({ appCode: "TOTP_INVALID" });
    // The code used to confirm the setup cannot log in.
    expect(await refusal(logIn({ totpCode: totp(secret, srv.clock.ms) }))).toMatchObject({ appCode: "TOTP_INVALID" });
    srv.clock.advance(STEP);
    const code = totp(secret, srv.clock.ms);
    expect(await logIn({ totpCode: code })).toMatchObject({ userId: owner.userId });
    expect(await refusal(logIn({ totpCode: code }))).toMatchObject({ appCode: "TOTP_INVALID" });
    // Typed as it turned: the previous step's code is older than the one used, so refused; the next is fine.
    srv.clock.advance(STEP);
    expect(await refusal(logIn({ totpCode: totp(secret, srv.clock.ms - STEP) }))).toMatchObject({ appCode: "TOTP_INVALID" });
    expect(await logIn({ totpCode: totp(secret, srv.clock.ms) })).toMatchObject({ userId: owner.userId });

    // Backup codes: each once, whatever the case and spacing typed.
    const typed = backupCodes[0]!.toLowerCase().replace("-", " ");
    expect(await logIn({ backupCode: typed })).toMatchObject({ userId: owner.userId });
    expect(await refusal(logIn({ backupCode: backupCodes[0]! }))).toMatchObject({ appCode: "TOTP_INVALID" });
    expect(await srv.client(owner.accessToken).security.status.query()).toMatchObject({ totpEnabled: true, backupCodesLeft: 9 });

    // Off with a current code; then the password alone logs in again.
    srv.clock.advance(STEP);
    expect(await refusal(srv.client(owner.accessToken).security.totpDisable.mutate({ code: "123456" === totp(secret, srv.clock.ms) ? "654321" : "123456" }))).toMatchObject({ appCode: "TOTP_INVALID" });
    await srv.client(owner.accessToken).security.totpDisable.mutate({ code: totp(secret, srv.clock.ms) });
    expect(await logIn({})).toMatchObject({ userId: owner.userId });
    const logged = await asAdmin(db, async (c) => (await c.query("SELECT action, details FROM audit_events WHERE tenant_id = $1 AND kind = 'security' ORDER BY seq", [owner.tenantId])).rows);
    expect(logged.map((r) => r.action)).toEqual(expect.arrayContaining(["totp.enabled", "totp.disabled"]));
    expect(logged.filter((r) => r.action === "login.ok").map((r) => r.details.secondFactor)).toEqual(["totp", "totp", "backup_code", "none"]);
  });

  it("counts wrong codes with failed passwords: the sixth try is throttled", async () => {
    const input = signUpInput("totp-throttle");
    const owner = await srv.client().accounts.signUp.mutate(input);
    const { secret } = await enable(owner);
    srv.clock.advance(STEP);
    const wrong = totp(secret, srv.clock.ms) === "999999" ? "888888" : "999999";
    const logIn = () => srv.client(undefined, "198.51.100.7").accounts.logIn.mutate({ email: input.owner.email, password: input.owner.password, device: { name: "D" }, totpCode: wrong });
    for (let i = 0; i < 5; i++) expect(await refusal(logIn())).toMatchObject({ appCode: "TOTP_INVALID" });
    expect(await refusal(logIn())).toMatchObject({ appCode: "TOO_MANY_ATTEMPTS" });
  });

  it("when the studio requires it, an owner without two-factor gets a session that may only set it up", async () => {
    const input = signUpInput("totp-required");
    const owner = await srv.client().accounts.signUp.mutate(input);
    const admin = await memberSession(srv, db, owner.tenantId, "admin");
    expect(await refusal(srv.client(admin.accessToken).security.setSettings.mutate({ requireOwner2fa: true }))).toMatchObject({ appCode: "FORBIDDEN" });
    await srv.client(owner.accessToken).security.setSettings.mutate({ requireOwner2fa: true });

    const limited: SessionTokens = await srv.client().accounts.logIn.mutate({ email: input.owner.email, password: input.owner.password, device: { name: "Desk" } });
    expect(limited.totpSetupRequired).toBe(true);
    const c = srv.client(limited.accessToken);
    const calls = [() => c.members.list.query(), () => c.sync.pull.query({ cursor: 0, limit: 10 }), () => c.devices.list.query(), () => c.audit.list.query({ limit: 1 }), () => c.accounts.access.query()];
    for (const call of calls) expect(await refusal(call())).toMatchObject({ appCode: "TOTP_SETUP_REQUIRED" });
    expect(await c.security.status.query()).toMatchObject({ totpEnabled: false, requireOwner2fa: true, totpSetupRequired: true });
    // Admins are not concerned.
    expect((await srv.client(admin.accessToken).members.list.query()).length).toBe(2);

    const { secret } = await enable(limited);
    // The next refresh lifts the limit.
    const full = await srv.client().accounts.refresh.mutate({ refreshToken: limited.refreshToken });
    expect(full.totpSetupRequired).toBeUndefined();
    expect((await srv.client(full.accessToken).members.list.query()).length).toBe(2);
    // An owner of such a studio may not turn it off.
    srv.clock.advance(STEP);
    expect(await refusal(srv.client(full.accessToken).security.totpDisable.mutate({ code: totp(secret, srv.clock.ms) }))).toMatchObject({ appCode: "FORBIDDEN" });
  });
});
