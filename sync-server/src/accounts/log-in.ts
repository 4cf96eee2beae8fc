import type { LogInInput, SessionTokens } from "../../../shared/schemas/account";
import { recordAudit, recordSecurityEvent } from "../audit/audit-log";
import { inTransaction, withTenant } from "../db/with-tenant";
import { ServerError } from "../errors";
import { totpSetupOnly } from "../two-factor/owner-policy";
import { checkSecondFactor } from "../two-factor/second-factor";
import { emailKey, type AccountsDeps } from "./accounts-deps";
import { registerDevice } from "./devices";
import { clearLoginFailures, lockLoginKey, loginRetryAfter, recordLoginFailure } from "./login-rate-limit";
import { membershipsOf, type Membership } from "./memberships";
import { dummyHash, verifyPassword } from "./password-hash";
import { issueSession } from "./session-tokens";

type Check = { kind: "ok"; userId: string } | { kind: "failed"; userId: string | null } | { kind: "throttled"; retryAfterSeconds: number };

/** Checks the password under the (email, IP) rate limit; a failure is committed before it is reported. */
async function checkPassword(deps: AccountsDeps, email: string, password: string, ip: string): Promise<Check> {
  const nowMs = deps.now();
  const limit = deps.settings.loginRateLimit;
  return inTransaction<Check>(deps.databases.primary, {}, async (tx) => {
    await lockLoginKey(tx, email, ip);
    const wait = await loginRetryAfter(tx, email, ip, limit, nowMs);
    if (wait !== null) return { kind: "throttled", retryAfterSeconds: wait };
    const { rows } = await tx.query<{ id: string; password_hash: string }>("SELECT id, password_hash FROM users WHERE email_key = $1", [email]);
    const user = rows[0];
    const matches = await verifyPassword(password, user?.password_hash ?? (await dummyHash(deps.settings.scrypt)));
    if (!user || !matches) {
      await recordLoginFailure(tx, email, ip, limit, nowMs);
      return { kind: "failed", userId: user?.id ?? null };
    }
    // Failures are cleared once the second factor too has passed (logIn): a right password
    // followed by wrong codes must keep counting.
    return { kind: "ok", userId: user.id };
  });
}

function chooseStudio(memberships: Membership[], tenantId: string | undefined): Membership {
  if (tenantId) {
    const chosen = memberships.find((m) => m.tenantId === tenantId);
    if (!chosen) throw new ServerError("FORBIDDEN", "This account does not belong to that studio");
    return chosen;
  }
  if (memberships.length === 0) throw new ServerError("FORBIDDEN", "This account belongs to no studio");
  if (memberships.length > 1) {
    throw new ServerError("TENANT_REQUIRED", "This account belongs to several studios: choose one", {
      tenants: memberships.map((m) => ({ tenantId: m.tenantId, name: m.tenantName })),
    });
  }
  return memberships[0]!;
}

/**
 * A failed login of a known person goes to the audit log of their studios (the chosen one when
 * named): the email tried and the address. An unknown email belongs to no studio's log.
 */
async function auditFailure(deps: AccountsDeps, userId: string | null, input: LogInInput, ip: string, reason: string): Promise<void> {
  if (!userId) return;
  const studios = (await membershipsOf(deps.databases.primary, userId)).filter((m) => !input.tenantId || m.tenantId === input.tenantId);
  for (const s of studios) await recordSecurityEvent(deps, s.tenantId, { action: "login.failed", userId, ip, details: { email: input.email, reason } });
}

/** Email and password (and a second factor when the person has one) → a registered device and a session in the chosen studio. */
export async function logIn(deps: AccountsDeps, input: LogInInput, ip: string): Promise<SessionTokens> {
  const email = emailKey(input.email);
  const check = await checkPassword(deps, email, input.password, ip);
  if (check.kind === "throttled") {
    deps.log({ level: "warn", msg: "login throttled", ip, retryAfterSeconds: check.retryAfterSeconds });
    throw new ServerError("TOO_MANY_ATTEMPTS", `Too many failed logins: try again in ${check.retryAfterSeconds} s`, { retryAfterSeconds: check.retryAfterSeconds });
  }
  if (check.kind === "failed") {
    await auditFailure(deps, check.userId, input, ip, "password");
    throw new ServerError("INVALID_CREDENTIALS", "Wrong email or password");
  }
  const userId = check.userId;
  const studio = chooseStudio(await membershipsOf(deps.databases.primary, userId), input.tenantId);
  const factor = await checkSecondFactor(deps, userId, input, async () => {
    await inTransaction(deps.databases.primary, {}, (tx) => recordLoginFailure(tx, email, ip, deps.settings.loginRateLimit, deps.now()));
    await auditFailure(deps, userId, { ...input, tenantId: studio.tenantId }, ip, "second factor");
  });
  await inTransaction(deps.databases.primary, {}, (tx) => clearLoginFailures(tx, email, ip));
  const setupOnly = await totpSetupOnly(deps, studio.tenantId, userId, studio.role);
  const pool = await deps.databases.forTenant(studio.tenantId);
  const session = await withTenant(pool, studio.tenantId, async (tx) => {
    const nowMs = deps.now();
    const deviceId = await registerDevice(tx, { tenantId: studio.tenantId, userId, device: input.device }, nowMs);
    await recordAudit(tx, studio.tenantId, nowMs, { kind: "security", action: "login.ok", userId, deviceId, ip, details: { secondFactor: factor, ...(setupOnly ? { totpSetupOnly: true } : {}) } });
    return issueSession(tx, deps, { tenantId: studio.tenantId, userId, deviceId, role: studio.role, totpSetupOnly: setupOnly });
  });
  deps.log({ level: "info", msg: "logged in", tenantId: studio.tenantId, userId, deviceId: session.deviceId });
  return session;
}
