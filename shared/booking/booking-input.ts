import { z } from "zod";
import { V, basisPoints, cents, idSchema, optionalText } from "../schemas/common";
import { BOOKING_TYPES } from "./booking-status";
import { parseRrule } from "./rrule";

/** Validation keys of booking inputs (the UI translates them like the other `v.` keys). */
export const BV = { instant: "v.instant", duplicate: "v.duplicate" } as const;

/** An instant as ISO 8601 in UTC ("2026-06-03T12:00:00Z"): the calendar converts from the location's clock. */
export const instantSchema = z.iso.datetime({ message: BV.instant });

const unique = (ids: string[]) => new Set(ids).size === ids.length;

export const equipmentLineSchema = z.object({
  equipmentId: idSchema,
  quantity: z.number({ message: V.required }).int(V.wholeNumber).min(1, V.atLeastOne).max(10_000, V.tooLarge),
});

/**
 * The fields of a booking, as the drawer edits them. No defaults here: `.partial()` of a schema
 * with defaults would fill absent fields and an edit would reset them. Order of times is a rule
 * (END_BEFORE_START), reported with the others, not a schema error.
 */
export const bookingDraftFields = z.object({
  locationId: idSchema,
  roomIds: z.array(idSchema).min(1, V.atLeastOne).max(10, V.tooLarge).refine(unique, BV.duplicate),
  staffIds: z.array(idSchema).max(20, V.tooLarge).refine(unique, BV.duplicate),
  equipment: z.array(equipmentLineSchema).max(50, V.tooLarge).refine((lines) => unique(lines.map((l) => l.equipmentId)), BV.duplicate),
  clientId: idSchema.nullable(),
  title: optionalText(160),
  projectName: optionalText(160),
  type: z.enum(BOOKING_TYPES, { message: V.required }),
  startsAt: instantSchema,
  endsAt: instantSchema,
  notes: optionalText(4000),
  /** A discount on every line of the booking's price, in basis points (1000 = 10 %). */
  discountBp: basisPoints,
});
export type BookingDraft = z.infer<typeof bookingDraftFields>;

/** Until roles exist, booking in the past is an explicit flag, recorded on the booking. */
const overridePast = z.boolean().optional();

export const createBookingInput = bookingDraftFields.extend({
  staffIds: bookingDraftFields.shape.staffIds.default([]),
  equipment: bookingDraftFields.shape.equipment.default([]),
  clientId: idSchema.nullish().transform((v) => v ?? null),
  type: bookingDraftFields.shape.type.default("hourly"),
  discountBp: bookingDraftFields.shape.discountBp.default(0),
  status: z.enum(["hold", "confirmed"], { message: V.invalid }).default("confirmed"),
  /** A hold's expiry; the studio's default (48 h) when absent. */
  holdExpiresAt: instantSchema.nullish(),
  overridePast,
});
export type CreateBookingInput = z.infer<typeof createBookingInput>;

/** Which occurrences of a recurring series an action applies to. */
export const SERIES_SCOPES = ["one", "following", "all"] as const;
export const seriesScope = z.enum(SERIES_SCOPES, { message: V.invalid });

export const updateBookingInput = z.object({
  id: idSchema,
  // A hold's new expiry; null renews it for the studio's default from now.
  patch: bookingDraftFields.extend({ holdExpiresAt: instantSchema.nullable() }).partial(),
  overridePast,
});

/** Drag to move or resize on the calendar (and, for a series, this one, following or all). */
export const moveBookingInput = z.object({
  id: idSchema,
  startsAt: instantSchema,
  endsAt: instantSchema,
  roomIds: bookingDraftFields.shape.roomIds.optional(),
  scope: seriesScope.optional(),
  overridePast,
});

/**
 * A live check while dragging or filling the drawer: a whole new booking, or `bookingId` and the
 * fields that change (merged over the stored booking).
 */
export const checkBookingInput = bookingDraftFields.partial().extend({ bookingId: idSchema.optional(), overridePast });

export const setStatusInput = z.object({ id: idSchema, status: z.enum(["confirmed", "checked_in", "completed"], { message: V.invalid }) });

export const quoteCancellationInput = z.object({ id: idSchema, scope: seriesScope.optional() });
export const cancelBookingInput = quoteCancellationInput.extend({
  reason: optionalText(500),
  /** The fee the person was shown; if time moved the booking into another tier, the cancel is refused. */
  expectedFeeCents: cents.optional(),
});

export const recordPaymentInput = z.object({ id: idSchema, amountCents: cents.refine((c) => c > 0, V.atLeastOne) });

export const rruleText = z
  .string({ message: V.required })
  .max(300, V.tooLong)
  .superRefine((text, ctx) => {
    const parsed = parseRrule(text);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
  });

/** A recurring series: the first occurrence as a booking, and its RRULE read on the location's clock. */
export const createSeriesInput = createBookingInput.extend({
  rrule: rruleText,
  /** Create the free dates and leave out the failing ones (reported), instead of refusing them all. */
  skipFailing: z.boolean().optional(),
});
export type CreateSeriesInput = z.infer<typeof createSeriesInput>;
