import type { LogInInput, SessionTokens } from "../../../shared/schemas/account";
import { inTransaction, withTenant } from "../db/with-tenant";
import { ServerError } from "../errors";
import { emailKey, type AccountsDeps } from "./accounts-deps";
import { registerDevice } from "./devices";
import { clearLoginFailures, lockLoginKey, loginRetryAfter, recordLoginFailure } from "./login-rate-limit";
import { membershipsOf, type Membership } from "./memberships";
import { dummyHash, verifyPassword } from "./password-hash";
import { issueSession } from "./session-tokens";

type Check = { kind: "ok"; userId: string } | { kind: "failed" } | { kind: "throttled"; retryAfterSeconds: number };

/** Checks the password under the (email, IP) rate limit; a failure is committed before it is reported. */
async function checkPassword(deps: AccountsDeps, email: string, password: string, ip: string): Promise<string> {
  const nowMs = deps.now();
  const limit = deps.settings.loginRateLimit;
  const check = await inTransaction<Check>(deps.databases.primary, {}, async (tx) => {
    await lockLoginKey(tx, email, ip);
    const wait = await loginRetryAfter(tx, email, ip, limit, nowMs);
    if (wait !== null) return { kind: "throttled", retryAfterSeconds: wait };
    const { rows } = await tx.query<{ id: string; password_hash: string }>("SELECT id, password_hash FROM users WHERE email_key = $1", [email]);
    const user = rows[0];
    const matches = await verifyPassword(password, user?.password_hash ?? (await dummyHash(deps.settings.scrypt)));
    if (!user || !matches) {
      await recordLoginFailure(tx, email, ip, limit, nowMs);
      return { kind: "failed" };
    }
    await clearLoginFailures(tx, email, ip);
    return { kind: "ok", userId: user.id };
  });
  if (check.kind === "throttled") {
    deps.log({ level: "warn", msg: "login throttled", ip, retryAfterSeconds: check.retryAfterSeconds });
    throw new ServerError("TOO_MANY_ATTEMPTS", `Too many failed logins: try again in ${check.retryAfterSeconds} s`, { retryAfterSeconds: check.retryAfterSeconds });
  }
  if (check.kind === "failed") throw new ServerError("INVALID_CREDENTIALS", "Wrong email or password");
  return check.userId;
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

/** Email and password → a registered device and a session in the chosen studio. */
export async function logIn(deps: AccountsDeps, input: LogInInput, ip: string): Promise<SessionTokens> {
  const userId = await checkPassword(deps, emailKey(input.email), input.password, ip);
  const studio = chooseStudio(await membershipsOf(deps.databases.primary, userId), input.tenantId);
  const pool = await deps.databases.forTenant(studio.tenantId);
  const session = await withTenant(pool, studio.tenantId, async (tx) => {
    const deviceId = await registerDevice(tx, { tenantId: studio.tenantId, userId, device: input.device }, deps.now());
    return issueSession(tx, deps, { tenantId: studio.tenantId, userId, deviceId, role: studio.role });
  });
  deps.log({ level: "info", msg: "logged in", tenantId: studio.tenantId, userId, deviceId: session.deviceId });
  return session;
}
