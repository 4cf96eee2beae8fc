import { pullInput, pushInput } from "../../../shared/sync/protocol";
import { authedProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { pull } from "./pull";
import { push } from "./push";

/** Push and pull (ARCHITECTURE.md, sync protocol steps 2 and 3) for a logged-in device. */
export const syncProtocolRouter = router({
  push: authedProcedure.input(pushInput).mutation(({ ctx, input }) => push(ctx.auth, input, ctx.services.accounts.now)),
  pull: authedProcedure.input(pullInput).query(({ ctx, input }) => pull(ctx.auth, input)),
});
