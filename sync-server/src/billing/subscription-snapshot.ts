import type Stripe from "stripe";
import { isSubscriptionStatus, type SubscriptionStatus } from "../../../shared/billing/billing-state";
import { BILLING_INTERVALS, PAID_PLANS, type BillingInterval, type PaidPlan } from "../../../shared/billing/plans";
import type { PriceTable } from "./billing-deps";

/** A subscription as read from Stripe's API, in this server's terms. */
export interface SubscriptionSnapshot {
  id: string;
  customerId: string;
  tenantId: string | null;
  /** Null: a price this server does not sell (set up by hand in the dashboard). */
  price: { plan: PaidPlan; interval: BillingInterval } | null;
  status: SubscriptionStatus;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
}

export function planOfPrice(prices: PriceTable, priceId: string): { plan: PaidPlan; interval: BillingInterval } | null {
  for (const plan of PAID_PLANS) for (const interval of BILLING_INTERVALS) if (prices[plan][interval] === priceId) return { plan, interval };
  return null;
}

const date = (seconds: number | null | undefined): Date | null => (seconds ? new Date(seconds * 1000) : null);

/** The period end lives on the subscription's items; with one item per studio subscription, it is that one's. */
export function subscriptionSnapshot(sub: Stripe.Subscription, prices: PriceTable): SubscriptionSnapshot {
  const item = sub.items.data[0];
  if (!isSubscriptionStatus(sub.status)) throw new Error(`Stripe subscription ${sub.id} has an unknown status "${sub.status}"`);
  return {
    id: sub.id,
    customerId: typeof sub.customer === "string" ? sub.customer : sub.customer.id,
    tenantId: sub.metadata["tenant_id"] ?? null,
    price: item ? planOfPrice(prices, item.price.id) : null,
    status: sub.status,
    currentPeriodEnd: date(item?.current_period_end),
    trialEnd: date(sub.trial_end),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
  };
}
