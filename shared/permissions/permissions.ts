import type { Role } from "./roles";
import { roleChain } from "./roles";

/**
 * Every named permission, grouped as the users screen shows them. A permission is checked by name
 * in the renderer (to hide), the core (to refuse) and the server (to reject a pushed mutation).
 */
export const PERMISSIONS = [
  // Calendar and bookings
  "booking.view",
  "booking.create",
  "booking.edit",
  "booking.cancel",
  "booking.override_past",
  "booking.notes",
  // Clients
  "client.view",
  "client.manage",
  // Money seen on screens: prices, balances, payments
  "finance.view",
  "payment.record",
  // Documents
  "contract.create",
  "contract.sign",
  "quote.create",
  "invoice.issue",
  "invoice.void",
  // Reports
  "report.view",
  "report.financial",
  // The studio's set-up
  "room.manage",
  "equipment.manage",
  "location.manage",
  "studio.settings",
  "staff.manage",
  "users.manage",
  "devices.manage",
  "audit.view",
  "security.manage",
  "billing.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role adds to the role it extends (roles.ts). */
const OWN: Record<Role, readonly Permission[]> = {
  viewer: ["booking.view", "client.view"],
  // Engineers see reports of hours and utilisation; money stays behind finance.view.
  engineer: ["booking.notes", "contract.sign", "report.view"],
  front_desk: ["booking.create", "booking.edit", "booking.cancel", "client.manage", "finance.view", "payment.record", "contract.create", "quote.create"],
  manager: ["booking.override_past", "invoice.issue", "report.view", "report.financial", "room.manage", "equipment.manage"],
  admin: ["invoice.void", "location.manage", "studio.settings", "staff.manage", "users.manage", "devices.manage", "audit.view"],
  owner: ["security.manage", "billing.manage"],
  accountant: ["finance.view", "report.view", "report.financial", "audit.view"],
};

/** Every permission a role holds, its own and inherited, in PERMISSIONS order. */
export function rolePermissions(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => HELD[role].has(p));
}

/** The matrix as sets, computed once: the core asks on every write. */
const HELD: Record<Role, ReadonlySet<Permission>> = {
  owner: held("owner"),
  admin: held("admin"),
  manager: held("manager"),
  front_desk: held("front_desk"),
  engineer: held("engineer"),
  viewer: held("viewer"),
  accountant: held("accountant"),
};

function held(role: Role): ReadonlySet<Permission> {
  return new Set(roleChain(role).flatMap((r) => OWN[r]));
}

export function roleHolds(role: Role, permission: Permission): boolean {
  return HELD[role].has(permission);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (PERMISSIONS as readonly string[]).includes(value);
}
