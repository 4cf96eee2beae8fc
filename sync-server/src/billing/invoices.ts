import type Stripe from "stripe";
import type { InvoiceSummary } from "../../../shared/billing/billing-api";
import type { BillingDeps, StripeBilling } from "./billing-deps";
import { customerOf } from "./customer";
import { stripeCall } from "./stripe-call";

/** The last two years of monthly invoices fit in one page. */
const INVOICES_SHOWN = 24;

function summary(invoice: Stripe.Invoice): InvoiceSummary {
  return {
    id: invoice.id ?? "",
    number: invoice.number,
    createdAt: invoice.created * 1000,
    totalCents: invoice.total,
    currency: invoice.currency.toUpperCase(),
    status: invoice.status,
    hostedUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
  };
}

/** The studio's Stripe invoices, newest first; none before its first Checkout. */
export async function listInvoices(deps: BillingDeps, stripe: StripeBilling, tenantId: string): Promise<InvoiceSummary[]> {
  const customer = await customerOf(deps, tenantId);
  if (!customer) return [];
  const page = await stripeCall(deps.log, "list the invoices", () => stripe.client.invoices.list({ customer, limit: INVOICES_SHOWN }));
  return page.data.map(summary);
}
