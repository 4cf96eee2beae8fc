import Stripe from "stripe";
import { ServerError } from "../errors";
import type { Logger } from "../log";

/** A Stripe API call; Stripe's refusal or silence becomes BILLING_FAILED (logged, with Stripe's code). */
export async function stripeCall<T>(log: Logger, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError)) throw err;
    log({ level: "warn", msg: "stripe call failed", call: what, type: err.type, code: err.code ?? null, status: err.statusCode ?? null, error: err.message });
    throw new ServerError("BILLING_FAILED", `Stripe could not ${what}: ${err.message}`, { stripeType: err.type, stripeCode: err.code ?? null });
  }
}
