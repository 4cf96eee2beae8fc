import { z } from "zod";
import { DOCUMENT_LANGUAGES } from "../documents/contract-templates";
import { V, basisPoints, idSchema, optionalEmail, optionalPhone, optionalText, requiredText } from "./common";

export const CLIENT_KINDS = ["person", "company"] as const;

export const clientFields = z.object({
  kind: z.enum(CLIENT_KINDS, { message: V.required }),
  name: requiredText(160),
  contactName: optionalText(160),
  email: optionalEmail,
  phone: optionalPhone,
  address: optionalText(300),
  vatNumber: optionalText(32),
  notes: optionalText(4000),
  /** Null: the studio's default deposit applies. */
  defaultDepositBp: basisPoints.nullish().transform((v) => v ?? null),
  /** The language of the invoices, quotes and mail this client receives (French unless chosen). */
  documentLanguage: z.enum(DOCUMENT_LANGUAGES, { message: V.invalid }).optional().transform((v) => v ?? "fr"),
});
export const createClientInput = clientFields;
export const updateClientInput = z.object({ id: idSchema, patch: clientFields.partial() });
export type ClientFields = z.infer<typeof clientFields>;
