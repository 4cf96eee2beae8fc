import { roleHolds, type Permission } from "./permissions";
import type { Role } from "./roles";

/** A role held by a person, at every location (`locationIds` null) or only at the listed ones. */
export interface RoleGrant {
  role: Role;
  locationIds: readonly string[] | null;
}

/** Some of a person's permissions lent to another until `expiresAt` (epoch ms), optionally per location. */
export interface Delegation {
  permissions: readonly Permission[];
  locationIds: readonly string[] | null;
  expiresAt: number;
}

/** Who is acting: what they hold, and what is lent to them. */
export interface Subject {
  grants: readonly RoleGrant[];
  delegations: readonly Delegation[];
}

/**
 * Whether a grant scoped to `locationIds` reaches `locationId`. Something of no location (a client,
 * the studio's settings, a staff member working everywhere) is reached by a grant at any location:
 * a Paris front desk still manages the studio's clients.
 */
const covers = (locationIds: readonly string[] | null, locationId: string | null | undefined): boolean =>
  locationIds === null || locationId == null || locationIds.includes(locationId);

/**
 * May `subject` do `permission` (at `locationId`, for what belongs to one) at `now`? A delegation
 * counts until its expiry, strictly before it, on whichever clock `now` comes from: offline that is
 * the desktop's clock, which the HLC keeps from running behind what it has already seen.
 */
export function can(subject: Subject, permission: Permission, at: { locationId?: string | null; now: number }): boolean {
  for (const g of subject.grants) if (covers(g.locationIds, at.locationId) && roleHolds(g.role, permission)) return true;
  for (const d of subject.delegations) if (at.now < d.expiresAt && covers(d.locationIds, at.locationId) && d.permissions.includes(permission)) return true;
  return false;
}

/** The locations where `permission` holds (null: everywhere), e.g. to filter a list or a pull. */
export function locationsWhere(subject: Subject, permission: Permission, now: number): Set<string> | null {
  const out = new Set<string>();
  const sources = [
    ...subject.grants.filter((g) => roleHolds(g.role, permission)),
    ...subject.delegations.filter((d) => now < d.expiresAt && d.permissions.includes(permission)),
  ];
  for (const s of sources) {
    if (s.locationIds === null) return null;
    for (const id of s.locationIds) out.add(id);
  }
  return out;
}

/**
 * A person may lend only what their own roles give them (not what was lent to them), everywhere the
 * loan applies.
 */
export function canDelegate(from: Subject, permissions: readonly Permission[], locationIds: readonly string[] | null, now: number): boolean {
  const own: Subject = { grants: from.grants, delegations: [] };
  return permissions.every((p) => {
    const where = locationsWhere(own, p, now);
    if (where === null) return true;
    return locationIds !== null && locationIds.every((id) => where.has(id));
  });
}
