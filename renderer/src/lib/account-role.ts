import { ROLES, type Role } from "../../../shared/permissions/roles";
import type { Translate } from "../i18n";

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** A studio role in words; a role from a newer server than this app is shown as it came. */
export function roleText(t: Translate, role: string | null | undefined): string {
  if (!role) return t("common.none");
  return isRole(role) ? t(`account.role.${role}`) : role;
}
