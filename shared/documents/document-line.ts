import { z } from "zod";
import { V, basisPoints, idSchema, optionalText, requiredText } from "../schemas/common";

/**
 * One line of an invoice, credit note or quote, as stored (a JSON list column, like bookings'
 * price_lines). The session and project are kept on the line so the PDF prints them without
 * reading the booking again (a later change to the booking must not rewrite an issued invoice).
 */
export const documentLineSchema = z.object({
  kind: z.enum(["room", "engineer", "gear", "service", "deposit", "deposit_deduction", "custom"]),
  refId: idSchema.nullable().default(null),
  label: requiredText(200),
  detail: optionalText(500),
  quantityMilli: z.number().int(V.wholeNumber).min(-1_000_000_000, V.tooLarge).max(1_000_000_000, V.tooLarge).refine((q) => q !== 0, V.invalid),
  unitPriceCents: z.number().int(V.wholeNumber).min(-1_000_000_000, V.tooLarge).max(1_000_000_000, V.tooLarge),
  vatBp: basisPoints.default(2000),
  discountBp: basisPoints.default(0),
  bookingId: idSchema.nullable().default(null),
  /** The session this line bills, in UTC; printed in `timeZone` (the location's). */
  session: z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), timeZone: z.string().min(1).max(64) }).nullable().default(null),
  projectName: optionalText(160),
  /** What the quantity counts when it is not plain units ("hour": an engineer's hours at the hourly rate); absent on older lines. */
  unit: z.enum(["hour"]).optional(),
});
export type DocumentLine = z.infer<typeof documentLineSchema>;
export type DocumentLineDraft = z.input<typeof documentLineSchema>;

export const documentLinesSchema = z.array(documentLineSchema).max(500, V.tooLarge);
