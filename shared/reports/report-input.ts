import { z } from "zod";
import { V, idSchema, isoDate } from "../schemas/common";

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Longest period one report covers: two years of days keeps every report a single local read. */
export const MAX_PERIOD_DAYS = 731;

/** Local calendar dates [from, to): each location's own days, so "March" is March on every studio's clock. */
export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.to > p.from, { message: V.closureOrder, path: ["to"] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= MAX_PERIOD_DAYS * 86_400_000, { message: V.tooLarge, path: ["to"] });
export type Period = z.infer<typeof periodSchema>;

/** What every period report takes: the period, which locations (absent: all the person may see), buckets, comparison. */
export const reportInput = z.object({
  period: periodSchema,
  locationIds: z.array(idSchema).max(200, V.tooLarge).optional(),
  granularity: z.enum(GRANULARITIES, { message: V.invalid }).optional(),
  compare: z.boolean().optional(),
});
export type ReportInput = z.infer<typeof reportInput>;

/** Top clients: the period report plus how many to list. */
export const topClientsInput = reportInput.extend({ limit: z.number().int(V.wholeNumber).min(1, V.atLeastOne).max(100, V.tooLarge).optional() });

/** Only the locations: deposits held (a balance as of now) and the scope question. */
export const locationsInput = z.object({ locationIds: z.array(idSchema).max(200, V.tooLarge).optional() });

/** Unpaid invoices by age: the locations, and the local date they are aged on (absent: today). */
export const agingInput = locationsInput.extend({ asOf: isoDate.optional() });
export type AgingInput = z.infer<typeof agingInput>;

export const REPORT_KINDS = ["revenue", "utilisation", "cancellations", "deposits", "topClients", "engineers", "aging"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One report, exported: the report's own input, the format, and the language of headings. */
export const exportReportInput = topClientsInput.extend({
  report: z.enum(REPORT_KINDS, { message: V.invalid }),
  format: z.enum(EXPORT_FORMATS, { message: V.invalid }),
  locale: z.enum(["fr", "en"]).optional(),
  /** Aging only: the date invoices are aged on. */
  asOf: isoDate.optional(),
});
export type ExportReportInput = z.infer<typeof exportReportInput>;
