import type http from "node:http";
import Stripe from "stripe";
import type { BillingDeps } from "./billing-deps";
import { processStripeEvent } from "./process-event";

export const STRIPE_WEBHOOK_PATH = "/stripe/webhook";

/** Stripe's events are far smaller; a bigger body is not Stripe's. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookReply {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The body exactly as sent (the signature covers these bytes), or null past the size bound. */
async function rawBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * `POST /stripe/webhook`, served before tRPC so the raw body reaches the signature check. 400 for
 * a bad signature (Stripe does not retry it); 500 when processing failed (Stripe retries, and
 * stripe_events lets the retry through since it was never marked processed); 200 otherwise,
 * including for an event already processed.
 */
export async function stripeWebhookReply(req: http.IncomingMessage, billing: BillingDeps | undefined): Promise<WebhookReply> {
  if (req.method !== "POST") return { status: 405, body: { error: "Method not allowed" }, headers: { allow: "POST" } };
  const stripe = billing?.stripe;
  if (!billing || !stripe) return { status: 404, body: { error: "Billing is off on this server" } };
  const body = await rawBody(req);
  if (!body) return { status: 413, body: { error: "Body too large" }, headers: { connection: "close" } };
  let event: Stripe.Event;
  try {
    event = stripe.client.webhooks.constructEvent(body, String(req.headers["stripe-signature"] ?? ""), stripe.webhookSecret);
  } catch (err) {
    billing.log({ level: "warn", msg: "stripe webhook refused", error: err instanceof Error ? err.message : String(err) });
    return { status: 400, body: { error: err instanceof Stripe.errors.StripeSignatureVerificationError ? "Bad signature" : "Bad event" } };
  }
  try {
    return { status: 200, body: { received: true, outcome: await processStripeEvent(billing, stripe, event) } };
  } catch (err) {
    billing.log({ level: "error", msg: "stripe event not processed", event: event.id, type: event.type, error: err instanceof Error ? err.message : String(err) });
    return { status: 500, body: { error: "Not processed: Stripe will retry" } };
  }
}
