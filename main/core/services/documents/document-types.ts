import type { PaymentMethod } from "../../../../shared/documents/billing";
import type { ContractKind, DocumentLanguage } from "../../../../shared/documents/contract-templates";
import type { DocumentLine } from "../../../../shared/documents/document-line";
import type { ContractStatus, InvoiceStatus, QuoteStatus, StoredInvoiceStatus } from "../../../../shared/documents/document-status";
import type { QuoteSession } from "../../../../shared/documents/document-inputs";
import type { DocRow } from "./document-rows";

/** The stored rows in domain form (document-rows.ts reads them by the shared field map). */
export interface ServiceItemRow extends DocRow { name: string; description: string | null; unit: string; unitPriceCents: number; vatBp: number }
export interface TemplateRow extends DocRow { kind: ContractKind; language: DocumentLanguage; name: string; body: string }

export interface ContractRow extends DocRow {
  number: string | null; provisionalNumber: string | null; status: ContractStatus; kind: ContractKind; language: DocumentLanguage;
  clientId: string; locationId: string | null; bookingIds: string[]; templateId: string | null; title: string; body: string; issuedOn: string | null;
  signerName: string | null; signerRole: string | null; signatureKind: "drawn" | "typed" | null; signatureData: string | null; signedAt: string | null; signedHash: string | null;
  countersignerName: string | null; countersignerRole: string | null; countersignatureKind: "drawn" | "typed" | null; countersignatureData: string | null;
  countersignedAt: string | null; countersignedHash: string | null; voidedAt: string | null;
}

export interface QuoteRow extends DocRow {
  number: string | null; provisionalNumber: string | null; status: QuoteStatus; clientId: string; locationId: string | null; issuedOn: string | null;
  validUntil: string; lines: DocumentLine[]; sessions: QuoteSession[]; currency: string; netCents: number; vatCents: number; totalCents: number;
  depositBp: number; notes: string | null; acceptedAt: string | null; bookingIds: string[]; depositInvoiceId: string | null;
}

export interface InvoiceRow extends DocRow {
  number: string | null; provisionalNumber: string | null; kind: "invoice" | "credit_note"; purpose: "standard" | "deposit" | "balance";
  status: StoredInvoiceStatus; clientId: string; locationId: string | null; bookingIds: string[]; quoteId: string | null; creditedInvoiceId: string | null;
  issuedOn: string | null; dueOn: string | null; lines: DocumentLine[]; currency: string; netCents: number; vatCents: number; totalCents: number;
  paidCents: number; notes: string | null; voidedAt: string | null; voidReason: string | null;
}

export interface PaymentRow extends DocRow { invoiceId: string | null; bookingId: string | null; clientId: string; amountCents: number; method: PaymentMethod; receivedOn: string; reference: string | null }

export interface EmailRow extends DocRow {
  to: string; subject: string; body: string; documentKind: "invoice" | "quote" | "contract"; documentId: string; attachmentName: string;
  attachmentBase64: string; status: "queued" | "sent" | "failed"; error: string | null; sentAt: string | null;
}

/** An invoice as screens read it: payments summed from the payment rows, overdue derived from the due date. */
export interface InvoiceView extends Omit<InvoiceRow, "status"> {
  status: InvoiceStatus;
  /** The number to show: final, else the provisional label. */
  displayNumber: string | null;
  creditedCents: number;
  dueCents: number;
  vatByRate: { vatBp: number; netCents: number; vatCents: number }[];
}

export interface QuoteView extends QuoteRow { displayNumber: string | null; effectiveStatus: QuoteStatus }
export interface ContractView extends Omit<ContractRow, "signatureData" | "countersignatureData"> { displayNumber: string | null; hasSignatureImage: boolean }

/** A PDF as the router returns it. */
export interface PdfFile { filename: string; base64: string }
