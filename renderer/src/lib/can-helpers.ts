import { can, type Subject } from "../../../shared/permissions/access";
import type { Permission } from "../../../shared/permissions/permissions";

/** What `account.access` answers: who acts here, and the core's bounded clock when it answered. */
export interface AccessView {
  subject: Subject;
  now: number;
}

/**
 * May the person do `permission` (at `locationId`)? While access is still loading, nothing is
 * allowed: a button appearing a moment later beats one that flashes and disappears.
 * `elapsed` moves the core's clock forward so a delegation ends on screen when it ends in the core.
 */
export function canWith(access: AccessView | undefined, permission: Permission, locationId?: string | null, elapsed = 0): boolean {
  if (!access) return false;
  return can(access.subject, permission, { locationId: locationId ?? null, now: access.now + Math.max(0, elapsed) });
}
