import crypto from "node:crypto";
import Stripe from "stripe";

export const TEST_WEBHOOK_SECRET = "whsec_test_0123456789abcdef";

/** An event in Stripe's envelope around `object` (a subscription, an invoice, a Checkout Session). */
export function stripeEvent(type: string, object: Record<string, unknown>, id = `evt_${crypto.randomBytes(12).toString("hex")}`): Record<string, unknown> {
  return {
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  };
}

/** Posts the event to the server's webhook, signed with Stripe's real scheme (or with `secret` to forge one). */
export async function postStripeEvent(serverUrl: string, event: Record<string, unknown>, secret = TEST_WEBHOOK_SECRET): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const res = await fetch(`${serverUrl}/stripe/webhook`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
