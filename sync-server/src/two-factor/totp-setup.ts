import { inTransaction } from "../db/with-tenant";
import { matchTotp, newTotpSecret, otpauthUri } from "../accounts/totp";
import type { AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { recordSecurityEvent } from "../audit/audit-log";
import { ServerError } from "../errors";
import { backupCodeHash, newBackupCodes } from "./backup-codes";
import { openSecret, sealSecret } from "./secret-box";
import { totpKey } from "./totp-key";
import { consumeTotpCode, readTotp } from "./totp-store";

const ISSUER = "Recording Studio Manager";

/** A new secret, kept pending until a code from it is confirmed: shown once, as text and otpauth URI. */
export async function beginTotp(deps: AccountsDeps, auth: AuthSession): Promise<{ secret: string; otpauthUri: string }> {
  const { primary } = deps.databases;
  if ((await readTotp(primary, auth.userId)).enabled) throw new ServerError("TOTP_ALREADY_ENABLED", "Two-factor authentication is already on: turn it off first to change phones");
  const secret = newTotpSecret();
  await primary.query(
    `INSERT INTO user_totp (user_id, pending_secret_enc) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET pending_secret_enc = excluded.pending_secret_enc`,
    [auth.userId, sealSecret(totpKey(deps), secret)],
  );
  const { rows } = await primary.query<{ email: string }>("SELECT email FROM users WHERE id = $1", [auth.userId]);
  return { secret, otpauthUri: otpauthUri(secret, rows[0]?.email ?? auth.userId, ISSUER) };
}

/** A code from the pending secret turns two-factor on; the backup codes are returned this once only. */
export async function confirmTotp(deps: AccountsDeps, auth: AuthSession, code: string): Promise<{ backupCodes: string[] }> {
  const nowMs = deps.now();
  const key = totpKey(deps);
  const codes = newBackupCodes();
  await inTransaction(deps.databases.primary, {}, async (tx) => {
    const state = await readTotp(tx, auth.userId);
    if (state.enabled) throw new ServerError("TOTP_ALREADY_ENABLED", "Two-factor authentication is already on");
    if (!state.pendingSecretEnc) throw new ServerError("TOTP_NOT_ENABLED", "Start the two-factor setup first");
    const pending = state.pendingSecretEnc;
    const step = matchTotp(openSecret(key, pending), code, nowMs, null);
    if (step === null) throw new ServerError("TOTP_INVALID", "This code does not match: check the phone's clock and type the current code");
    await tx.query("UPDATE user_totp SET secret_enc = $2, pending_secret_enc = NULL, enabled_at = $3, last_used_step = $4 WHERE user_id = $1", [auth.userId, pending, new Date(nowMs), step]);
    await tx.query("DELETE FROM user_backup_codes WHERE user_id = $1", [auth.userId]);
    await tx.query("INSERT INTO user_backup_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])", [auth.userId, codes.map(backupCodeHash)]);
  });
  await recordSecurityEvent(deps, auth.tenantId, { action: "totp.enabled", userId: auth.userId, deviceId: auth.deviceId, entity: "user", rowId: auth.userId });
  return { backupCodes: codes };
}

/** Turns two-factor off with a current code (someone at an unlocked desk cannot do it without the phone). */
export async function disableTotp(deps: AccountsDeps, auth: AuthSession, code: string, requiredOfOwners: boolean): Promise<{ ok: true }> {
  const { primary } = deps.databases;
  if (!(await readTotp(primary, auth.userId)).enabled) throw new ServerError("TOTP_NOT_ENABLED", "Two-factor authentication is not on");
  if (requiredOfOwners && auth.role === "owner") throw new ServerError("FORBIDDEN", "This studio requires owners to use two-factor authentication");
  if (!(await consumeTotpCode(primary, totpKey(deps), auth.userId, code, deps.now()))) throw new ServerError("TOTP_INVALID", "This code is wrong or was already used");
  await primary.query("DELETE FROM user_backup_codes WHERE user_id = $1", [auth.userId]);
  await primary.query("DELETE FROM user_totp WHERE user_id = $1", [auth.userId]);
  await recordSecurityEvent(deps, auth.tenantId, { action: "totp.disabled", userId: auth.userId, deviceId: auth.deviceId, entity: "user", rowId: auth.userId });
  return { ok: true };
}
