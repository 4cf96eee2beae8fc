import { agingInput, locationsInput, exportReportInput, reportInput, topClientsInput } from "../../../../shared/reports/report-input";
import { exportReport } from "../../reports/report-export";
import { ReportService } from "../../services/reports/report-service";
import type { StudioCore } from "../../studio-core";
import { router, studioProcedure } from "../trpc";

/** One report service per core, made on first use (it only holds the core's database, access and clock). */
const services = new WeakMap<StudioCore, ReportService>();
function reportsOf(core: StudioCore): ReportService {
  let service = services.get(core);
  if (!service) services.set(core, (service = new ReportService(core.db, core.access, core.clock, core.documents.invoices)));
  return service;
}

/**
 * Reports, computed from the local database for the acting person: each query covers local dates
 * [from, to) of every location asked for (or all they may see), side by side and consolidated;
 * money fields are absent for those without finance.view and report.financial.
 */
export const reportProcedures = router({
  scope: studioProcedure.input(locationsInput.optional()).query(({ ctx, input }) => reportsOf(ctx.core).scope(input)),
  revenue: studioProcedure.input(reportInput).query(({ ctx, input }) => reportsOf(ctx.core).revenue(input)),
  utilisation: studioProcedure.input(reportInput).query(({ ctx, input }) => reportsOf(ctx.core).utilisation(input)),
  cancellations: studioProcedure.input(reportInput).query(({ ctx, input }) => reportsOf(ctx.core).cancellations(input)),
  engineers: studioProcedure.input(reportInput).query(({ ctx, input }) => reportsOf(ctx.core).engineers(input)),
  topClients: studioProcedure.input(topClientsInput).query(({ ctx, input }) => reportsOf(ctx.core).topClients(input)),
  deposits: studioProcedure.input(locationsInput.optional()).query(({ ctx, input }) => reportsOf(ctx.core).deposits(input)),
  /** Unpaid invoices by age on a local date (default today): counts and amounts per bucket, and the invoices. */
  aging: studioProcedure.input(agingInput.optional()).query(({ ctx, input }) => reportsOf(ctx.core).aging(input)),
  /** A report as CSV, XLSX or PDF: { filename, mimeType, base64 }. */
  export: studioProcedure.input(exportReportInput).mutation(({ ctx, input }) => exportReport(reportsOf(ctx.core), input)),
});
