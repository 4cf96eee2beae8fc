import type { MembershipRole } from "../../../shared/schemas/account";
import { withTenant } from "../db/with-tenant";
import type { AccountsDeps } from "./accounts-deps";
import type { AuthSession } from "./authenticate";

export interface WhoAmI {
  userId: string;
  email: string;
  name: string;
  tenantId: string;
  studioName: string;
  role: MembershipRole;
  deviceId: string;
}

/** The signed-in person, studio and device, as the desktop shows them under "Studio account". */
export async function whoAmI(deps: AccountsDeps, auth: AuthSession): Promise<WhoAmI> {
  const { primary } = deps.databases;
  const user = await primary.query<{ email: string; name: string }>("SELECT email, name FROM users WHERE id = $1", [auth.userId]);
  const studioName = await withTenant(primary, auth.tenantId, async (tx) => {
    const { rows } = await tx.query<{ name: string }>("SELECT name FROM tenants WHERE tenant_id = $1", [auth.tenantId]);
    return rows[0]?.name ?? "";
  });
  return {
    userId: auth.userId,
    email: user.rows[0]?.email ?? "",
    name: user.rows[0]?.name ?? "",
    tenantId: auth.tenantId,
    studioName,
    role: auth.role,
    deviceId: auth.deviceId,
  };
}
