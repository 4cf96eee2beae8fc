import { accountsRouter, devicesRouter } from "./accounts/accounts-router";
import { healthReport } from "./health";
import { syncProtocolRouter } from "./sync/sync-router";
import { publicProcedure, router } from "./trpc/init";

export type { SyncContext, SyncServices } from "./trpc/context";
export { healthReport, type HealthReport } from "./health";

/** The sync server's API. Live notifications come next. */
export const syncRouter = router({
  health: publicProcedure.query(({ ctx }) => healthReport(ctx)),
  accounts: accountsRouter,
  devices: devicesRouter,
  sync: syncProtocolRouter,
});

export type SyncRouter = typeof syncRouter;
