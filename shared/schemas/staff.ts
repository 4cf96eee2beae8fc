import { z } from "zod";
import { V, cents, colourSchema, idSchema, optionalEmail, optionalPhone, optionalText, requiredText } from "./common";

export const STAFF_ROLES = ["engineer", "assistant", "producer", "technician", "front_desk", "manager"] as const;

export const staffFields = z.object({
  name: requiredText(120),
  role: z.enum(STAFF_ROLES, { message: V.required }),
  email: optionalEmail,
  phone: optionalPhone,
  hourlyRateCents: cents,
  dayRateCents: cents,
  locationId: idSchema.nullish().transform((v) => v ?? null),
  colour: colourSchema,
  notes: optionalText(2000),
});
export const createStaffInput = staffFields;
export const updateStaffInput = z.object({ id: idSchema, patch: staffFields.partial() });
export type StaffFields = z.infer<typeof staffFields>;
