import { PERMISSIONS, type Permission } from "../../../shared/permissions/permissions";

export const PERMISSION_GROUPS = ["booking", "client", "finance", "documents", "report", "setup"] as const;
export type PermissionGroup = (typeof PERMISSION_GROUPS)[number];

/** Which heading a permission sits under in the matrix and the delegation form (by its name's prefix). */
export function groupOf(permission: Permission): PermissionGroup {
  const prefix = permission.split(".")[0]!;
  if (prefix === "booking" || prefix === "client" || prefix === "report") return prefix;
  if (prefix === "finance" || prefix === "payment") return "finance";
  if (prefix === "contract" || prefix === "quote" || prefix === "invoice") return "documents";
  return "setup";
}

/** Every permission under its heading, in PERMISSIONS order. */
export function groupedPermissions(only: readonly Permission[] = PERMISSIONS): { group: PermissionGroup; permissions: Permission[] }[] {
  return PERMISSION_GROUPS.map((group) => ({ group, permissions: only.filter((p) => groupOf(p) === group) })).filter((g) => g.permissions.length > 0);
}
