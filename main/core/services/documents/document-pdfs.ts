import { decodeHlc } from "../../../../shared/hlc";
import { displayNumber } from "../../../../shared/documents/document-numbers";
import { renderCommercialPdf } from "../../documents/commercial-pdf";
import type { DocumentContext } from "./document-context";
import type { InvoiceView, PdfFile, QuoteView } from "./document-types";

/** The PDF's creation date: the document's last change (its HLC wall time), so one version always gives the same bytes. */
const changedAt = (hlc: string) => new Date(decodeHlc(hlc).wallMs);

const FILE_PREFIX = { invoice: "facture", credit_note: "avoir", quote: "devis" } as const;

/** Invoice, credit note and quote PDFs (French: the studio's legal language), returned as base64 with a file name. */
export class CommercialPdfs {
  constructor(private readonly context: DocumentContext) {}

  async invoice(invoice: InvoiceView, creditedNumber: string | null): Promise<PdfFile> {
    const pdf = await renderCommercialPdf({
      kind: invoice.kind, purpose: invoice.purpose, language: "fr", status: invoice.status, number: invoice.number, provisionalNumber: invoice.provisionalNumber,
      issuedOn: invoice.issuedOn, dueOn: invoice.dueOn, validUntil: null, creditedNumber, currency: invoice.currency, lines: invoice.lines,
      paidCents: invoice.paidCents, depositBp: null, notes: invoice.notes, studio: this.context.studio(), location: this.context.location(invoice.locationId),
      client: this.context.client(invoice.clientId), createdAt: changedAt(invoice.updatedAt),
    });
    return { filename: `${FILE_PREFIX[invoice.kind]}-${displayNumber(invoice) ?? `brouillon-${invoice.id.slice(0, 8)}`}.pdf`, base64: pdf.toString("base64") };
  }

  async quote(quote: QuoteView): Promise<PdfFile> {
    const pdf = await renderCommercialPdf({
      kind: "quote", purpose: "standard", language: "fr", status: quote.status, number: quote.number, provisionalNumber: quote.provisionalNumber,
      issuedOn: quote.issuedOn, dueOn: null, validUntil: quote.validUntil, creditedNumber: null, currency: quote.currency, lines: quote.lines, paidCents: 0,
      depositBp: quote.depositBp, notes: quote.notes, studio: this.context.studio(), location: this.context.location(quote.locationId),
      client: this.context.client(quote.clientId), createdAt: changedAt(quote.updatedAt),
    });
    return { filename: `devis-${displayNumber(quote) ?? `brouillon-${quote.id.slice(0, 8)}`}.pdf`, base64: pdf.toString("base64") };
  }
}
