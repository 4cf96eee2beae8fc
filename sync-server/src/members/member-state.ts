import { isRole } from "../../../shared/permissions/roles";
import type { AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { roleIn } from "../accounts/memberships";
import type { Tx } from "../db/with-tenant";
import { ServerError } from "../errors";
import type { MemberState } from "./member-rules";

export async function scopeOf(tx: Tx, tenantId: string, userId: string): Promise<string[] | null> {
  const { rows } = await tx.query<{ location_id: string }>("SELECT location_id::text FROM membership_locations WHERE tenant_id = $1 AND user_id = $2 ORDER BY 1", [tenantId, userId]);
  return rows.length === 0 ? null : rows.map((r) => r.location_id);
}

/** A member of the caller's studio, or NOT_FOUND. */
export async function memberState(deps: AccountsDeps, auth: AuthSession, userId: string): Promise<MemberState> {
  const role = await roleIn(deps.databases.primary, auth.tenantId, userId);
  if (!role || !isRole(role)) throw new ServerError("NOT_FOUND", "No such member in this studio");
  const locationIds = role === "owner" ? null : await auth.inTenant((tx) => scopeOf(tx, auth.tenantId, userId));
  return { userId, role, locationIds };
}

/** Replaces a member's location scope (none listed: every location). */
export async function writeScope(tx: Tx, tenantId: string, userId: string, locationIds: string[] | null): Promise<void> {
  await tx.query("DELETE FROM membership_locations WHERE tenant_id = $1 AND user_id = $2", [tenantId, userId]);
  if (locationIds === null) return;
  const found = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM locations WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL", [tenantId, locationIds]);
  if (found.rows[0]!.n !== new Set(locationIds).size) throw new ServerError("NOT_FOUND", "One of these locations does not exist in this studio", undefined, { locationIds: ["v.invalid"] });
  await tx.query("INSERT INTO membership_locations (tenant_id, user_id, location_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING", [tenantId, userId, locationIds]);
}
