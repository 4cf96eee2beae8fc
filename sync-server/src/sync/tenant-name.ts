import type { PushInput, PushOutput } from "../../../shared/sync/protocol";
import type { AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { withTenant } from "../db/with-tenant";
import type { BillingDeps } from "../billing/billing-deps";
import { push } from "./push";

/**
 * A push, with tenants.name (login's studio list, "Studio account") kept in step with the studio
 * row's name. A pooled studio's trigger does it in the push's own transaction (migration 005); a
 * studio in a dedicated database has its tenants row in the primary, so it is copied after commit.
 */
export async function pushKeepingTenantName(deps: AccountsDeps, auth: AuthSession, input: PushInput, billing?: BillingDeps): Promise<PushOutput> {
  const output = await push(auth, input, deps.now, billing);
  const renamed = input.mutations.some((m, i) => m.entity === "studio" && "name" in m.changes && output.results[i]?.status === "applied");
  if (!renamed || (await deps.databases.databaseOf(auth.tenantId)) === null) return output;
  const name = await auth.inTenant(async (tx) => {
    const { rows } = await tx.query<{ name: string }>("SELECT name FROM studios WHERE tenant_id = $1 AND id = $1", [auth.tenantId]);
    return rows[0]?.name;
  });
  if (name !== undefined) {
    await withTenant(deps.databases.primary, auth.tenantId, (tx) => tx.query("UPDATE tenants SET name = $2 WHERE tenant_id = $1", [auth.tenantId, name]));
  }
  return output;
}
