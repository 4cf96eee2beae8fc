import type pg from "pg";
import { inTransaction, type Tx } from "../db/with-tenant";
import { matchTotp } from "../accounts/totp";
import { openSecret } from "./secret-box";
import { backupCodeHash } from "./backup-codes";

/** A person's two-factor state (user_totp, migration 007). */
export interface TotpState {
  enabled: boolean;
  /** Decrypted only when asked for, with the key. */
  secretEnc: Buffer | null;
  pendingSecretEnc: Buffer | null;
  lastUsedStep: number | null;
}

export async function readTotp(db: pg.Pool | Tx, userId: string): Promise<TotpState> {
  const { rows } = await db.query<{ secret_enc: Buffer | null; pending_secret_enc: Buffer | null; enabled_at: Date | null; last_used_step: string | null }>(
    "SELECT secret_enc, pending_secret_enc, enabled_at, last_used_step FROM user_totp WHERE user_id = $1",
    [userId],
  );
  const r = rows[0];
  return {
    enabled: !!r?.enabled_at && !!r.secret_enc,
    secretEnc: r?.secret_enc ?? null,
    pendingSecretEnc: r?.pending_secret_enc ?? null,
    lastUsedStep: r?.last_used_step == null ? null : Number(r.last_used_step),
  };
}

/**
 * Checks an authenticator code against the enabled secret and consumes its step (a code works
 * once, and none older than the last used). The step is claimed with a conditional update, so two
 * logins racing with one code cannot both pass.
 */
export async function consumeTotpCode(primary: pg.Pool, key: Buffer, userId: string, code: string, nowMs: number): Promise<boolean> {
  return inTransaction(primary, {}, async (tx) => {
    const state = await readTotp(tx, userId);
    if (!state.enabled || !state.secretEnc) return false;
    const step = matchTotp(openSecret(key, state.secretEnc), code, nowMs, state.lastUsedStep);
    if (step === null) return false;
    const claimed = await tx.query(
      "UPDATE user_totp SET last_used_step = $2 WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)",
      [userId, step],
    );
    return claimed.rowCount === 1;
  });
}

/** Uses one backup code (single use: marked used in the same statement that finds it). */
export async function consumeBackupCode(primary: pg.Pool, userId: string, code: string, nowMs: number): Promise<boolean> {
  const { rowCount } = await primary.query(
    "UPDATE user_backup_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
    [userId, backupCodeHash(code), new Date(nowMs)],
  );
  return rowCount === 1;
}

export async function backupCodesLeft(primary: pg.Pool, userId: string): Promise<number> {
  const { rows } = await primary.query<{ n: number }>("SELECT count(*)::int AS n FROM user_backup_codes WHERE user_id = $1 AND used_at IS NULL", [userId]);
  return rows[0]!.n;
}
