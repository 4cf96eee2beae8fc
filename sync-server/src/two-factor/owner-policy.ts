import type { MembershipRole } from "../../../shared/schemas/account";
import type { AccountsDeps } from "../accounts/accounts-deps";
import { withTenant } from "../db/with-tenant";
import { readTotp } from "./totp-store";

/** The studio's "owners must use two-factor" setting (tenants.require_owner_2fa). */
export async function requiresOwner2fa(deps: AccountsDeps, tenantId: string): Promise<boolean> {
  return withTenant(deps.databases.primary, tenantId, async (tx) => {
    const { rows } = await tx.query<{ require_owner_2fa: boolean }>("SELECT require_owner_2fa FROM tenants WHERE tenant_id = $1", [tenantId]);
    return rows[0]?.require_owner_2fa ?? false;
  });
}

/**
 * Whether a session must be limited to setting up two-factor: an owner of a studio that requires
 * it, who has none yet. Decided at login and again at each refresh, so it lifts once set up.
 */
export async function totpSetupOnly(deps: AccountsDeps, tenantId: string, userId: string, role: MembershipRole): Promise<boolean> {
  if (role !== "owner" || !(await requiresOwner2fa(deps, tenantId))) return false;
  return !(await readTotp(deps.databases.primary, userId)).enabled;
}
