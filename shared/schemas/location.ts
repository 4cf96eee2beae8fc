import { z } from "zod";
import { V, idSchema, optionalEmail, optionalPhone, optionalText, requiredText } from "./common";
import { closureSchema, weeklyHoursSchema } from "./opening-hours";

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}

export const locationFields = z.object({
  name: requiredText(80),
  timeZone: z.string({ message: V.required }).min(1, V.required).refine(isValidTimeZone, V.timeZone),
  address: optionalText(300),
  phone: optionalPhone,
  email: optionalEmail,
  openingHours: weeklyHoursSchema,
  closures: z.array(closureSchema).max(200, V.tooLarge),
});
export const createLocationInput = locationFields;
export const updateLocationInput = z.object({ id: idSchema, patch: locationFields.partial() });
export type LocationFields = z.infer<typeof locationFields>;
export type LocationFieldsInput = z.input<typeof locationFields>;
