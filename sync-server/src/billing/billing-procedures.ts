import { ServerError } from "../errors";
import { permissionProcedure } from "../trpc/procedures";

/** Buying, managing and reading invoices: `billing.manage` (owners), on a server that sells plans. */
export const billingManagerProcedure = permissionProcedure("billing.manage").use(({ ctx, next }) => {
  const billing = ctx.services.billing;
  if (!billing?.stripe) throw new ServerError("BILLING_DISABLED", "This server runs without billing: every studio is on its configured plan");
  return next({ ctx: { billing, stripe: billing.stripe } });
});
