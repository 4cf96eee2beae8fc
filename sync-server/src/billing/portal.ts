import type { RedirectUrl } from "../../../shared/billing/billing-api";
import { uuidv7 } from "../../../shared/ids";
import { ServerError } from "../errors";
import type { BillingDeps, StripeBilling } from "./billing-deps";
import { customerOf } from "./customer";
import { stripeCall } from "./stripe-call";

/** A Customer Portal session: change plan or interval, payment method, cancel. */
export async function createPortal(deps: BillingDeps, stripe: StripeBilling, tenantId: string): Promise<RedirectUrl> {
  const customer = await customerOf(deps, tenantId);
  if (!customer) throw new ServerError("BILLING_NO_CUSTOMER", "The studio has not subscribed yet: choose a plan first");
  const session = await stripeCall(deps.log, "open the Customer Portal", () =>
    stripe.client.billingPortal.sessions.create({ customer, return_url: `${stripe.appUrl}/billing` }, { idempotencyKey: `rsm-portal-${uuidv7(deps.now())}` }),
  );
  return { url: session.url };
}
