import { pullInput, pushInput } from "../../../shared/sync/protocol";
import { authedProcedure, liveProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { liveVersions } from "./live-versions";
import { pull } from "./pull";
import { pushKeepingTenantName } from "./tenant-name";

/** Push, pull and live (ARCHITECTURE.md, sync protocol steps 2 to 4) for a logged-in device. */
export const syncProtocolRouter = router({
  push: authedProcedure.input(pushInput).mutation(({ ctx, input }) => pushKeepingTenantName(ctx.services.accounts, ctx.auth, input, ctx.services.billing)),
  pull: authedProcedure.input(pullInput).query(({ ctx, input }) => pull(ctx.auth, input)),
  live: liveProcedure.subscription(({ ctx, signal }) => liveVersions(ctx.services.accounts, ctx.live, ctx.auth, ctx.authorization, signal)),
});
