import { accountsRouter, devicesRouter } from "./accounts/accounts-router";
import { billingRouter } from "./billing/billing-router";
import { auditRouter } from "./audit/audit-router";
import { delegationsRouter } from "./delegations/delegations-router";
import { healthReport } from "./health";
import { membersRouter } from "./members/members-router";
import { operatorRouter } from "./operator/operator-router";
import { syncProtocolRouter } from "./sync/sync-router";
import { securityRouter } from "./two-factor/security-router";
import { publicProcedure, router } from "./trpc/init";

export type { SyncContext, SyncServices } from "./trpc/context";
export { healthReport, type HealthReport } from "./health";

/** The sync server's API. Live notifications come next. */
export const syncRouter = router({
  health: publicProcedure.query(({ ctx }) => healthReport(ctx)),
  accounts: accountsRouter,
  devices: devicesRouter,
  sync: syncProtocolRouter,
  billing: billingRouter,
  delegations: delegationsRouter,
  audit: auditRouter,
  security: securityRouter,
  members: membersRouter,
  operator: operatorRouter,
});

export type SyncRouter = typeof syncRouter;
