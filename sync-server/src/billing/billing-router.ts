import { checkoutInput } from "../../../shared/billing/billing-api";
import { authedProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { billingManagerProcedure } from "./billing-procedures";
import { billingStatus } from "./billing-status";
import { createCheckout } from "./checkout";
import { listInvoices } from "./invoices";
import { createPortal } from "./portal";

export const billingRouter = router({
  status: authedProcedure.query(({ ctx }) => billingStatus(ctx.services.billing, ctx.services.accounts.databases, ctx.auth, ctx.services.accounts.now())),
  checkout: billingManagerProcedure.input(checkoutInput).mutation(({ ctx, input }) => createCheckout(ctx.billing, ctx.stripe, ctx.auth, input)),
  portal: billingManagerProcedure.mutation(({ ctx }) => createPortal(ctx.billing, ctx.stripe, ctx.auth.tenantId)),
  invoices: billingManagerProcedure.query(({ ctx }) => listInvoices(ctx.billing, ctx.stripe, ctx.auth.tenantId)),
});
