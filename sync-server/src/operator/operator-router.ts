import { saasMetrics } from "../../../shared/billing/saas-metrics";
import { monthRangeInput } from "../../../shared/billing/saas-months";
import { router } from "../trpc/init";
import { loadBillingHistories } from "./billing-histories";
import { operatorProcedure } from "./operator-procedure";

/** The SaaS operator's API: metrics over every studio's billing, for a month range, as of now. */
export const operatorRouter = router({
  metrics: operatorProcedure.input(monthRangeInput).query(async ({ ctx, input }) =>
    saasMetrics(await loadBillingHistories(ctx.services.accounts.databases), input, ctx.services.accounts.now())),
});
