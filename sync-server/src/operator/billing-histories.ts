import { isSubscriptionStatus } from "../../../shared/billing/billing-state";
import { BILLING_INTERVALS, PAID_PLANS, type BillingInterval, type PaidPlan } from "../../../shared/billing/plans";
import type { StudioBillingHistory, SubscriptionChange } from "../../../shared/billing/saas-history";
import type { TenantDatabases } from "../db/tenant-databases";

interface OperatorBillingRow {
  tenant_id: string;
  signed_up_at_ms: string;
  trial_ends_at_ms: string | null;
  database_name: string | null;
  changes: { at: number; plan: string; interval: string; status: string; trialEnd: number | null }[];
}

function change(tenantId: string, c: OperatorBillingRow["changes"][number]): SubscriptionChange {
  if (!(PAID_PLANS as readonly string[]).includes(c.plan) || !(BILLING_INTERVALS as readonly string[]).includes(c.interval) || !isSubscriptionStatus(c.status)) {
    throw new Error(`Studio ${tenantId} has a subscription state this server does not know: ${JSON.stringify(c)}`);
  }
  return { at: Number(c.at), plan: c.plan as PaidPlan, interval: c.interval as BillingInterval, status: c.status, trialEnd: c.trialEnd === null ? null : Number(c.trialEnd) };
}

/**
 * Every studio's billing history, pooled and dedicated alike: billing and the tenant directory live
 * in the primary database, read through the one cross-studio function made for the operator
 * (migration 012), never through a studio's RLS context.
 */
export async function loadBillingHistories(databases: TenantDatabases): Promise<StudioBillingHistory[]> {
  const { rows } = await databases.primary.query<OperatorBillingRow>("SELECT tenant_id, signed_up_at_ms, trial_ends_at_ms, database_name, changes FROM rsm_operator_billing()");
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    signedUpAt: Number(r.signed_up_at_ms),
    trialEndsAt: r.trial_ends_at_ms === null ? null : Number(r.trial_ends_at_ms),
    dedicated: r.database_name !== null,
    changes: r.changes.map((c) => change(r.tenant_id, c)),
  }));
}
