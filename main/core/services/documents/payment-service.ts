import { recordInvoicePaymentInput } from "../../../../shared/documents/document-inputs";
import { statusAfterPayments } from "../../../../shared/documents/document-status";
import type { Db } from "../../db/open-database";
import { AppError } from "../../errors";
import type { BookingService } from "../booking-service";
import { parseInput } from "../parse-input";
import type { DocumentContext } from "./document-context";
import type { DocumentRows } from "./document-rows";
import type { InvoiceRow, InvoiceView, PaymentRow } from "./document-types";
import type { InvoiceService } from "./invoice-service";

/**
 * Payments against invoices (cash, card, bank transfer, online; partial or whole). One payment
 * row, the invoice's paid amount and status, and the paid amount of the bookings it bills, all in
 * one transaction.
 */
export class PaymentService {
  constructor(
    private readonly db: Db,
    private readonly rows: DocumentRows,
    private readonly context: DocumentContext,
    private readonly invoices: InvoiceService,
    private readonly bookings: BookingService,
    private readonly now: () => number,
  ) {}

  list(filter: { invoiceId?: string; clientId?: string }): PaymentRow[] {
    return this.rows.list<PaymentRow>("payment", "(? IS NULL OR invoice_id = ?) AND (? IS NULL OR client_id = ?)",
      [filter.invoiceId ?? null, filter.invoiceId ?? null, filter.clientId ?? null, filter.clientId ?? null], "received_on DESC, created_at DESC, id");
  }

  record(input: unknown): { payment: PaymentRow; invoice: InvoiceView } {
    const data = parseInput(recordInvoicePaymentInput, input, "payment");
    return this.db.transaction(() => {
      const invoice = this.invoices.get(data.invoiceId);
      if (invoice.kind !== "invoice" || !["issued", "partly_paid", "overdue"].includes(invoice.status)) {
        throw new AppError("INVALID_TRANSITION", `A payment needs an issued, unpaid invoice (this one is ${invoice.status})`, undefined, { from: invoice.status });
      }
      if (data.amountCents > invoice.dueCents) {
        throw new AppError("PAYMENT_EXCEEDS_DUE", "The payment is larger than what is left to pay", { amountCents: ["v.tooLarge"] }, { dueCents: invoice.dueCents });
      }
      const paymentId = this.rows.insert("payment", {
        invoiceId: invoice.id, clientId: invoice.clientId, amountCents: data.amountCents, method: data.method,
        receivedOn: data.receivedOn ?? this.context.today(invoice.locationId, this.now()), reference: data.reference ?? null,
      });
      const paid = invoice.paidCents + data.amountCents;
      const stored = this.rows.get<InvoiceRow>("invoice", invoice.id);
      this.rows.update("invoice", invoice.id, { paidCents: paid, status: statusAfterPayments(stored.status, invoice.totalCents + invoice.creditedCents, paid) });
      this.spreadOverBookings(invoice.bookingIds, data.amountCents);
      return { payment: this.rows.get<PaymentRow>("payment", paymentId), invoice: this.invoices.get(invoice.id) };
    })();
  }

  /** The amount paid goes onto the invoice's bookings in order, each up to what it still owes (their balance checks read it). */
  private spreadOverBookings(bookingIds: readonly string[], amountCents: number): void {
    let left = amountCents;
    const bookings = this.context.bookings(bookingIds.filter((id) => this.exists(id)));
    for (const b of bookings) {
      const take = Math.min(left, Math.max(0, b.totalCents - b.paidCents));
      if (take > 0) this.bookings.recordPayment({ id: b.id, amountCents: take });
      left -= take;
      if (left === 0) break;
    }
  }

  private exists(bookingId: string): boolean {
    return this.db.prepare("SELECT 1 FROM bookings WHERE id = ? AND deleted_at IS NULL").get(bookingId) !== undefined;
  }
}
