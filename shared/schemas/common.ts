import { z } from "zod";
import { CURRENCIES } from "../money";

/**
 * Validation messages are i18n keys (see renderer/src/i18n): the UI shows them in the
 * user's language next to the field that failed.
 */
export const V = {
  required: "v.required",
  tooLong: "v.tooLong",
  email: "v.email",
  phone: "v.phone",
  timeZone: "v.timeZone",
  time: "v.time",
  date: "v.date",
  closeAfterOpen: "v.closeAfterOpen",
  overlappingHours: "v.overlappingHours",
  closureOrder: "v.closureOrder",
  nonNegative: "v.nonNegative",
  wholeNumber: "v.wholeNumber",
  tooLarge: "v.tooLarge",
  percent: "v.percent",
  colour: "v.colour",
  atLeastOne: "v.atLeastOne",
  maintenanceOrder: "v.maintenanceOrder",
  halfDayVsDay: "v.halfDayVsDay",
  duplicateName: "v.duplicateName",
  locationArchived: "v.locationArchived",
  invalid: "v.invalid",
  url: "v.url",
} as const;
export type ValidationMessageKey = (typeof V)[keyof typeof V];

export const idSchema = z.uuid({ message: V.invalid });

export const requiredText = (max: number) =>
  z.string({ message: V.required }).trim().min(1, V.required).max(max, V.tooLong);

/** Optional free text: an empty field is stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, V.tooLong)
    .nullish()
    .transform((s) => (s ? s : null));

export const optionalEmail = z
  .string()
  .trim()
  .max(254, V.tooLong)
  .nullish()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), V.email);

export const optionalPhone = z
  .string()
  .trim()
  .max(40, V.tooLong)
  .nullish()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || /^\+?[0-9 ().-]{6,}$/.test(s), V.phone);

/** Money in cents: whole, not negative, below a sanity bound of 10 M€. */
export const cents = z.number({ message: V.required }).int(V.wholeNumber).min(0, V.nonNegative).max(1_000_000_000, V.tooLarge);
export const basisPoints = z.number({ message: V.required }).int(V.wholeNumber).min(0, V.percent).max(10_000, V.percent);
export const minutes = z.number({ message: V.required }).int(V.wholeNumber).min(0, V.nonNegative).max(24 * 60, V.tooLarge);
export const currencySchema = z.enum(CURRENCIES as [string, ...string[]], { message: V.invalid });
export const colourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, V.colour);

/** Calendar date as written in the location's wall calendar. */
export const isoDate = z
  .string({ message: V.required })
  .regex(/^\d{4}-\d{2}-\d{2}$/, V.date)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), V.date);
export const optionalIsoDate = z
  .string()
  .nullish()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || isoDate.safeParse(s).success, V.date);

export const listInputSchema = z.object({
  search: z.string().max(200).optional(),
  includeArchived: z.boolean().optional(),
  locationId: idSchema.optional(),
  sort: z.string().max(40).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
});
export type ListInput = z.infer<typeof listInputSchema>;

export const byIdSchema = z.object({ id: idSchema });

/** Fields every synced row carries (ARCHITECTURE.md, Data). */
export interface SyncedRow {
  id: string;
  tenantId: string;
  updatedAt: string;
  createdAt: string;
  archivedAt: string | null;
  version: number | null;
}
