import { z } from "zod";
import { idSchema } from "../../../../shared/schemas/common";
import { procedure, router, studioProcedure } from "../trpc";
import { syncInbox } from "../../account/sync-inbox";

const mutationRef = z.object({ mutationId: idSchema });

/** The status indicator, "Sync now", and the conflicts inbox (kept conflicts and refused changes). */
export const syncProcedures = router({
  status: procedure.query(({ ctx }) => ctx.core.sync.status()),
  // The round's failure is part of the status it returns (state, error in words), not a thrown error.
  now: procedure.mutation(({ ctx }) => ctx.core.sync.syncNow().catch(() => ctx.core.sync.status())),
  inbox: studioProcedure.query(({ ctx }) => syncInbox(ctx.core)),
  retryRejected: studioProcedure.input(mutationRef).mutation(({ ctx, input }) => {
    ctx.core.outbox.retryRejected(input.mutationId);
    ctx.core.sync.kick();
  }),
  dismissRejected: studioProcedure.input(mutationRef).mutation(({ ctx, input }) => ctx.core.outbox.dismissRejected(input.mutationId)),
});
