import { uuidv7 } from "../../../shared/ids";
import type { Tx } from "../db/with-tenant";
import type { LoginRateLimit } from "./accounts-deps";

/**
 * Failed logins per (email, IP). Attempts for one key are serialised with a transaction-scoped
 * advisory lock, so five parallel guesses cannot all pass the check before any is recorded.
 */
export async function lockLoginKey(tx: Tx, email: string, ip: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`login:${email}|${ip}`]);
}

/** Seconds until the key may try again, or null when it may try now. */
export async function loginRetryAfter(tx: Tx, email: string, ip: string, limit: LoginRateLimit, nowMs: number): Promise<number | null> {
  // The max-th most recent failure in the window: once it leaves the window, fewer than max remain.
  const { rows } = await tx.query<{ attempted_at: Date }>(
    `SELECT attempted_at FROM login_attempts
      WHERE email_key = $1 AND ip = $2 AND attempted_at > $3
      ORDER BY attempted_at DESC OFFSET $4 LIMIT 1`,
    [email, ip, new Date(nowMs - limit.windowMs), limit.maxFailures - 1],
  );
  const pivot = rows[0];
  if (!pivot) return null;
  return Math.max(1, Math.ceil((pivot.attempted_at.getTime() + limit.windowMs - nowMs) / 1000));
}

export async function recordLoginFailure(tx: Tx, email: string, ip: string, limit: LoginRateLimit, nowMs: number): Promise<void> {
  await tx.query("DELETE FROM login_attempts WHERE email_key = $1 AND ip = $2 AND attempted_at <= $3", [email, ip, new Date(nowMs - limit.windowMs)]);
  await tx.query("INSERT INTO login_attempts (email_key, ip, attempted_at, id) VALUES ($1, $2, $3, $4)", [email, ip, new Date(nowMs), uuidv7(nowMs)]);
}

export async function clearLoginFailures(tx: Tx, email: string, ip?: string): Promise<void> {
  if (ip === undefined) await tx.query("DELETE FROM login_attempts WHERE email_key = $1", [email]);
  else await tx.query("DELETE FROM login_attempts WHERE email_key = $1 AND ip = $2", [email, ip]);
}
