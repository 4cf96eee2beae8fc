import { LIVE_STATUSES } from "../../../shared/billing/billing-state";
import type { Tx } from "../db/with-tenant";
import type { SubscriptionSnapshot } from "./subscription-snapshot";
import type { SubscriptionRow } from "./subscription-store";

const OWING = new Set(["past_due", "unpaid"]);

/**
 * Writes the re-read subscription over the studio's row (locked by the caller), or says why not:
 * a customer that is not the studio's, an old subscription's late news while a newer one is live,
 * or a price this server does not sell. Returns the outcome kept with the event.
 */
export async function saveSubscription(tx: Tx, tenantId: string, row: SubscriptionRow | null, sub: SubscriptionSnapshot, now: Date): Promise<string> {
  if (row?.stripe_customer_id && row.stripe_customer_id !== sub.customerId) return `ignored: customer ${sub.customerId} is not this studio's`;
  const replacing = row?.stripe_subscription_id && row.stripe_subscription_id !== sub.id;
  if (replacing && row.status && LIVE_STATUSES.has(row.status) && !LIVE_STATUSES.has(sub.status)) return `ignored: ${sub.id} is older than the live ${row.stripe_subscription_id}`;
  if (!sub.price) return `ignored: ${sub.id} has a price this server does not sell`;
  // The grace period counts from the first time this subscription was seen owing, however many failures follow.
  const stillOwing = !replacing && row?.status && OWING.has(row.status) && row.past_due_since;
  const pastDueSince = OWING.has(sub.status) ? (stillOwing ? row.past_due_since : now) : null;
  await tx.query(
    `INSERT INTO subscriptions (tenant_id, stripe_customer_id, stripe_subscription_id, plan, billing_interval, status, current_period_end, trial_end, past_due_since, cancel_at_period_end, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (tenant_id) DO UPDATE SET stripe_customer_id = EXCLUDED.stripe_customer_id, stripe_subscription_id = EXCLUDED.stripe_subscription_id,
       plan = EXCLUDED.plan, billing_interval = EXCLUDED.billing_interval, status = EXCLUDED.status, current_period_end = EXCLUDED.current_period_end,
       trial_end = EXCLUDED.trial_end, past_due_since = EXCLUDED.past_due_since, cancel_at_period_end = EXCLUDED.cancel_at_period_end, updated_at = EXCLUDED.updated_at`,
    [tenantId, sub.customerId, sub.id, sub.price.plan, sub.price.interval, sub.status, sub.currentPeriodEnd, sub.trialEnd, pastDueSince, sub.cancelAtPeriodEnd, now],
  );
  return `${sub.price.plan} ${sub.status}`;
}
