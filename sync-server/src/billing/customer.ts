import { withTenant } from "../db/with-tenant";
import type { BillingDeps, StripeBilling } from "./billing-deps";
import { stripeCall } from "./stripe-call";
import { readSubscriptionRow } from "./subscription-store";

/**
 * The studio's Stripe customer, made once. The studio's row is locked while it is made, so two
 * checkouts at once make one customer; the idempotency key covers a retry after a lost answer.
 * The tenant id goes in the customer's metadata: the webhook learns the studio from it.
 */
export async function ensureCustomer(deps: BillingDeps, stripe: StripeBilling, tenantId: string, userId: string): Promise<string> {
  return withTenant(deps.databases.primary, tenantId, async (tx) => {
    await tx.query("INSERT INTO subscriptions (tenant_id, updated_at) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING", [tenantId, new Date(deps.now())]);
    const row = await readSubscriptionRow(tx, tenantId, true);
    if (row?.stripe_customer_id) return row.stripe_customer_id;
    const { rows } = await tx.query<{ name: string; email: string | null }>(
      "SELECT t.name, (SELECT u.email FROM users u WHERE u.id = $2) AS email FROM tenants t WHERE t.tenant_id = $1",
      [tenantId, userId],
    );
    const studio = rows[0]!;
    const customer = await stripeCall(deps.log, "create the customer", () =>
      stripe.client.customers.create(
        { name: studio.name, ...(studio.email ? { email: studio.email } : {}), metadata: { tenant_id: tenantId } },
        { idempotencyKey: `rsm-customer-${tenantId}` },
      ),
    );
    await tx.query("UPDATE subscriptions SET stripe_customer_id = $2, updated_at = $3 WHERE tenant_id = $1", [tenantId, customer.id, new Date(deps.now())]);
    return customer.id;
  });
}

/** The studio's customer id, once it has been through Checkout. */
export async function customerOf(deps: BillingDeps, tenantId: string): Promise<string | null> {
  const row = await withTenant(deps.databases.primary, tenantId, (tx) => readSubscriptionRow(tx, tenantId));
  return row?.stripe_customer_id ?? null;
}
