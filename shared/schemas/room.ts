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

/** A half day (4 h) should not cost more than a day: a typo catcher for rate cards. */
export const halfDayBelowDay = (r: { halfDayRateCents?: number; dayRateCents?: number }) =>
  r.halfDayRateCents === undefined || r.dayRateCents === undefined || r.dayRateCents === 0 || r.halfDayRateCents <= r.dayRateCents;

export const halfDayRule = { message: V.halfDayVsDay, path: ["halfDayRateCents"] };
export const roomFields = roomBaseFields.refine(halfDayBelowDay, halfDayRule);
export const createRoomInput = roomFields;
export const updateRoomInput = z.object({
  id: idSchema,
  patch: roomBaseFields.partial(),
});
export type RoomFields = z.infer<typeof roomFields>;
