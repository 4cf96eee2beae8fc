import type { BillingStatus } from "../../../shared/billing/billing-api";
import type { AuthSession } from "../accounts/authenticate";
import type { TenantDatabases } from "../db/tenant-databases";
import { withTenant } from "../db/with-tenant";
import type { BillingDeps } from "./billing-deps";
import { studioPlan } from "./studio-plan";
import { countMembers, dataUsage } from "./usage-counts";

/** billing.status: the plan, its limits and the studio's use of them, for every member (the desktop mirrors them). */
export async function billingStatus(billing: BillingDeps | undefined, databases: TenantDatabases, auth: AuthSession, nowMs: number): Promise<BillingStatus> {
  const plan = await studioPlan(billing, auth.tenantId, nowMs);
  // One transaction after the other, never nested: a request never holds two pooled connections at once.
  const counts = await auth.inTenant((tx) => dataUsage(tx, auth.tenantId, nowMs));
  const users = await withTenant(databases.primary, auth.tenantId, (tx) => countMembers(tx, auth.tenantId));
  const sub = plan.state.mode === "on" ? plan.state.subscription : null;
  return {
    billing: plan.state.mode,
    effective: plan.effective,
    entitlements: plan.entitlements,
    usage: { ...counts, users },
    subscription: sub && { status: sub.status, interval: sub.interval, currentPeriodEnd: sub.currentPeriodEnd, cancelAtPeriodEnd: sub.cancelAtPeriodEnd },
    state: plan.state,
    fetchedAt: nowMs,
  };
}
