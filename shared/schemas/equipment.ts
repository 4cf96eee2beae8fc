import { z } from "zod";
import { V, cents, idSchema, optionalIsoDate, optionalText, requiredText } from "./common";

export const EQUIPMENT_CATEGORIES = [
  "microphone", "preamp", "outboard", "instrument", "amplifier", "monitor", "headphones", "computer", "cable", "other",
] as const;

export const equipmentBaseFields = z.object({
  locationId: idSchema,
  name: requiredText(120),
  category: z.enum(EQUIPMENT_CATEGORIES, { message: V.required }),
  serialNumber: optionalText(80),
  quantity: z.number({ message: V.required }).int(V.wholeNumber).min(1, V.atLeastOne).max(10_000, V.tooLarge),
  dailyRateCents: cents,
  lastMaintenance: optionalIsoDate,
  nextMaintenance: optionalIsoDate,
  notes: optionalText(2000),
});

const maintenanceOrdered = (e: { lastMaintenance?: string | null; nextMaintenance?: string | null }) =>
  !e.lastMaintenance || !e.nextMaintenance || e.nextMaintenance >= e.lastMaintenance;

export const equipmentFields = equipmentBaseFields.refine(maintenanceOrdered, { message: V.maintenanceOrder, path: ["nextMaintenance"] });
export const createEquipmentInput = equipmentFields;
export const updateEquipmentInput = z.object({
  id: idSchema,
  patch: equipmentBaseFields.partial(),
});
export type EquipmentFields = z.infer<typeof equipmentFields>;
