import type { AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { recordSecurityEvent } from "../audit/audit-log";
import { withTenant } from "../db/with-tenant";
import { backupCodesLeft, readTotp } from "./totp-store";
import { requiresOwner2fa } from "./owner-policy";

export interface SecurityStatus {
  totpEnabled: boolean;
  backupCodesLeft: number;
  requireOwner2fa: boolean;
  /** This session may only set up two-factor (log in again, or refresh, once it is on). */
  totpSetupRequired: boolean;
}

export async function securityStatus(deps: AccountsDeps, auth: AuthSession): Promise<SecurityStatus> {
  const { primary } = deps.databases;
  return {
    totpEnabled: (await readTotp(primary, auth.userId)).enabled,
    backupCodesLeft: await backupCodesLeft(primary, auth.userId),
    requireOwner2fa: await requiresOwner2fa(deps, auth.tenantId),
    totpSetupRequired: auth.totpSetupOnly,
  };
}

export async function setSecuritySettings(deps: AccountsDeps, auth: AuthSession, input: { requireOwner2fa: boolean }): Promise<{ requireOwner2fa: boolean }> {
  await withTenant(deps.databases.primary, auth.tenantId, (tx) =>
    tx.query("UPDATE tenants SET require_owner_2fa = $2 WHERE tenant_id = $1", [auth.tenantId, input.requireOwner2fa]),
  );
  await recordSecurityEvent(deps, auth.tenantId, { action: "security.settings_changed", userId: auth.userId, deviceId: auth.deviceId, details: { requireOwner2fa: input.requireOwner2fa } });
  return { requireOwner2fa: input.requireOwner2fa };
}
