import { uuidv7 } from "../../../shared/ids";
import type { MembershipRole, SessionTokens } from "../../../shared/schemas/account";
import type { Tx } from "../db/with-tenant";
import type { AccountsDeps } from "./accounts-deps";
import { randomSecret, sha256 } from "./opaque-token";
import { formatRefreshToken } from "./refresh-token";

export interface SessionSubject {
  tenantId: string;
  userId: string;
  deviceId: string;
  role: MembershipRole;
  /** Two-factor setup only (require-owner-2fa, owner without it): every other procedure is refused. */
  totpSetupOnly?: boolean;
}

/**
 * A new access token and refresh token for a device, in the tenant's database. `familyId`
 * continues a rotation chain; without it a new chain (a new login) starts.
 */
export async function issueSession(tx: Tx, deps: AccountsDeps, subject: SessionSubject, familyId?: string): Promise<SessionTokens> {
  const nowMs = deps.now();
  const tokenId = uuidv7(nowMs);
  const secret = randomSecret();
  const refreshExpiresAt = nowMs + deps.settings.refreshTokenTtlMs;
  await tx.query(
    `INSERT INTO refresh_tokens (tenant_id, id, family_id, device_id, user_id, token_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [subject.tenantId, tokenId, familyId ?? tokenId, subject.deviceId, subject.userId, sha256(secret), new Date(nowMs), new Date(refreshExpiresAt)],
  );
  const { totpSetupOnly, ...who } = subject;
  const access = deps.tokens.issue({ sub: who.userId, tid: who.tenantId, did: who.deviceId, role: who.role, ...(totpSetupOnly ? { tsu: true as const } : {}) }, nowMs);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: formatRefreshToken({ tenantId: subject.tenantId, tokenId, secret }),
    refreshTokenExpiresAt: refreshExpiresAt,
    ...who,
    ...(totpSetupOnly ? { totpSetupRequired: true } : {}),
  };
}
