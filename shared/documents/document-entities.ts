import { z } from "zod";
import { V, basisPoints, cents, currencySchema, idSchema, isoDate, optionalEmail, optionalText, requiredText } from "../schemas/common";
import { PAYMENT_METHODS } from "./billing";
import { CONTRACT_KINDS, DOCUMENT_LANGUAGES } from "./contract-templates";
import { CONTRACT_STATUSES, INVOICE_STATUSES, QUOTE_STATUSES } from "./document-status";
import { documentLinesSchema } from "./document-line";

/**
 * The synced document entities, one map for both sides: field → column, how the desktop stores it
 * (text/int/json in SQLite) and how Postgres does (date, timestamptz, jsonb), and the schema the
 * server checks each pushed field against. The desktop's synced-tables.ts and the server's
 * entity-tables.ts are both built from it, so a field cannot be named one way on one side only.
 */
export type WireKind = "text" | "int" | "json" | "date" | "timestamp";
export interface DocumentField {
  column: string;
  kind: WireKind;
  schema: z.ZodType;
}

const f = (column: string, kind: WireKind, schema: z.ZodType): DocumentField => ({ column, kind, schema });
const timestamp = z.iso.datetime().nullable();
const optionalDate = isoDate.nullable();
const idList = z.array(idSchema).max(500, V.tooLarge);
const signedCents = z.number().int(V.wholeNumber).min(-1_000_000_000, V.tooLarge).max(1_000_000_000, V.tooLarge);
/** Server-assigned (migration 008): listed so pull carries it; the trigger refuses any pushed value. */
const serverNumber = f("number", "text", z.string().max(40).nullable());
const provisional = f("provisional_number", "text", z.string().max(40).nullable());

export const SIGNATURE_KINDS = ["drawn", "typed"] as const;
export const EMAIL_STATUSES = ["queued", "sent", "failed"] as const;
export const INVOICE_KINDS = ["invoice", "credit_note"] as const;
export const INVOICE_PURPOSES = ["standard", "deposit", "balance"] as const;
export const EMAIL_DOCUMENT_KINDS = ["invoice", "quote", "contract"] as const;
/** A drawn signature: a PNG data URL, kept under ~300 kB. */
export const signatureDataSchema = z.string().max(400_000, V.tooLarge);

