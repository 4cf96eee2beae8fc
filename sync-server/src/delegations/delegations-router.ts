import { createDelegationInput, delegationRef } from "../../../shared/schemas/team";
import { router } from "../trpc/init";
import { accessProcedure } from "../trpc/procedures";
import { createDelegation, listDelegations, revokeDelegation } from "./delegations";

/** Any member may lend what their own role holds: delegations.ts decides with ctx.access. */
export const delegationsRouter = router({
  create: accessProcedure.input(createDelegationInput).mutation(({ ctx, input }) => createDelegation(ctx.services.accounts, ctx.auth, ctx.access, input)),
  revoke: accessProcedure.input(delegationRef).mutation(({ ctx, input }) => revokeDelegation(ctx.services.accounts, ctx.auth, ctx.access, input.id)),
  list: accessProcedure.query(({ ctx }) => listDelegations(ctx.services.accounts, ctx.auth)),
});
