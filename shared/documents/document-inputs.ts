import { z } from "zod";
import { bookingDraftFields } from "../booking/booking-input";
import { V, basisPoints, cents, idSchema, isoDate, optionalEmail, optionalText, requiredText } from "../schemas/common";
import { PAYMENT_METHODS } from "./billing";
import { CONTRACT_KINDS, DOCUMENT_LANGUAGES } from "./contract-templates";
import { DOCUMENT_ENTITIES, EMAIL_DOCUMENT_KINDS, signatureDataSchema } from "./document-entities";
import { documentLineSchema } from "./document-line";

/** Inputs of the documents procedures (main/core/router/procedures/documents-procedures.ts). */
const byId = z.object({ id: idSchema });
const pf = DOCUMENT_ENTITIES.document_profile.fields;

const serviceItemShape = {
  name: requiredText(160),
  description: optionalText(500),
  unit: z.enum(["hour", "day", "unit", "session"]),
  unitPriceCents: cents,
  vatBp: basisPoints,
};
export const serviceItemFields = z.object({ ...serviceItemShape, vatBp: basisPoints.default(2000) });
/** No defaults in a patch: what is absent keeps its value. */
export const updateServiceItemInput = z.object({ id: idSchema, patch: z.object(serviceItemShape).partial() });

export const templateFields = z.object({
  kind: z.enum(CONTRACT_KINDS),
  language: z.enum(DOCUMENT_LANGUAGES),
  name: requiredText(160),
  body: requiredText(50_000),
});
export const updateTemplateInput = z.object({ id: idSchema, patch: templateFields.partial() });

export const documentProfileInput = z.object({
  legalName: pf.legalName.schema, address: pf.address.schema, email: optionalEmail, phone: pf.phone.schema, vatNumber: pf.vatNumber.schema,
  siret: pf.siret.schema, legalForm: pf.legalForm.schema, shareCapital: pf.shareCapital.schema, rcs: pf.rcs.schema, iban: pf.iban.schema,
  bic: pf.bic.schema, paymentTermsDays: z.number().int().min(0).max(365), lateFeeBp: basisPoints, footer: pf.footer.schema,
}).partial();

export const contractSourceInput = z.object({
  templateId: idSchema,
  clientId: idSchema,
  /** The sessions the contract covers (any number, one client's); none for a client-only contract. */
  bookingIds: z.array(idSchema).max(200, V.tooLarge).default([]),
});
export const createContractInput = contractSourceInput.extend({ title: optionalText(200) });
export const updateContractInput = z.object({ id: idSchema, patch: z.object({ title: requiredText(200), body: requiredText(100_000) }).partial() });

export const signatureInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("drawn"), dataUrl: signatureDataSchema.refine((s) => /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(s), V.invalid) }),
  z.object({ kind: z.literal("typed"), text: requiredText(120) }),
]);
export const signContractInput = z.object({ id: idSchema, signerName: requiredText(160), signerRole: requiredText(160), signature: signatureInput });

/** A session a quote proposes: priced like a booking; accepting the quote books it as a hold. */
export const quoteSessionSchema = bookingDraftFields.pick({ locationId: true, roomIds: true, staffIds: true, equipment: true, type: true, startsAt: true, endsAt: true, title: true, projectName: true })
  .partial({ staffIds: true, equipment: true, type: true, title: true, projectName: true })
  .extend({
    /** The quote's own day price (HT) for some of the session's gear, by equipment id: the gear's rate otherwise. */
    gearDayPrices: z.record(idSchema, cents).optional(),
  });
export type QuoteSession = z.infer<typeof quoteSessionSchema>;

export const serviceLineInput = z.object({ serviceItemId: idSchema, quantityMilli: z.number().int().min(1, V.atLeastOne).max(1_000_000_000, V.tooLarge), discountBp: basisPoints.default(0) });

const quoteShape = {
  clientId: idSchema,
  locationId: idSchema.nullable(),
  sessions: z.array(quoteSessionSchema).max(100, V.tooLarge),
  /** Discount applied to every session line (rooms, engineers, gear). */
  sessionDiscountBp: basisPoints,
  services: z.array(serviceLineInput).max(200, V.tooLarge),
  lines: z.array(documentLineSchema).max(200, V.tooLarge),
  validUntil: isoDate.optional(),
  depositBp: basisPoints.optional(),
  notes: optionalText(4000),
};
export const createQuoteInput = z.object({
  ...quoteShape,
  locationId: quoteShape.locationId.default(null),
  sessions: quoteShape.sessions.default([]),
  sessionDiscountBp: quoteShape.sessionDiscountBp.default(0),
  services: quoteShape.services.default([]),
  lines: quoteShape.lines.default([]),
});
/** Only what is given changes (no defaults here: an absent list keeps the quote's own). */
export const updateQuoteInput = z.object({ id: idSchema, patch: z.object(quoteShape).omit({ clientId: true }).partial() });

export const createInvoiceFromBookingsInput = z.object({
  bookingIds: z.array(idSchema).min(1, V.atLeastOne).max(200, V.tooLarge),
  purpose: z.enum(["deposit", "balance", "standard"]),
  notes: optionalText(4000),
});
export const createInvoiceInput = z.object({
  clientId: idSchema,
  locationId: idSchema.nullable().default(null),
  lines: z.array(documentLineSchema).min(1, V.atLeastOne).max(500, V.tooLarge),
  notes: optionalText(4000),
});
export const updateInvoiceInput = z.object({ id: idSchema, patch: z.object({ lines: z.array(documentLineSchema).min(1, V.atLeastOne).max(500), notes: optionalText(4000), dueOn: isoDate.nullable() }).partial() });
export const voidInvoiceInput = z.object({ id: idSchema, reason: optionalText(500) });
/** A credit note: the whole invoice, or some of its lines (by index in the invoice's lines). */
export const creditNoteInput = z.object({ invoiceId: idSchema, lineIndexes: z.array(z.number().int().min(0)).max(500).optional(), reason: optionalText(500) });
export const listInvoicesInput = z.object({ clientId: idSchema.optional(), status: z.string().max(20).optional() }).default({});

export const recordInvoicePaymentInput = z.object({
  invoiceId: idSchema,
  amountCents: cents.refine((c) => c > 0, V.atLeastOne),
  method: z.enum(PAYMENT_METHODS),
  receivedOn: isoDate.optional(),
  reference: optionalText(120),
});

export const sendDocumentInput = z.object({
  documentKind: z.enum(EMAIL_DOCUMENT_KINDS),
  documentId: idSchema,
  /** Defaults to the client's email. */
  to: z.email().max(254).optional(),
  subject: optionalText(200),
  body: optionalText(20_000),
});
export const clientInput = z.object({ clientId: idSchema });
export { byId };
