import { LIVE_STATUSES } from "../../../shared/billing/billing-state";
import type { CheckoutInput, RedirectUrl } from "../../../shared/billing/billing-api";
import { uuidv7 } from "../../../shared/ids";
import { withTenant } from "../db/with-tenant";
import { ServerError } from "../errors";
import type { BillingDeps, StripeBilling } from "./billing-deps";
import { ensureCustomer } from "./customer";
import { stripeCall } from "./stripe-call";
import { readSubscriptionRow } from "./subscription-store";

/** Stripe refuses a Checkout trial ending sooner than this; a studio trial with less left is not carried over. */
const MIN_CHECKOUT_TRIAL_MS = 48 * 3600_000 + 10 * 60_000;

/**
 * A Checkout Session for the plan's configured price. A studio subscribing during its own trial
 * keeps the days left (the subscription starts trialing until then); the tenant id rides in the
 * session and the subscription's metadata, so the webhook knows the studio without a lookup.
 */
export async function createCheckout(deps: BillingDeps, stripe: StripeBilling, who: { tenantId: string; userId: string }, input: CheckoutInput): Promise<RedirectUrl> {
  const { tenantId } = who;
  const current = await withTenant(deps.databases.primary, tenantId, async (tx) => {
    const { rows } = await tx.query<{ trial_ends_at: Date | null }>("SELECT trial_ends_at FROM tenants WHERE tenant_id = $1", [tenantId]);
    return { row: await readSubscriptionRow(tx, tenantId), trialEndsAt: rows[0]?.trial_ends_at ?? null };
  });
  if (current.row?.status && LIVE_STATUSES.has(current.row.status)) {
    throw new ServerError("BILLING_ALREADY_SUBSCRIBED", "The studio already has a subscription: change or cancel it in the Customer Portal", { status: current.row.status });
  }
  const customer = await ensureCustomer(deps, stripe, tenantId, who.userId);
  const trialEnd = current.trialEndsAt && current.trialEndsAt.getTime() - deps.now() >= MIN_CHECKOUT_TRIAL_MS ? Math.floor(current.trialEndsAt.getTime() / 1000) : undefined;
  const session = await stripeCall(deps.log, "open Checkout", () =>
    stripe.client.checkout.sessions.create(
      {
        mode: "subscription",
        customer,
        client_reference_id: tenantId,
        line_items: [{ price: stripe.prices[input.plan][input.interval], quantity: 1 }],
        subscription_data: { metadata: { tenant_id: tenantId }, ...(trialEnd ? { trial_end: trialEnd } : {}) },
        metadata: { tenant_id: tenantId },
        success_url: `${stripe.appUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${stripe.appUrl}/billing/cancelled`,
      },
      { idempotencyKey: `rsm-checkout-${uuidv7(deps.now())}` },
    ),
  );
  if (!session.url) throw new ServerError("BILLING_FAILED", "Stripe answered without a Checkout address");
  return { url: session.url };
}
