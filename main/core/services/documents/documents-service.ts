import { clientBalance } from "../../../../shared/documents/billing";
import { byIdSchema } from "../../../../shared/schemas/common";
import type { Db } from "../../db/open-database";
import type { DeviceClock } from "../../sync/device-clock";
import type { LocalWriter } from "../../sync/local-writer";
import type { BookingService } from "../booking-service";
import { parseInput } from "../parse-input";
import { ClientActivity } from "./client-activity";
import { ContractService } from "./contract-service";
import { DocumentContext } from "./document-context";
import { CommercialPdfs } from "./document-pdfs";
import { DocumentRows } from "./document-rows";
import { DocumentSettings } from "./document-settings";
import type { ContractView, InvoiceView, PdfFile, QuoteView } from "./document-types";
import { EmailQueue, type EmailStatusView } from "./email-queue";
import { InvoiceService } from "./invoice-service";
import { PaymentService, type PaymentView } from "./payment-service";
import { QuoteService } from "./quote-service";

export interface ClientDocuments {
  invoices: InvoiceView[];
  quotes: QuoteView[];
  contracts: ContractView[];
  payments: PaymentView[];
  emails: EmailStatusView[];
}

/** Contracts, quotes, invoices, payments and their mail: the documents side of the studio core. */
export class DocumentsService {
  readonly settings: DocumentSettings;
  readonly contracts: ContractService;
  readonly quotes: QuoteService;
  readonly invoices: InvoiceService;
  readonly payments: PaymentService;
  readonly emails: EmailQueue;
  readonly clients: ClientActivity;
  private readonly pdfs: CommercialPdfs;

  constructor(db: Db, writer: LocalWriter, clock: DeviceClock, bookings: BookingService, now: () => number) {
    const rows = new DocumentRows(db, writer);
    const context = new DocumentContext(db);
    this.settings = new DocumentSettings(db, rows, context);
    this.invoices = new InvoiceService(db, rows, context, clock, now);
    this.quotes = new QuoteService(db, rows, context, bookings, this.invoices, clock, now);
    this.contracts = new ContractService(db, rows, context, clock, now, (id) => this.settings.template(id));
    this.payments = new PaymentService(db, rows, context, this.invoices, bookings, now);
    // One record of money received: the booking drawer's payments and the invoices' are payment rows.
    bookings.paymentRecorder = (input) => this.payments.recordForBooking(input).booking;
    this.invoices.onIssued = (id) => this.payments.applyWaiting(id);
    this.emails = new EmailQueue(rows, context);
    this.clients = new ClientActivity(bookings, this.payments, context, now, db);
    this.pdfs = new CommercialPdfs(context);
  }

  invoicePdf(id: string): Promise<PdfFile> {
    const invoice = this.invoices.get(id);
    const credited = invoice.creditedInvoiceId ? this.invoices.get(invoice.creditedInvoiceId).displayNumber : null;
    return this.pdfs.invoice(invoice, credited);
  }

  quotePdf(id: string): Promise<PdfFile> {
    return this.pdfs.quote(this.quotes.get(id));
  }

  /** Queues a document's mail with its PDF attached (offline too: the server sends it once synced). */
  send(input: unknown): Promise<EmailStatusView> {
    return this.emails.queue(input, async (kind, id) => {
      if (kind === "invoice") {
        const i = this.invoices.get(id);
        return { pdf: await this.invoicePdf(id), clientId: i.clientId, kind: i.kind, title: null, number: i.displayNumber };
      }
      if (kind === "quote") {
        const q = this.quotes.get(id);
        return { pdf: await this.quotePdf(id), clientId: q.clientId, kind: "quote", title: null, number: q.displayNumber };
      }
      const c = this.contracts.get(id);
      return { pdf: await this.contracts.pdf(id), clientId: c.clientId, kind: "contract", title: c.title, number: c.displayNumber };
    });
  }

  /** What the client owes across their issued invoices (less payments and credit notes). */
  clientBalance(clientId: string): ReturnType<typeof clientBalance> & { currency: string } {
    const invoices = this.invoices.list({ clientId });
    return { ...clientBalance(invoices.map((i) => ({ ...i, status: i.status === "overdue" ? "issued" : i.status }))), currency: this.settings.profile().currency };
  }

  clientDocuments(input: unknown): ClientDocuments {
    const { id: clientId } = parseInput(byIdSchema, input, "client");
    const invoices = this.invoices.list({ clientId });
    const quotes = this.quotes.list(clientId);
    const contracts = this.contracts.list(clientId);
    const ids = new Set([...invoices, ...quotes, ...contracts].map((d) => d.id));
    return { invoices, quotes, contracts, payments: this.payments.list({ clientId }), emails: this.emails.list().filter((e) => ids.has(e.documentId)) };
  }
}
