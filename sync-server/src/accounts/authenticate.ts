import type pg from "pg";
import type { MembershipRole } from "../../../shared/schemas/account";
import { loadCallerAccess, type CallerAccess } from "../access/caller-access";
import { withTenant, type Tx } from "../db/with-tenant";
import { ServerError } from "../errors";
import type { AccountsDeps } from "./accounts-deps";

/** Who is calling, and their studio's data under its tenant context. */
export interface AuthSession {
  userId: string;
  tenantId: string;
  deviceId: string;
  /** The role when the access token was issued; permission checks read the current one (access()). */
  role: MembershipRole;
  /** A session that may only set up two-factor (the studio requires it of owners). */
  totpSetupOnly: boolean;
  /** Runs fn in a transaction of the studio's database with RLS set to this studio. */
  inTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** The caller's current role, scope and delegations, read once per request. */
  access(): Promise<CallerAccess>;
}

/** last_seen_at is written at most this often per device, not on every request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * `Authorization: Bearer <access token>` → the session. The token is checked (signature,
 * expiry), then the device row: a device revoked a second ago is refused now, not when its token expires.
 */
export async function authenticate(deps: AccountsDeps, authorization: string | undefined): Promise<AuthSession> {
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization?.trim() ?? "");
  if (!match) throw new ServerError("UNAUTHENTICATED", "Log in first (no access token)");
  const nowMs = deps.now();
  const claims = deps.tokens.verify(match[1]!, nowMs);
  const pool: pg.Pool = await deps.databases.forTenant(claims.tid);
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(pool, claims.tid, fn);
  const device = await inTenant(async (tx) => {
    const { rows } = await tx.query<{ user_id: string; revoked_at: Date | null; last_seen_at: Date | null }>(
      "SELECT user_id, revoked_at, last_seen_at FROM devices WHERE tenant_id = $1 AND id = $2",
      [claims.tid, claims.did],
    );
    const row = rows[0];
    if (row && !row.revoked_at && (!row.last_seen_at || nowMs - row.last_seen_at.getTime() >= LAST_SEEN_RESOLUTION_MS)) {
      await tx.query("UPDATE devices SET last_seen_at = $3 WHERE tenant_id = $1 AND id = $2", [claims.tid, claims.did, new Date(nowMs)]);
    }
    return row;
  });
  if (!device || device.user_id !== claims.sub) throw new ServerError("UNAUTHENTICATED", "Unknown device: log in again");
  if (device.revoked_at) throw new ServerError("DEVICE_REVOKED", "This computer's access was revoked by the studio owner: log in again");
  let access: Promise<CallerAccess> | null = null;
  return {
    userId: claims.sub,
    tenantId: claims.tid,
    deviceId: claims.did,
    role: claims.role,
    totpSetupOnly: claims.tsu === true,
    inTenant,
    access: () => (access ??= loadCallerAccess(deps.databases.primary, inTenant, { tenantId: claims.tid, userId: claims.sub, pooledInPrimary: pool === deps.databases.primary }, deps.now())),
  };
}
