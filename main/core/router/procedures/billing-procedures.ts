import { checkoutInput } from "../../../../shared/billing/billing-api";
import { PlanStore } from "../../account/plan-store";
import { readPlan } from "../../account/plan-view";
import { router } from "../trpc";
import { remote } from "./team-procedures";

/**
 * Settings → Plan & billing, proxied to the studio account's server (sync-server/src/billing):
 * NOT_CONNECTED without an account. `status` is for every member and works offline (the last
 * known plan, with the offline grace rule); buying, the Portal and invoices need the server and
 * `billing.manage` there (BILLING_DISABLED on a server without Stripe). The URLs returned are
 * opened by the renderer in the system browser.
 */
export const billingProcedures = router({
  status: remote.query(({ ctx }) => {
    const session = ctx.core.sync.sessions.get();
    return readPlan(ctx.server, new PlanStore(ctx.core.db), session?.tenantId ?? "", ctx.core.now);
  }),
  checkout: remote.input(checkoutInput).mutation(({ ctx, input }) => ctx.server.call((c) => c.billing.checkout.mutate(input))),
  portal: remote.mutation(({ ctx }) => ctx.server.call((c) => c.billing.portal.mutate())),
  invoices: remote.query(({ ctx }) => ctx.server.call((c) => c.billing.invoices.query())),
});
