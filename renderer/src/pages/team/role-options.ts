import { ROLES, type Role } from "../../../../shared/permissions/roles";
import type { Translate } from "../../i18n";
import { roleText } from "../../lib/account-role";

/** Every role for a select, highest first, in the person's language. */
export function roleOptions(t: Translate): { value: Role; label: string }[] {
  return ROLES.map((r) => ({ value: r, label: roleText(t, r) }));
}
