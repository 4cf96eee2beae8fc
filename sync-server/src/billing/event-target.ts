import type Stripe from "stripe";

/** The subscription an event is about, and the studio the event names (metadata this server set). */
export interface EventTarget {
  subscriptionId: string;
  tenantId: string | null;
}

const idOf = (ref: string | { id: string }): string => (typeof ref === "string" ? ref : ref.id);

/**
 * Which subscription to re-read for an event this server acts on, or null for the others. The
 * studio comes from the payload (signature-checked, and metadata that never changes once set);
 * the subscription's state never does: it is re-read from the API, as events can arrive out of order.
 */
export function eventTarget(event: Stripe.Event): EventTarget | null {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      if (session.mode !== "subscription" || !session.subscription) return null;
      return { subscriptionId: idOf(session.subscription), tenantId: session.client_reference_id ?? session.metadata?.["tenant_id"] ?? null };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
    case "customer.subscription.trial_will_end": {
      const subscription = event.data.object;
      return { subscriptionId: subscription.id, tenantId: subscription.metadata["tenant_id"] ?? null };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const details = event.data.object.parent?.subscription_details;
      if (!details) return null;
      return { subscriptionId: idOf(details.subscription), tenantId: details.metadata?.["tenant_id"] ?? null };
    }
    default:
      return null;
  }
}
