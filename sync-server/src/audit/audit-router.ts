import { auditFilterInput, auditListInput } from "../../../shared/schemas/team";
import { router } from "../trpc/init";
import { permissionProcedure } from "../trpc/procedures";
import { exportAuditCsv, listAudit } from "./audit-query";

const auditProcedure = permissionProcedure("audit.view");

export const auditRouter = router({
  list: auditProcedure.input(auditListInput).query(({ ctx, input }) => listAudit(ctx.services.accounts, ctx.auth, input)),
  exportCsv: auditProcedure.input(auditFilterInput).query(({ ctx, input }) => exportAuditCsv(ctx.services.accounts, ctx.auth, input)),
});
