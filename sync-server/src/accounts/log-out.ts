import { recordAudit } from "../audit/audit-log";
import { withTenant } from "../db/with-tenant";
import type { AccountsDeps } from "./accounts-deps";
import { sameBytes, sha256 } from "./opaque-token";
import { parseRefreshToken } from "./refresh-token";

/** `ended`: this call ended a live session; false when the token was unknown or its session already over. */
export interface LogOutResult {
  ended: boolean;
}

/**
 * "Log out" from a desktop: ends the session the refresh token belongs to, that is its whole
 * rotation family (an older copy of it cannot come back either). Holding the token is the proof,
 * as for a refresh, so a desk whose access token lapsed can still log out. Like OAuth's token
 * revocation (RFC 7009), an unknown or already ended token is answered the same as success: the
 * desk may send it again after an outage, and the answer tells a guesser nothing. The device stays
 * registered (logging in again on that computer resumes it, devices.ts).
 */
export async function logOut(deps: AccountsDeps, refreshToken: string, ip: string): Promise<LogOutResult> {
  const parts = parseRefreshToken(refreshToken);
  if (!parts) return { ended: false };
  const { tenantId, tokenId } = parts;
  const pool = await deps.databases.forTenant(tenantId);
  const ended = await withTenant(pool, tenantId, async (tx) => {
    const nowMs = deps.now();
    const { rows } = await tx.query<{ family_id: string; device_id: string; user_id: string; token_hash: Buffer }>(
      "SELECT family_id, device_id, user_id, token_hash FROM refresh_tokens WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
      [tenantId, tokenId],
    );
    const row = rows[0];
    if (!row || !sameBytes(row.token_hash, sha256(parts.secret))) return null;
    const revoked = await tx.query(
      "UPDATE refresh_tokens SET revoked_at = $3 WHERE tenant_id = $1 AND family_id = $2 AND revoked_at IS NULL",
      [tenantId, row.family_id, new Date(nowMs)],
    );
    if (revoked.rowCount === 0) return null;
    await recordAudit(tx, tenantId, nowMs, { kind: "security", action: "logout", userId: row.user_id, deviceId: row.device_id, ip, details: { familyId: row.family_id } });
    return row;
  });
  if (ended) deps.log({ level: "info", msg: "logged out", tenantId, userId: ended.user_id, deviceId: ended.device_id });
  return { ended: ended !== null };
}
