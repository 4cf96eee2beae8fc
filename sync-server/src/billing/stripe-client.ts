import Stripe from "stripe";

/**
 * The official SDK, pointed at Stripe, or at `apiBase` (STRIPE_API_BASE: tests answer the API
 * from a local server). Network retries reuse the request's idempotency key, so they are safe.
 */
export function createStripeClient(secretKey: string, apiBase: string | undefined): Stripe {
  const config: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000, telemetry: false };
  if (apiBase) {
    const url = new URL(apiBase);
    config.host = url.hostname;
    config.protocol = url.protocol === "http:" ? "http" : "https";
    config.port = url.port || (url.protocol === "http:" ? 80 : 443);
  }
  return new Stripe(secretKey, config);
}
