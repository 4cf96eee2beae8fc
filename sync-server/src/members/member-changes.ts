import type { Role } from "../../../shared/permissions/roles";
import type { CallerAccess } from "../access/caller-access";
import type { AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { recordAudit } from "../audit/audit-log";
import { withTenant } from "../db/with-tenant";
import { ServerError } from "../errors";
import { assertMayGrant, assertMayManage, assertNotLastOwner } from "./member-rules";
import { memberState, writeScope } from "./member-state";

/** A new role for a member (an owner keeps every location, so their scope is cleared). */
export async function setMemberRole(deps: AccountsDeps, auth: AuthSession, access: CallerAccess, userId: string, role: Role): Promise<{ userId: string; role: Role }> {
  const target = await memberState(deps, auth, userId);
  assertMayManage(access, target);
  assertMayGrant(access, role, role === "owner" ? null : target.locationIds);
  if (target.role === role) return { userId, role };
  await withTenant(deps.databases.primary, auth.tenantId, async (tx) => {
    if (target.role === "owner") await assertNotLastOwner(tx, auth.tenantId, userId);
    await tx.query("UPDATE memberships SET role = $3 WHERE tenant_id = $1 AND user_id = $2", [auth.tenantId, userId, role]);
  });
  await auth.inTenant(async (tx) => {
    if (role === "owner") await writeScope(tx, auth.tenantId, userId, null);
    await recordAudit(tx, auth.tenantId, deps.now(), {
      kind: "security", action: "member.role_changed", userId: auth.userId, deviceId: auth.deviceId, entity: "member", rowId: userId,
      before: { role: target.role }, after: { role },
    });
  });
  return { userId, role };
}

/** The locations a member works at (null: every one). */
export async function setMemberLocations(deps: AccountsDeps, auth: AuthSession, access: CallerAccess, userId: string, locationIds: string[] | null): Promise<{ userId: string; locationIds: string[] | null }> {
  const target = await memberState(deps, auth, userId);
  if (target.role === "owner") throw new ServerError("VALIDATION_FAILED", "An owner works at every location", undefined, { locationIds: ["v.invalid"] });
  assertMayManage(access, target);
  assertMayGrant(access, target.role, locationIds);
  await auth.inTenant(async (tx) => {
    await writeScope(tx, auth.tenantId, userId, locationIds);
    await recordAudit(tx, auth.tenantId, deps.now(), {
      kind: "security", action: "member.scope_changed", userId: auth.userId, deviceId: auth.deviceId, entity: "member", rowId: userId,
      before: { locationIds: target.locationIds }, after: { locationIds },
    });
  });
  return { userId, locationIds };
}

/**
 * Removes a member from the studio and ends their sessions at once: their devices here are
 * revoked (every request and live stream refused now), and loans to and from them end.
 */
export async function removeMember(deps: AccountsDeps, auth: AuthSession, access: CallerAccess, userId: string): Promise<{ userId: string }> {
  const target = await memberState(deps, auth, userId);
  assertMayManage(access, target);
  await withTenant(deps.databases.primary, auth.tenantId, async (tx) => {
    if (target.role === "owner") await assertNotLastOwner(tx, auth.tenantId, userId);
    await tx.query("DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2", [auth.tenantId, userId]);
  });
  const nowMs = deps.now();
  const now = new Date(nowMs);
  await auth.inTenant(async (tx) => {
    await tx.query("DELETE FROM membership_locations WHERE tenant_id = $1 AND user_id = $2", [auth.tenantId, userId]);
    await tx.query("UPDATE devices SET revoked_at = $3, revoked_by = $4 WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL", [auth.tenantId, userId, now, auth.userId]);
    await tx.query("UPDATE refresh_tokens SET revoked_at = $3 WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL", [auth.tenantId, userId, now]);
    await tx.query("UPDATE delegations SET revoked_at = $3 WHERE tenant_id = $1 AND (from_user_id = $2 OR to_user_id = $2) AND revoked_at IS NULL", [auth.tenantId, userId, now]);
    await recordAudit(tx, auth.tenantId, nowMs, {
      kind: "security", action: "member.removed", userId: auth.userId, deviceId: auth.deviceId, entity: "member", rowId: userId,
      before: { role: target.role, locationIds: target.locationIds },
    });
  });
  return { userId };
}

