import { recordInvoicePaymentInput } from "../../../../shared/documents/document-inputs";
import { statusAfterPayments } from "../../../../shared/documents/document-status";
import { allocateBookingPayment, paymentsForNewInvoice } from "../../../../shared/documents/payment-allocation";
import { listPaymentsInput, recordBookingPaymentInput } from "../../../../shared/documents/payment-inputs";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { AppError } from "../../errors";
import type { BookingService } from "../booking-service";
import type { BookingDetail } from "../booking/booking-views";
import { parseInput } from "../parse-input";
import type { DocumentContext } from "./document-context";
import type { DocumentRows } from "./document-rows";
import type { InvoiceRow, InvoiceView, PaymentRow } from "./document-types";
import type { InvoiceService } from "./invoice-service";
import { paidFromPayments } from "./booking-paid";

/** A payment as lists show it: with the number of the invoice it settles, if any. */
export interface PaymentView extends PaymentRow {
  invoiceNumber: string | null;
}

/**
 * Payments (cash, card, bank transfer, online; partial or whole): the one record of money received.
 * A payment settles an invoice, or waits on its booking until an invoice of the booking is issued.
 * The invoice's paid amount and status, and the bookings' paid cache (bookings.paid_cents, read by
 * the cancellation policy and the deposits report), are rewritten from the payment rows in the same
 * transaction, by `settle` alone.
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

  list(input: unknown = {}): PaymentView[] {
    const f = parseInput(listPaymentsInput, input ?? {}, "payment list");
    const rows = this.rows.list<PaymentRow>("payment", "(? IS NULL OR invoice_id = ?) AND (? IS NULL OR client_id = ?) AND (? IS NULL OR booking_id = ?)",
      [f.invoiceId ?? null, f.invoiceId ?? null, f.clientId ?? null, f.clientId ?? null, f.bookingId ?? null, f.bookingId ?? null], "received_on DESC, created_at DESC, id");
    const numbers = new Map<string, string | null>();
    const numberOf = (id: string) => {
      if (!numbers.has(id)) numbers.set(id, this.rows.find<InvoiceRow>("invoice", id) ? this.invoices.get(id).displayNumber : null);
      return numbers.get(id) ?? null;
    };
    return rows.map((p) => ({ ...p, invoiceNumber: p.invoiceId ? numberOf(p.invoiceId) : null }));
  }

  /** A payment on an invoice, up to what is left to pay on it. */
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
        invoiceId: invoice.id, bookingId: invoice.bookingIds.length === 1 ? invoice.bookingIds[0] : null, clientId: invoice.clientId, amountCents: data.amountCents,
        method: data.method, receivedOn: data.receivedOn ?? this.context.today(invoice.locationId, this.now()), reference: data.reference ?? null,
      });
      this.settle([invoice.id], invoice.bookingIds);
      return { payment: this.rows.get<PaymentRow>("payment", paymentId), invoice: this.invoices.get(invoice.id) };
    })();
  }

  /**
   * Money taken at the booking drawer: on the booking's open invoices (deposit first), the rest
   * waiting on the booking (shared/documents/payment-allocation.ts). One row per invoice it settles.
   */
  recordForBooking(input: unknown): { payments: PaymentRow[]; booking: BookingDetail } {
    const data = parseInput(recordBookingPaymentInput, input, "payment");
    return this.db.transaction(() => {
      const booking = this.bookings.get(data.bookingId);
      if (!booking.clientId) throw new AppError("VALIDATION_FAILED", "A payment needs the booking's client", { clientId: ["v.required"] });
      // The booking's invoices whoever they are made out to (the booking's client may have changed since).
      const open = this.rows.list<InvoiceRow>("invoice", "kind = 'invoice' AND EXISTS (SELECT 1 FROM json_each(booking_ids) j WHERE j.value = ?)", [booking.id])
        .map((r) => this.invoices.view(r));
      const receivedOn = data.receivedOn ?? this.context.today(booking.locationId, this.now());
      const clientOf = (invoiceId: string | null) => open.find((i) => i.id === invoiceId)?.clientId ?? booking.clientId;
      const ids = allocateBookingPayment(data.amountCents, open).map((a) => this.rows.insert("payment", {
        invoiceId: a.invoiceId, bookingId: booking.id, clientId: clientOf(a.invoiceId), amountCents: a.amountCents, method: data.method, receivedOn, reference: data.reference ?? null,
      }));
      const touched = open.map((i) => i.id);
      this.settle(touched, [booking.id, ...open.flatMap((i) => i.bookingIds)]);
      return { payments: ids.map((id) => this.rows.get<PaymentRow>("payment", id)), booking: this.bookings.get(booking.id) };
    })();
  }

  /** A newly issued invoice takes its bookings' waiting payments, each whole while it fits (called inside the issue transaction). */
  applyWaiting(invoiceId: string): void {
    const invoice = this.invoices.get(invoiceId);
    if (invoice.kind !== "invoice" || invoice.bookingIds.length === 0) return;
    const waiting = this.rows.list<PaymentRow>("payment", `invoice_id IS NULL AND booking_id IN (SELECT value FROM json_each(?))`, [JSON.stringify(invoice.bookingIds)], "received_on, created_at, id");
    const ids = paymentsForNewInvoice(invoice.dueCents, waiting);
    if (ids.length === 0) return;
    for (const id of ids) this.rows.update("payment", id, { invoiceId: invoice.id });
    this.settle([invoice.id], invoice.bookingIds);
  }

  /** Rewrites, from the payment rows, the paid amount and status of these invoices and the paid cache of these bookings. */
  private settle(invoiceIds: readonly string[], bookingIds: readonly string[]): void {
    for (const id of new Set(invoiceIds)) {
      const view = this.invoices.get(id);
      const stored = this.rows.get<InvoiceRow>("invoice", id);
      if (stored.kind !== "invoice" || stored.status === "draft" || stored.status === "void") continue;
      this.rows.update("invoice", id, { paidCents: view.paidCents, status: statusAfterPayments(stored.status, view.totalCents + view.creditedCents, view.paidCents) });
    }
    this.refreshBookingPaid(bookingIds);
  }

  /** bookings.paid_cents for these bookings (and those sharing an invoice with them), from the payment rows. */
  private refreshBookingPaid(bookingIds: readonly string[]): void {
    const paid = paidFromPayments(this.db, bookingIds);
    for (const [id, cents] of paid) this.bookings.storePaidCents(id, cents);
  }
}
