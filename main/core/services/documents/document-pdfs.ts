import { decodeHlc } from "../../../../shared/hlc";
import { displayNumber } from "../../../../shared/documents/document-numbers";
import { renderCommercialPdf } from "../../documents/commercial-pdf";
import type { DocumentContext } from "./document-context";
import type { InvoiceView, PdfFile, QuoteView } from "./document-types";

/** The PDF's creation date: the document's last change (its HLC wall time), so one version always gives the same bytes. */
const changedAt = (hlc: string) => new Date(decodeHlc(hlc).wallMs);

const FILE_PREFIX = {
  fr: { invoice: "facture", credit_note: "avoir", quote: "devis", draft: "brouillon" },
  en: { invoice: "invoice", credit_note: "credit-note", quote: "quote", draft: "draft" },
} as const;

/** Invoice, credit note and quote PDFs in the client's document language (French unless chosen), returned as base64 with a file name. */
export class CommercialPdfs {
  constructor(private readonly context: DocumentContext) {}

  async invoice(invoice: InvoiceView, creditedNumber: string | null): Promise<PdfFile> {
    const client = this.context.client(invoice.clientId);
    const prefix = FILE_PREFIX[client.documentLanguage];
    const pdf = await renderCommercialPdf({
      kind: invoice.kind, purpose: invoice.purpose, language: client.documentLanguage, status: invoice.status, number: invoice.number, provisionalNumber: invoice.provisionalNumber,
      issuedOn: invoice.issuedOn, dueOn: invoice.dueOn, validUntil: null, creditedNumber, currency: invoice.currency, lines: invoice.lines,
      paidCents: invoice.paidCents, depositBp: null, notes: invoice.notes, studio: this.context.studio(), location: this.context.location(invoice.locationId),
      client, createdAt: changedAt(invoice.updatedAt),
    });
    return { filename: `${prefix[invoice.kind]}-${displayNumber(invoice) ?? `${prefix.draft}-${invoice.id.slice(0, 8)}`}.pdf`, base64: pdf.toString("base64") };
  }

  async quote(quote: QuoteView): Promise<PdfFile> {
    const client = this.context.client(quote.clientId);
    const prefix = FILE_PREFIX[client.documentLanguage];
    const pdf = await renderCommercialPdf({
      kind: "quote", purpose: "standard", language: client.documentLanguage, status: quote.status, number: quote.number, provisionalNumber: quote.provisionalNumber,
      issuedOn: quote.issuedOn, dueOn: null, validUntil: quote.validUntil, creditedNumber: null, currency: quote.currency, lines: quote.lines, paidCents: 0,
      depositBp: quote.depositBp, notes: quote.notes, studio: this.context.studio(), location: this.context.location(quote.locationId),
      client, createdAt: changedAt(quote.updatedAt),
    });
    return { filename: `${prefix.quote}-${displayNumber(quote) ?? `${prefix.draft}-${quote.id.slice(0, 8)}`}.pdf`, base64: pdf.toString("base64") };
  }
}
