import Stripe from "stripe";
import { isUuid } from "../../../shared/ids";
import { inTransaction, withTenant, type Tx } from "../db/with-tenant";
import type { BillingDeps, StripeBilling } from "./billing-deps";
import { eventTarget } from "./event-target";
import { saveSubscription } from "./save-subscription";
import { stripeCall } from "./stripe-call";
import { subscriptionSnapshot } from "./subscription-snapshot";
import { readSubscriptionRow } from "./subscription-store";

async function markProcessed(tx: Tx, eventId: string, outcome: string, now: Date): Promise<string> {
  await tx.query("UPDATE stripe_events SET processed_at = $2, outcome = $3 WHERE event_id = $1", [eventId, now, outcome]);
  return outcome;
}

/** Whether this event's effect already committed (locking its row until this transaction ends). */
async function alreadyProcessed(tx: Tx, eventId: string): Promise<boolean> {
  const { rows } = await tx.query<{ processed_at: Date | null }>("SELECT processed_at FROM stripe_events WHERE event_id = $1 FOR UPDATE", [eventId]);
  return rows[0]?.processed_at != null;
}

/**
 * One verified event, once. The delivery is recorded first, outside any studio (stripe_events holds
 * no studio data). The studio is then read from the payload, and the rest runs in one transaction
 * under that studio's RLS context: the event row and the studio's subscription row are locked, the
 * subscription is re-read from Stripe's API (so late or reordered events cannot bring back an old
 * state, and two deliveries of one studio's events take turns), saved, and the event marked
 * processed in the same commit. A failure leaves it unprocessed: Stripe's retry does it again.
 */
export async function processStripeEvent(deps: BillingDeps, stripe: StripeBilling, event: Stripe.Event): Promise<string> {
  const now = new Date(deps.now());
  const { primary } = deps.databases;
  const target = eventTarget(event);
  const tenantId = target?.tenantId && isUuid(target.tenantId) ? target.tenantId : null;
  const pending = await inTransaction(primary, {}, async (tx) => {
    await tx.query("INSERT INTO stripe_events (event_id, type, received_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING", [event.id, event.type, now]);
    if (await alreadyProcessed(tx, event.id)) return false;
    if (target && tenantId) return true;
    await markProcessed(tx, event.id, target ? "ignored: no studio in the metadata" : "ignored: not acted on", now);
    if (target) deps.log({ level: "warn", msg: "stripe event names no studio", event: event.id, type: event.type, subscription: target.subscriptionId });
    return false;
  });
  if (!pending || !target || !tenantId) return "already processed or ignored";

  return withTenant(primary, tenantId, async (tx) => {
    if (await alreadyProcessed(tx, event.id)) return "already processed";
    const { rowCount } = await tx.query("SELECT 1 FROM tenants WHERE tenant_id = $1", [tenantId]);
    if (!rowCount) return markProcessed(tx, event.id, `ignored: no studio ${tenantId}`, now);
    const row = await readSubscriptionRow(tx, tenantId, true);
    const sub = await retrieveSubscription(deps, stripe, target.subscriptionId);
    if (!sub) return markProcessed(tx, event.id, `ignored: subscription ${target.subscriptionId} not found`, now);
    const snapshot = subscriptionSnapshot(sub, stripe.prices);
    if (snapshot.tenantId && snapshot.tenantId !== tenantId) return markProcessed(tx, event.id, `ignored: subscription belongs to studio ${snapshot.tenantId}`, now);
    const outcome = await saveSubscription(tx, tenantId, row, snapshot, now);
    deps.log({ level: outcome.startsWith("ignored") ? "warn" : "info", msg: "stripe event processed", event: event.id, type: event.type, tenant: tenantId, outcome, ...(snapshot.trialEnd ? { trialEnd: snapshot.trialEnd.toISOString() } : {}) });
    return markProcessed(tx, event.id, outcome, now);
  });
}

/** The subscription as Stripe holds it now; null when Stripe has no such subscription. */
function retrieveSubscription(deps: BillingDeps, stripe: StripeBilling, id: string): Promise<Stripe.Subscription | null> {
  return stripeCall(deps.log, "read the subscription", () =>
    stripe.client.subscriptions.retrieve(id).catch((err: unknown) => {
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === "resource_missing") return null;
      throw err;
    }),
  );
}
