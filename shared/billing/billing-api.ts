import { z } from "zod";
import type { BillingState, SubscriptionStatus } from "./billing-state";
import type { EffectivePlan } from "./effective-plan";
import type { Entitlements } from "./entitlements";
import { BILLING_INTERVALS, PAID_PLANS, type BillingInterval } from "./plans";
import type { PlanUsage } from "./usage";

/** billing.checkout: the plan and interval to subscribe to. */
export const checkoutInput = z.object({ plan: z.enum(PAID_PLANS), interval: z.enum(BILLING_INTERVALS) });
export type CheckoutInput = z.infer<typeof checkoutInput>;

/** billing.status: everything Settings → Plan & billing shows, and what the desktop keeps for offline. */
export interface BillingStatus {
  billing: "on" | "off";
  effective: EffectivePlan;
  entitlements: Entitlements;
  usage: PlanUsage;
  /** Null without a subscription (never subscribed, or billing off). */
  subscription: {
    status: SubscriptionStatus;
    interval: BillingInterval;
    currentPeriodEnd: number | null;
    cancelAtPeriodEnd: boolean;
  } | null;
  /** What offlinePlan() re-reads on the desktop, with `fetchedAt` (the server's clock). */
  state: BillingState;
  fetchedAt: number;
}

/** One Stripe invoice as billing.invoices lists it; amounts in cents. */
export interface InvoiceSummary {
  id: string;
  number: string | null;
  createdAt: number;
  totalCents: number;
  currency: string;
  status: string | null;
  hostedUrl: string | null;
  pdfUrl: string | null;
}

/** billing.checkout and billing.portal: the page to open in the browser. */
export interface RedirectUrl {
  url: string;
}
