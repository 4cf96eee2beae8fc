import type { MembershipRole, SessionTokens } from "../../../shared/schemas/account";
import { withTenant, type Tx } from "../db/with-tenant";
import { ServerError } from "../errors";
import type { AccountsDeps } from "./accounts-deps";
import { roleIn } from "./memberships";
import { sameBytes, sha256 } from "./opaque-token";
import { parseRefreshToken } from "./refresh-token";
import { issueSession } from "./session-tokens";
import { recordAudit } from "../audit/audit-log";
import { totpSetupOnly } from "../two-factor/owner-policy";

interface TokenRow {
  family_id: string;
  device_id: string;
  user_id: string;
  token_hash: Buffer;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
  device_revoked_at: Date | null;
}

type Outcome =
  | { kind: "ok"; session: SessionTokens }
  | { kind: "unknown" }
  | { kind: "expired" }
  | { kind: "revoked" }
  | { kind: "reused" }
  | { kind: "device-revoked" }
  | { kind: "not-a-member" };

async function revokeFamily(tx: Tx, tenantId: string, familyId: string, nowMs: number): Promise<void> {
  await tx.query("UPDATE refresh_tokens SET revoked_at = $3 WHERE tenant_id = $1 AND family_id = $2 AND revoked_at IS NULL", [tenantId, familyId, new Date(nowMs)]);
}

const REFUSALS: Record<Exclude<Outcome["kind"], "ok">, () => ServerError> = {
  unknown: () => new ServerError("UNAUTHENTICATED", "Unknown refresh token: log in again"),
  expired: () => new ServerError("TOKEN_EXPIRED", "The session has expired: log in again"),
  revoked: () => new ServerError("SESSION_REVOKED", "This session was ended: log in again"),
  reused: () => new ServerError("SESSION_REVOKED", "This refresh token was already used, so the session was ended for safety: log in again"),
  "device-revoked": () => new ServerError("DEVICE_REVOKED", "This computer's access was revoked by the studio owner: log in again"),
  "not-a-member": () => new ServerError("FORBIDDEN", "This account no longer belongs to the studio"),
};

/**
 * Exchanges a refresh token for a new pair (rotation). A token already exchanged, presented
 * again, means someone holds a copy: the whole family is revoked, the thief's chain with it.
 * Refusals are raised after commit, so a revocation made on the way sticks.
 */
export async function refreshSession(deps: AccountsDeps, refreshToken: string): Promise<SessionTokens> {
  const parts = parseRefreshToken(refreshToken);
  if (!parts) throw REFUSALS.unknown();
  const { tenantId, tokenId } = parts;
  const pool = await deps.databases.forTenant(tenantId);
  // The person's current role comes from the primary database; read it before locking the token
  // so that no connection is held while waiting for another.
  const owner = await withTenant(pool, tenantId, async (tx) => {
    const { rows } = await tx.query<{ user_id: string }>("SELECT user_id FROM refresh_tokens WHERE tenant_id = $1 AND id = $2", [tenantId, tokenId]);
    return rows[0]?.user_id ?? null;
  });
  if (!owner) throw REFUSALS.unknown();
  const role: MembershipRole | null = await roleIn(deps.databases.primary, tenantId, owner);
  // Decided again at each refresh: a limited session lifts once two-factor is on.
  const setupOnly = role !== null && (await totpSetupOnly(deps, tenantId, owner, role));

  const outcome = await withTenant<Outcome>(pool, tenantId, async (tx) => {
    const nowMs = deps.now();
    const { rows } = await tx.query<TokenRow>(
      `SELECT t.family_id, t.device_id, t.user_id, t.token_hash, t.expires_at, t.rotated_at, t.revoked_at, d.revoked_at AS device_revoked_at
         FROM refresh_tokens t JOIN devices d ON d.tenant_id = t.tenant_id AND d.id = t.device_id
        WHERE t.tenant_id = $1 AND t.id = $2
        FOR UPDATE OF t`,
      [tenantId, tokenId],
    );
    const row = rows[0];
    if (!row || row.user_id !== owner || !sameBytes(row.token_hash, sha256(parts.secret))) return { kind: "unknown" };
    // First: revoking a device also revokes its tokens, and the desktop should hear why.
    if (row.device_revoked_at) return { kind: "device-revoked" };
    if (row.revoked_at) return { kind: "revoked" };
    if (row.rotated_at) {
      await revokeFamily(tx, tenantId, row.family_id, nowMs);
      deps.log({ level: "warn", msg: "refresh token reused: session revoked", tenantId, deviceId: row.device_id, familyId: row.family_id });
      await recordAudit(tx, tenantId, nowMs, { kind: "security", action: "refresh.reused", userId: row.user_id, deviceId: row.device_id, details: { familyId: row.family_id } });
      return { kind: "reused" };
    }
    if (row.expires_at.getTime() <= nowMs) return { kind: "expired" };
    if (!role) {
      await revokeFamily(tx, tenantId, row.family_id, nowMs);
      return { kind: "not-a-member" };
    }
    await tx.query("UPDATE refresh_tokens SET rotated_at = $3 WHERE tenant_id = $1 AND id = $2", [tenantId, tokenId, new Date(nowMs)]);
    const session = await issueSession(tx, deps, { tenantId, userId: row.user_id, deviceId: row.device_id, role, totpSetupOnly: setupOnly }, row.family_id);
    return { kind: "ok", session };
  });
  if (outcome.kind !== "ok") throw REFUSALS[outcome.kind]();
  return outcome.session;
}
