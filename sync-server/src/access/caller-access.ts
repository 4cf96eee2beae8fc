import type pg from "pg";
import type { Subject } from "../../../shared/permissions/access";
import { subjectOf, type AccessSnapshot } from "../../../shared/permissions/access-snapshot";
import { isPermission } from "../../../shared/permissions/permissions";
import type { Role } from "../../../shared/permissions/roles";
import { roleIn } from "../accounts/memberships";
import type { Tx } from "../db/with-tenant";
import { ServerError } from "../errors";

/** What the caller may do now: the AccessSnapshot the desktop caches, and the Subject `can` reads. */
export interface CallerAccess {
  snapshot: AccessSnapshot;
  subject: Subject;
  /** The server's clock when it was read: delegations are judged against it. */
  nowMs: number;
}

interface Row {
  /** Null in a dedicated database (memberships live in the primary), or once removed. */
  role: Role | null;
  scope: string[] | null;
  delegations: { id: string; fromUserId: string; permissions: string[]; locationIds: string[] | null; expiresAt: string | number }[];
}

/**
 * Role, location scope (membership_locations) and the delegations that count at $3 (not revoked,
 * not expired), in one statement: this is read on every push.
 */
const ACCESS_SQL = `
  SELECT
    (SELECT role FROM memberships WHERE tenant_id = $1 AND user_id = $2) AS role,
    (SELECT array_agg(location_id::text ORDER BY location_id) FROM membership_locations WHERE tenant_id = $1 AND user_id = $2) AS scope,
    (SELECT coalesce(json_agg(json_build_object('id', id, 'fromUserId', from_user_id, 'permissions', permissions, 'locationIds', location_ids,
                                                'expiresAt', (extract(epoch FROM expires_at) * 1000)::bigint) ORDER BY expires_at, id), '[]')
       FROM delegations WHERE tenant_id = $1 AND to_user_id = $2 AND revoked_at IS NULL AND expires_at > $3) AS delegations`;

/**
 * The caller's current role (from the membership, not the access token: a demotion counts at once),
 * location scope and live delegations. A person removed from the studio is refused. One
 * transaction when the studio's data shares the primary database (the pooled default).
 */
export async function loadCallerAccess(
  primary: pg.Pool,
  inTenant: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
  who: { tenantId: string; userId: string; pooledInPrimary: boolean },
  nowMs: number,
): Promise<CallerAccess> {
  const row = await inTenant(async (tx) => (await tx.query<Row>(ACCESS_SQL, [who.tenantId, who.userId, new Date(nowMs)])).rows[0]!);
  const role = who.pooledInPrimary ? row.role : await roleIn(primary, who.tenantId, who.userId);
  if (!role) throw new ServerError("FORBIDDEN", "This account no longer belongs to the studio");
  const snapshot: AccessSnapshot = {
    role,
    // An owner works everywhere, whatever rows are listed.
    locationIds: role === "owner" ? null : row.scope,
    delegations: row.delegations.map((d) => ({
      id: d.id,
      fromUserId: d.fromUserId,
      // A permission renamed since the loan was made is dropped rather than failing the request.
      permissions: d.permissions.filter(isPermission),
      locationIds: d.locationIds,
      expiresAt: Number(d.expiresAt),
    })),
  };
  return { snapshot, subject: subjectOf(snapshot), nowMs };
}
