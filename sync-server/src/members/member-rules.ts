import { locationsWhere } from "../../../shared/permissions/access";
import { rolePermissions } from "../../../shared/permissions/permissions";
import type { Role } from "../../../shared/permissions/roles";
import type { CallerAccess } from "../access/caller-access";
import type { Tx } from "../db/with-tenant";
import { ServerError } from "../errors";

/** A member as the rules below need them. */
export interface MemberState {
  userId: string;
  role: Role;
  /** null: every location. */
  locationIds: string[] | null;
}

/** Where the caller's own role lets them manage people (delegations lend no power over people). */
function managedLocations(access: CallerAccess): Set<string> | null {
  return locationsWhere({ grants: access.subject.grants, delegations: [] }, "users.manage", access.nowMs);
}

function within(locationIds: string[] | null, managed: Set<string> | null): boolean {
  return managed === null || (locationIds !== null && locationIds.every((id) => managed.has(id)));
}

/**
 * A role and scope the caller may hand out: no permission their own role lacks (an admin makes no
 * owner), and no location beyond those where they manage people.
 */
export function assertMayGrant(access: CallerAccess, role: Role, locationIds: string[] | null): void {
  const own = new Set(rolePermissions(access.snapshot.role));
  if (!rolePermissions(role).every((p) => own.has(p))) throw new ServerError("FORBIDDEN", `Your role may not grant the ${role} role`, { role });
  if (!within(locationIds, managedLocations(access))) throw new ServerError("LOCATION_FORBIDDEN", "You may grant access only to the locations where you manage people");
}

/** Someone the caller may change or remove: an owner only by an owner, and only people within their locations. */
export function assertMayManage(access: CallerAccess, target: MemberState): void {
  if (target.role === "owner" && access.snapshot.role !== "owner") throw new ServerError("FORBIDDEN", "Only an owner may change or remove an owner");
  if (!within(target.locationIds, managedLocations(access))) throw new ServerError("LOCATION_FORBIDDEN", "This person works at locations where you do not manage people");
}

/**
 * Refuses to leave the studio without an owner. Run in the transaction that demotes or removes
 * one: the owners' rows are locked, so two owners demoting each other at once cannot both pass.
 */
export async function assertNotLastOwner(tx: Tx, tenantId: string, userId: string): Promise<void> {
  const { rows } = await tx.query<{ user_id: string }>("SELECT user_id FROM memberships WHERE tenant_id = $1 AND role = 'owner' FOR UPDATE", [tenantId]);
  if (rows.every((r) => r.user_id === userId)) throw new ServerError("LAST_OWNER", "The studio must keep at least one owner");
}
