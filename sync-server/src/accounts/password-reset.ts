import { uuidv7 } from "../../../shared/ids";
import { recordAudit } from "../audit/audit-log";
import { withTenant, withUser } from "../db/with-tenant";
import { ServerError } from "../errors";
import { emailKey, type AccountsDeps } from "./accounts-deps";
import { clearLoginFailures } from "./login-rate-limit";
import { randomSecret, sha256 } from "./opaque-token";
import { hashPassword } from "./password-hash";
import { resetMail } from "./reset-mail";

/**
 * Mails a one-time reset code. The answer is the same whether or not the email has an account
 * (no account discovery); with no SMTP configured it says so, since no mail could arrive.
 */
export async function requestPasswordReset(deps: AccountsDeps, email: string): Promise<{ accepted: true }> {
  if (!deps.mailer.enabled) {
    deps.log({ level: "warn", msg: "password reset asked but mail is off (no SMTP_URL)" });
    throw new ServerError("MAIL_DISABLED", "This server cannot send mail: ask the studio owner or the server's administrator");
  }
  const nowMs = deps.now();
  const { primary } = deps.databases;
  const { rows } = await primary.query<{ id: string; email: string; name: string }>("SELECT id, email, name FROM users WHERE email_key = $1", [emailKey(email)]);
  const user = rows[0];
  if (!user) return { accepted: true };
  const recent = await primary.query<{ n: number }>("SELECT count(*)::int AS n FROM password_reset_tokens WHERE user_id = $1 AND created_at > $2", [
    user.id,
    new Date(nowMs - 3600_000),
  ]);
  if (recent.rows[0]!.n >= deps.settings.maxResetMailsPerHour) {
    deps.log({ level: "warn", msg: "password reset mail not sent: hourly limit reached", userId: user.id });
    return { accepted: true };
  }
  const token = randomSecret();
  await primary.query("INSERT INTO password_reset_tokens (id, user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)", [
    uuidv7(nowMs),
    user.id,
    sha256(token),
    new Date(nowMs),
    new Date(nowMs + deps.settings.resetTokenTtlMs),
  ]);
  try {
    await deps.mailer.send({ to: user.email, ...resetMail(user.name, token, Math.round(deps.settings.resetTokenTtlMs / 60_000)) });
  } catch (err) {
    deps.log({ level: "error", msg: "password reset mail failed", userId: user.id, error: err instanceof Error ? err.message : String(err) });
    throw new ServerError("MAIL_FAILED", "The reset mail could not be sent: try again later");
  }
  deps.log({ level: "info", msg: "password reset mail sent", userId: user.id });
  return { accepted: true };
}

/**
 * Sets a new password with an unexpired, unused code. Every session of the person, in every
 * studio, is ended: whoever knew the old password must not stay signed in.
 */
export async function resetPassword(deps: AccountsDeps, token: string, newPassword: string): Promise<{ ok: true }> {
  const nowMs = deps.now();
  const { primary } = deps.databases;
  const invalid = () => new ServerError("RESET_TOKEN_INVALID", "This reset code is wrong, used or expired: ask for a new one");
  const found = await primary.query<{ user_id: string }>(
    "SELECT user_id FROM password_reset_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    [sha256(token), new Date(nowMs)],
  );
  const userId = found.rows[0]?.user_id;
  if (!userId) throw invalid();
  const passwordHash = await hashPassword(newPassword, deps.settings.scrypt);

  const tenantIds = await withUser(primary, userId, async (tx) => {
    // Claimed under a row lock: of two resets racing with one code, one wins.
    const claimed = await tx.query(
      "UPDATE password_reset_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
      [sha256(token), new Date(nowMs)],
    );
    if (claimed.rowCount !== 1) return null;
    const { rows } = await tx.query<{ email_key: string }>(
      "UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1 RETURNING email_key",
      [userId, passwordHash, new Date(nowMs)],
    );
    await tx.query("UPDATE password_reset_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL", [userId, new Date(nowMs)]);
    await clearLoginFailures(tx, rows[0]!.email_key);
    const memberships = await tx.query<{ tenant_id: string }>("SELECT tenant_id FROM memberships WHERE user_id = $1", [userId]);
    return memberships.rows.map((r) => r.tenant_id);
  });
  if (!tenantIds) throw invalid();
  for (const tenantId of tenantIds) {
    await withTenant(await deps.databases.forTenant(tenantId), tenantId, async (tx) => {
      await tx.query("UPDATE refresh_tokens SET revoked_at = $3 WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL", [tenantId, userId, new Date(nowMs)]);
      await recordAudit(tx, tenantId, nowMs, { kind: "security", action: "password.reset", userId, entity: "user", rowId: userId });
    });
  }
  deps.log({ level: "info", msg: "password reset", userId });
  return { ok: true };
}
