import { can, canDelegate } from "../../../shared/permissions/access";
import type { Permission } from "../../../shared/permissions/permissions";
import { uuidv7 } from "../../../shared/ids";
import { MAX_DELEGATION_DAYS, type DelegationSummary } from "../../../shared/schemas/team";
import type { CallerAccess } from "../access/caller-access";
import type { AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { roleIn } from "../accounts/memberships";
import { recordAudit } from "../audit/audit-log";
import type { Tx } from "../db/with-tenant";
import { ServerError } from "../errors";

interface Row {
  id: string; from_user_id: string; to_user_id: string; permissions: Permission[]; location_ids: string[] | null;
  expires_at: Date; created_at: Date; revoked_at: Date | null;
}

function summary(r: Row, nowMs: number): DelegationSummary {
  return {
    id: r.id,
    fromUserId: r.from_user_id,
    toUserId: r.to_user_id,
    permissions: r.permissions,
    locationIds: r.location_ids,
    expiresAt: r.expires_at.getTime(),
    createdAt: r.created_at.getTime(),
    revokedAt: r.revoked_at?.getTime() ?? null,
    active: r.revoked_at === null && nowMs < r.expires_at.getTime(),
  };
}

const COLUMNS = "id, from_user_id, to_user_id, permissions, location_ids, expires_at, created_at, revoked_at";

export interface CreateDelegation {
  toUserId: string;
  permissions: Permission[];
  locationIds: string[] | null;
  expiresAt: number;
}

/**
 * Lends some of the caller's own permissions (what their role gives, where it gives it: not what
 * was lent to them) to another member until `expiresAt`, on the server's clock.
 */
export async function createDelegation(deps: AccountsDeps, auth: AuthSession, access: CallerAccess, input: CreateDelegation): Promise<DelegationSummary> {
  const nowMs = deps.now();
  if (input.expiresAt <= nowMs || input.expiresAt > nowMs + MAX_DELEGATION_DAYS * 86_400_000) {
    throw new ServerError("VALIDATION_FAILED", `A delegation must end in the future and within ${MAX_DELEGATION_DAYS} days`, undefined, { expiresAt: ["v.invalid"] });
  }
  if (input.toUserId === auth.userId) throw new ServerError("VALIDATION_FAILED", "A delegation is lent to someone else", undefined, { toUserId: ["v.invalid"] });
  if (!canDelegate(access.subject, input.permissions, input.locationIds, nowMs)) {
    throw new ServerError("FORBIDDEN", "You may lend only permissions your own role gives you, where it gives them", { permissions: input.permissions });
  }
  if (!(await roleIn(deps.databases.primary, auth.tenantId, input.toUserId))) throw new ServerError("NOT_FOUND", "No such member in this studio");
  const permissions = [...new Set(input.permissions)];
  const row = await auth.inTenant(async (tx) => {
    const { rows } = await tx.query<Row>(
      `INSERT INTO delegations (tenant_id, id, from_user_id, to_user_id, permissions, location_ids, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [auth.tenantId, uuidv7(nowMs), auth.userId, input.toUserId, permissions, input.locationIds, new Date(input.expiresAt), new Date(nowMs)],
    );
    const created = rows[0]!;
    await recordAudit(tx, auth.tenantId, nowMs, {
      kind: "security", action: "delegation.created", userId: auth.userId, deviceId: auth.deviceId, entity: "delegation", rowId: created.id,
      details: { toUserId: input.toUserId, permissions, locationIds: input.locationIds, expiresAt: new Date(input.expiresAt).toISOString() },
    });
    return created;
  });
  return summary(row, nowMs);
}

/** Ends a delegation now: its giver may, and so may whoever manages the studio's people. */
export async function revokeDelegation(deps: AccountsDeps, auth: AuthSession, access: CallerAccess, id: string): Promise<DelegationSummary> {
  const nowMs = deps.now();
  const row = await auth.inTenant(async (tx: Tx) => {
    const { rows } = await tx.query<Row>(`SELECT ${COLUMNS} FROM delegations WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [auth.tenantId, id]);
    const found = rows[0];
    if (!found) throw new ServerError("NOT_FOUND", `No delegation ${id} in this studio`);
    if (found.from_user_id !== auth.userId && !can(access.subject, "users.manage", { now: nowMs })) {
      throw new ServerError("FORBIDDEN", "Only its giver, or someone who manages the studio's people, may end a delegation", { permission: "users.manage" });
    }
    if (found.revoked_at) return found;
    const updated = await tx.query<Row>(`UPDATE delegations SET revoked_at = $3 WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`, [auth.tenantId, id, new Date(nowMs)]);
    await recordAudit(tx, auth.tenantId, nowMs, {
      kind: "security", action: "delegation.revoked", userId: auth.userId, deviceId: auth.deviceId, entity: "delegation", rowId: id,
      details: { fromUserId: found.from_user_id, toUserId: found.to_user_id },
    });
    return updated.rows[0]!;
  });
  return summary(row, nowMs);
}

/** The delegations the caller gave and received, newest first (ended ones included, marked inactive). */
export async function listDelegations(deps: AccountsDeps, auth: AuthSession): Promise<{ given: DelegationSummary[]; received: DelegationSummary[] }> {
  const nowMs = deps.now();
  const rows = await auth.inTenant(async (tx) => {
    const { rows } = await tx.query<Row>(
      `SELECT ${COLUMNS} FROM delegations WHERE tenant_id = $1 AND (from_user_id = $2 OR to_user_id = $2) ORDER BY created_at DESC, id DESC LIMIT 500`,
      [auth.tenantId, auth.userId],
    );
    return rows;
  });
  return {
    given: rows.filter((r) => r.from_user_id === auth.userId).map((r) => summary(r, nowMs)),
    received: rows.filter((r) => r.to_user_id === auth.userId).map((r) => summary(r, nowMs)),
  };
}
