import { z } from "zod";
import { V, basisPoints, cents, colourSchema, idSchema, minutes, optionalText, requiredText } from "./common";

export const ROOM_TYPES = ["recording", "mixing", "mastering", "rehearsal", "production", "podcast", "booth"] as const;

export const roomBaseFields = z.object({
  locationId: idSchema,
  name: requiredText(80),
  type: z.enum(ROOM_TYPES, { message: V.required }),
  hourlyRateCents: cents,
  halfDayRateCents: cents,
  dayRateCents: cents,
  vatRateBp: basisPoints,
  capacity: z.number({ message: V.required }).int(V.wholeNumber).min(1, V.atLeastOne).max(500, V.tooLarge),
  colour: colourSchema,
  bookable: z.boolean(),
  setupMinutes: minutes,
  teardownMinutes: minutes,
  notes: optionalText(2000),
});

/**
 * How a room may be booked: session length, notice and how far ahead. Rooms made before these
 * existed, and forms that leave them out, get the defaults (the same as migration 003's).
 */
export const ROOM_BOOKING_DEFAULTS = { minDurationMinutes: 60, maxDurationMinutes: 20_160, minNoticeMinutes: 0, maxHorizonDays: 730 } as const;

const wholeMinutes = (min: number, max: number) =>
  z.number({ message: V.required }).int(V.wholeNumber).min(min, min === 0 ? V.nonNegative : V.atLeastOne).max(max, V.tooLarge);

export const roomBookingRuleFields = z.object({
  minDurationMinutes: wholeMinutes(0, 20_160),
  // At most 31 days: the longest single booking.
  maxDurationMinutes: wholeMinutes(1, 44_640),
  minNoticeMinutes: wholeMinutes(0, 525_600),
  maxHorizonDays: wholeMinutes(1, 3650),
});

const minBelowMax = (r: { minDurationMinutes?: number; maxDurationMinutes?: number }) =>
  r.minDurationMinutes === undefined || r.maxDurationMinutes === undefined || r.minDurationMinutes <= r.maxDurationMinutes;
const minBelowMaxRule = { message: "v.minMaxDuration", path: ["maxDurationMinutes"] };

/** A half day (4 h) should not cost more than a day: a typo catcher for rate cards. */
export const halfDayBelowDay = (r: { halfDayRateCents?: number; dayRateCents?: number }) =>
  r.halfDayRateCents === undefined || r.dayRateCents === undefined || r.dayRateCents === 0 || r.halfDayRateCents <= r.dayRateCents;

export const halfDayRule = { message: V.halfDayVsDay, path: ["halfDayRateCents"] };
export const roomFields = roomBaseFields
  .extend({
    minDurationMinutes: roomBookingRuleFields.shape.minDurationMinutes.default(ROOM_BOOKING_DEFAULTS.minDurationMinutes),
    maxDurationMinutes: roomBookingRuleFields.shape.maxDurationMinutes.default(ROOM_BOOKING_DEFAULTS.maxDurationMinutes),
    minNoticeMinutes: roomBookingRuleFields.shape.minNoticeMinutes.default(ROOM_BOOKING_DEFAULTS.minNoticeMinutes),
    maxHorizonDays: roomBookingRuleFields.shape.maxHorizonDays.default(ROOM_BOOKING_DEFAULTS.maxHorizonDays),
  })
  .refine(halfDayBelowDay, halfDayRule)
  .refine(minBelowMax, minBelowMaxRule);
export const createRoomInput = roomFields;
export const updateRoomInput = z.object({
  id: idSchema,
  // No defaults in a patch: an edit that leaves the booking rules out keeps them.
  patch: roomBaseFields.extend(roomBookingRuleFields.shape).partial(),
});
export type RoomFields = z.infer<typeof roomFields>;