export const DOCUMENT_ENTITIES = {
  service_item: {
    table: "service_items",
    fields: {
      name: f("name", "text", requiredText(160)),
      description: f("description", "text", optionalText(500)),
      unit: f("unit", "text", z.enum(["hour", "day", "unit", "session"])),
      unitPriceCents: f("unit_price_cents", "int", cents),
      vatBp: f("vat_bp", "int", basisPoints),
    },
  },
  contract_template: {
    table: "contract_templates",
    fields: {
      kind: f("kind", "text", z.enum(CONTRACT_KINDS)),
      language: f("language", "text", z.enum(DOCUMENT_LANGUAGES)),
      name: f("name", "text", requiredText(160)),
      body: f("body", "text", requiredText(50_000)),
    },
  },
  document_profile: {
    table: "document_profiles",
    fields: {
      legalName: f("legal_name", "text", optionalText(160)),
      address: f("address", "text", optionalText(300)),
      email: f("email", "text", optionalEmail),
      phone: f("phone", "text", optionalText(40)),
      vatNumber: f("vat_number", "text", optionalText(32)),
      siret: f("siret", "text", optionalText(32)),
      legalForm: f("legal_form", "text", optionalText(80)),
      shareCapital: f("share_capital", "text", optionalText(40)),
      rcs: f("rcs", "text", optionalText(80)),
      iban: f("iban", "text", optionalText(40)),
      bic: f("bic", "text", optionalText(20)),
      paymentTermsDays: f("payment_terms_days", "int", z.number().int().min(0).max(365)),
      lateFeeBp: f("late_fee_bp", "int", basisPoints),
      footer: f("footer", "text", optionalText(1000)),
    },
  },
  contract: {
    table: "contracts",
    fields: {
      number: serverNumber,
      provisionalNumber: provisional,
      status: f("status", "text", z.enum(CONTRACT_STATUSES)),
      kind: f("kind", "text", z.enum(CONTRACT_KINDS)),
      language: f("language", "text", z.enum(DOCUMENT_LANGUAGES)),
      clientId: f("client_id", "text", idSchema),
      locationId: f("location_id", "text", idSchema.nullable()),
      bookingIds: f("booking_ids", "json", idList),
      templateId: f("template_id", "text", idSchema.nullable()),
      title: f("title", "text", requiredText(200)),
      body: f("body", "text", requiredText(100_000)),
      issuedOn: f("issued_on", "date", optionalDate),
      signerName: f("signer_name", "text", optionalText(160)),
      signerRole: f("signer_role", "text", optionalText(160)),
      signatureKind: f("signature_kind", "text", z.enum(SIGNATURE_KINDS).nullable()),
      signatureData: f("signature_data", "text", signatureDataSchema.nullable()),
      signedAt: f("signed_at", "timestamp", timestamp),
      signedHash: f("signed_hash", "text", z.string().regex(/^[0-9a-f]{64}$/).nullable()),
      countersignerName: f("countersigner_name", "text", optionalText(160)),
      countersignerRole: f("countersigner_role", "text", optionalText(160)),
      countersignatureKind: f("countersignature_kind", "text", z.enum(SIGNATURE_KINDS).nullable()),
      countersignatureData: f("countersignature_data", "text", signatureDataSchema.nullable()),
      countersignedAt: f("countersigned_at", "timestamp", timestamp),
      countersignedHash: f("countersigned_hash", "text", z.string().regex(/^[0-9a-f]{64}$/).nullable()),
      voidedAt: f("voided_at", "timestamp", timestamp),
    },
  },
  quote: {
    table: "quotes",
    fields: {
      number: serverNumber,
      provisionalNumber: provisional,
      status: f("status", "text", z.enum(QUOTE_STATUSES)),
      clientId: f("client_id", "text", idSchema),
      locationId: f("location_id", "text", idSchema.nullable()),
      issuedOn: f("issued_on", "date", optionalDate),
      validUntil: f("valid_until", "date", isoDate),
      lines: f("lines", "json", documentLinesSchema),
      sessions: f("sessions", "json", z.array(z.unknown()).max(200)),
      currency: f("currency", "text", currencySchema),
      netCents: f("net_cents", "int", signedCents),
      vatCents: f("vat_cents", "int", signedCents),
      totalCents: f("total_cents", "int", signedCents),
      depositBp: f("deposit_bp", "int", basisPoints),
      notes: f("notes", "text", optionalText(4000)),
      acceptedAt: f("accepted_at", "timestamp", timestamp),
      bookingIds: f("booking_ids", "json", idList),
      depositInvoiceId: f("deposit_invoice_id", "text", idSchema.nullable()),
    },
  },
  invoice: {
    table: "invoices",
    fields: {
      number: serverNumber,
      provisionalNumber: provisional,
      kind: f("kind", "text", z.enum(INVOICE_KINDS)),
      purpose: f("purpose", "text", z.enum(INVOICE_PURPOSES)),
      status: f("status", "text", z.enum(INVOICE_STATUSES).exclude(["overdue"])),
      clientId: f("client_id", "text", idSchema),
      locationId: f("location_id", "text", idSchema.nullable()),
      bookingIds: f("booking_ids", "json", idList),
      quoteId: f("quote_id", "text", idSchema.nullable()),
      creditedInvoiceId: f("credited_invoice_id", "text", idSchema.nullable()),
      issuedOn: f("issued_on", "date", optionalDate),
      dueOn: f("due_on", "date", optionalDate),
      lines: f("lines", "json", documentLinesSchema),
      currency: f("currency", "text", currencySchema),
      netCents: f("net_cents", "int", signedCents),
      vatCents: f("vat_cents", "int", signedCents),
      totalCents: f("total_cents", "int", signedCents),
      paidCents: f("paid_cents", "int", cents),
      notes: f("notes", "text", optionalText(4000)),
      voidedAt: f("voided_at", "timestamp", timestamp),
      voidReason: f("void_reason", "text", optionalText(500)),
    },
  },
  payment: {
    table: "payments",
    fields: {
      /** null: money taken for a booking before any invoice of it could take it (desktop migration 008). */
      invoiceId: f("invoice_id", "text", idSchema.nullable()),
      bookingId: f("booking_id", "text", idSchema.nullable()),
      clientId: f("client_id", "text", idSchema),
      amountCents: f("amount_cents", "int", cents.refine((c) => c > 0, V.atLeastOne)),
      method: f("method", "text", z.enum(PAYMENT_METHODS)),
      receivedOn: f("received_on", "date", isoDate),
      reference: f("reference", "text", optionalText(120)),
    },
  },
  document_email: {
    table: "document_emails",
    fields: {
      to: f("recipient", "text", z.email().max(254)),
      subject: f("subject", "text", requiredText(200)),
      body: f("body", "text", requiredText(20_000)),
      documentKind: f("document_kind", "text", z.enum(EMAIL_DOCUMENT_KINDS)),
      documentId: f("document_id", "text", idSchema),
      attachmentName: f("attachment_name", "text", requiredText(200)),
      attachmentBase64: f("attachment_base64", "text", z.string().max(14_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/)),
      status: f("status", "text", z.enum(EMAIL_STATUSES)),
      error: f("error", "text", optionalText(1000)),
      sentAt: f("sent_at", "timestamp", timestamp),
    },
  },
} as const satisfies Record<string, { table: string; fields: Record<string, DocumentField> }>;

export type DocumentEntity = keyof typeof DOCUMENT_ENTITIES;
export const DOCUMENT_ENTITY_NAMES = Object.keys(DOCUMENT_ENTITIES) as DocumentEntity[];

/** field → column, as the desktop's synced-tables.ts wants it. */
export function documentColumns(entity: DocumentEntity): Record<string, string> {
  return Object.fromEntries(Object.entries(DOCUMENT_ENTITIES[entity].fields).map(([field, spec]) => [field, (spec as DocumentField).column]));
}

export function isDocumentEntity(entity: string): entity is DocumentEntity {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_ENTITIES, entity);
}
