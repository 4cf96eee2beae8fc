import type { BillingState, SubscriptionState, SubscriptionStatus } from "../../../shared/billing/billing-state";
import type { BillingInterval, PaidPlan } from "../../../shared/billing/plans";
import type { Tx } from "../db/with-tenant";

/** The studio's row in `subscriptions` (migration 008), in the primary database. */
export interface SubscriptionRow {
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  plan: PaidPlan | null;
  billing_interval: BillingInterval | null;
  status: SubscriptionStatus | null;
  current_period_end: Date | null;
  trial_end: Date | null;
  past_due_since: Date | null;
  cancel_at_period_end: boolean;
}

const COLUMNS = "stripe_customer_id, stripe_subscription_id, plan, billing_interval, status, current_period_end, trial_end, past_due_since, cancel_at_period_end";

/** `lock`: held until the transaction ends, so concurrent writers of one studio's billing take turns. */
export async function readSubscriptionRow(tx: Tx, tenantId: string, lock = false): Promise<SubscriptionRow | null> {
  const { rows } = await tx.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE tenant_id = $1${lock ? " FOR UPDATE" : ""}`, [tenantId]);
  return rows[0] ?? null;
}

const ms = (d: Date | null): number | null => d?.getTime() ?? null;

export function subscriptionState(row: SubscriptionRow | null): SubscriptionState | null {
  if (!row?.status || !row.plan || !row.billing_interval) return null;
  return {
    plan: row.plan,
    interval: row.billing_interval,
    status: row.status,
    currentPeriodEnd: ms(row.current_period_end),
    trialEnd: ms(row.trial_end),
    pastDueSince: ms(row.past_due_since),
    cancelAtPeriodEnd: row.cancel_at_period_end,
  };
}

/** The studio's subscription and its own trial (dated at sign-up), under its tenant context in the primary database. */
export async function readBillingState(tx: Tx, tenantId: string): Promise<Extract<BillingState, { mode: "on" }>> {
  const { rows } = await tx.query<{ trial_ends_at: Date | null }>("SELECT trial_ends_at FROM tenants WHERE tenant_id = $1", [tenantId]);
  return { mode: "on", subscription: subscriptionState(await readSubscriptionRow(tx, tenantId)), studioTrialEndsAt: ms(rows[0]?.trial_ends_at ?? null) };
}
