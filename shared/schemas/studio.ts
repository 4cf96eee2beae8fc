import { z } from "zod";
import { basisPoints, currencySchema, requiredText } from "./common";
import { createLocationInput } from "./location";
import { halfDayBelowDay, halfDayRule, roomBaseFields } from "./room";

export const LANGUAGES = ["fr", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

export const studioFields = z.object({
  name: requiredText(120),
  currency: currencySchema,
  defaultDepositBp: basisPoints,
  defaultVatBp: basisPoints,
});
export const updateStudioInput = studioFields.partial();
export type StudioFields = z.infer<typeof studioFields>;

/** The empty studio's 3-step setup, sent in one go so a half-finished setup never persists. */
export const setupStudioInput = z.object({
  studio: z.object({ name: requiredText(120), currency: currencySchema.default("EUR") }),
  location: createLocationInput,
  // Same rate-card rule as a room made later, so the error lands on the setup form's field.
  room: roomBaseFields.omit({ locationId: true }).refine(halfDayBelowDay, halfDayRule),
});
export type SetupStudioInput = z.input<typeof setupStudioInput>;

export const devicePrefsInput = z.object({
  language: z.enum(LANGUAGES).optional(),
  theme: z.enum(THEMES).optional(),
});
