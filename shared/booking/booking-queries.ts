import { z } from "zod";
import { V, idSchema, isoDate, optionalText } from "../schemas/common";
import { BOOKING_STATUSES } from "./booking-status";
import { instantSchema } from "./booking-input";

const endAfterStart = { message: "v.endAfterStart", path: ["endsAt"] };
const ordered = (i: { startsAt: string; endsAt: string }) => Date.parse(i.endsAt) > Date.parse(i.startsAt);

/**
 * Inputs of the read side. Dates are calendar dates read on each location's own clock, so a day
 * view of Paris and New York side by side shows each studio's own day (and a DST day is 23 or 25 h).
 */
export const calendarViewInput = z.object({
  date: isoDate,
  days: z.number().int(V.wholeNumber).min(1, V.atLeastOne).max(42, V.tooLarge).optional(),
  /** One location, or all of them side by side. */
  locationId: idSchema.optional(),
  includeCancelled: z.boolean().optional(),
});

export const BOOKING_SORTS = ["startsAt", "createdAt", "client", "status", "total"] as const;

export const listBookingsInput = z.object({
  /** Inclusive local dates. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  locationId: idSchema.optional(),
  roomId: idSchema.optional(),
  staffId: idSchema.optional(),
  clientId: idSchema.optional(),
  statuses: z.array(z.enum(BOOKING_STATUSES, { message: V.invalid })).max(BOOKING_STATUSES.length).optional(),
  search: z.string().max(200).optional(),
  sort: z.enum(BOOKING_SORTS, { message: V.invalid }).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.number().int().min(0).optional(),
});
export type ListBookingsInput = z.infer<typeof listBookingsInput>;

/** An engineer's agenda ("My schedule"), from a date for a number of days. */
export const staffScheduleInput = z.object({
  staffId: idSchema,
  from: isoDate,
  days: z.number().int(V.wholeNumber).min(1, V.atLeastOne).max(366, V.tooLarge).optional(),
});

export const icsExportInput = z.object({
  staffId: idSchema,
  from: isoDate.optional(),
  days: z.number().int(V.wholeNumber).min(1, V.atLeastOne).max(731, V.tooLarge).optional(),
});

export const timeOffInput = z
  .object({
    staffId: idSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
    reason: optionalText(200),
  })
  .refine(ordered, endAfterStart);

export const maintenanceInput = z
  .object({
    equipmentId: idSchema,
    startsAt: instantSchema,
    endsAt: instantSchema,
    /** Units out of service; absent: all of them. */
    quantity: z.number().int(V.wholeNumber).min(1, V.atLeastOne).max(10_000, V.tooLarge).nullish().transform((v) => v ?? null),
    reason: optionalText(200),
  })
  .refine(ordered, endAfterStart);
