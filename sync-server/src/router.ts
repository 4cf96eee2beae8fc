import { accountsRouter, devicesRouter } from "./accounts/accounts-router";
import { healthReport } from "./health";
import { publicProcedure, router } from "./trpc/init";

export type { SyncContext, SyncServices } from "./trpc/context";
export { healthReport, type HealthReport } from "./health";

/** The sync server's API. Push, pull and live notifications come next. */
export const syncRouter = router({
  health: publicProcedure.query(({ ctx }) => healthReport(ctx)),
  accounts: accountsRouter,
  devices: devicesRouter,
});

export type SyncRouter = typeof syncRouter;
