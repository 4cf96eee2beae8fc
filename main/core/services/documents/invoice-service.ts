import type { DocumentLanguage } from "../../../../shared/documents/contract-templates";
import { balanceLines, creditFits, creditLines, depositLines, depositDeductions, depositOfLines, bookingLines, amountDue } from "../../../../shared/documents/billing";
import {
  createInvoiceFromBookingsInput, createInvoiceInput, listInvoicesInput, updateInvoiceInput, voidInvoiceInput,
} from "../../../../shared/documents/document-inputs";
import { creditableQuantities, creditNoteLinesInput, pickedCreditLines, type CreditPick } from "../../../../shared/documents/credit-selection";
import type { DocumentLine } from "../../../../shared/documents/document-line";
import { displayNumber } from "../../../../shared/documents/document-numbers";
import { INVOICE_TRANSITIONS, canMove, effectiveInvoiceStatus, statusAfterPayments, type StoredInvoiceStatus } from "../../../../shared/documents/document-status";
import { computeTotals } from "../../../../shared/documents/document-totals";
import { addDays } from "../../../../shared/zoned-time";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { AppError } from "../../errors";
import type { DeviceClock } from "../../sync/device-clock";
import { parseInput } from "../parse-input";
import { billable, requireOneClient, type DocumentContext } from "./document-context";
import type { DocumentRows } from "./document-rows";
import type { InvoiceRow, InvoiceView, QuoteRow } from "./document-types";
import { nextProvisionalNumber } from "./provisional-numbers";

/** The deposit lines' words, in the client's document language (written once, when the line is made). */
const LABELS: Record<DocumentLanguage, { deposit(bp: number): string; deduction(number: string): string }> = {
  fr: {
    deposit: (bp) => `Acompte ${bp % 100 === 0 ? bp / 100 : (bp / 100).toFixed(2).replace(".", ",")} %`,
    deduction: (number) => `Acompte déjà facturé (${number})`,
  },
  en: {
    deposit: (bp) => `Deposit ${bp % 100 === 0 ? bp / 100 : (bp / 100).toFixed(2)}%`,
    deduction: (number) => `Deposit already invoiced (${number})`,
  },
};

function totalsOf(lines: readonly DocumentLine[]) {
  const t = computeTotals(lines);
  return { netCents: t.netCents, vatCents: t.vatCents, totalCents: t.totalCents };
}

/**
 * Invoices and credit notes: from bookings (deposit, balance or the whole price), from an accepted
 * quote, or typed in; issued with a provisional label until the server numbers them; voided or
 * credited, never edited once issued. Paid amounts are read from the payment rows.
 */
export class InvoiceService {
  constructor(
    private readonly db: Db,
    private readonly rows: DocumentRows,
    private readonly context: DocumentContext,
    private readonly clock: DeviceClock,
    private readonly now: () => number,
  ) {}

  /** Called inside the issue transaction: the bookings' waiting payments go onto the new invoice (PaymentService.applyWaiting). */
  onIssued: (id: string) => void = () => {};

  get(id: string): InvoiceView {
    return this.view(this.rows.get<InvoiceRow>("invoice", id));
  }

  list(input: unknown): InvoiceView[] {
    const { clientId, status } = parseInput(listInvoicesInput, input ?? {}, "invoice list");
    const rows = this.rows.list<InvoiceRow>("invoice", "(? IS NULL OR client_id = ?)", [clientId ?? null, clientId ?? null]);
    const views = rows.map((r) => this.view(r));
    return status ? views.filter((v) => v.status === status) : views;
  }

  /** Paid from the payment rows (two desks taking payments offline both count), credit notes against it, and the derived status. */
  view(row: InvoiceRow): InvoiceView {
    const paid = (prepareCached(this.db, "SELECT COALESCE(SUM(amount_cents), 0) AS s FROM payments WHERE invoice_id = ? AND deleted_at IS NULL").get(row.id) as { s: number }).s;
    const credited = row.kind === "invoice"
      ? (prepareCached(this.db, "SELECT COALESCE(SUM(total_cents), 0) AS s FROM invoices WHERE credited_invoice_id = ? AND status <> 'void' AND status <> 'draft' AND deleted_at IS NULL").get(row.id) as { s: number }).s
      : 0;
    // A credit note is not paid: it stays as issued (or void).
    const stored = row.kind === "invoice" ? statusAfterPayments(row.status, row.totalCents + credited, paid) : row.status;
    const today = this.context.today(row.locationId, this.now());
    return {
      ...row, paidCents: paid, status: effectiveInvoiceStatus(stored, row.dueOn, today), displayNumber: displayNumber(row), creditedCents: credited,
      dueCents: row.kind === "invoice" && row.status !== "draft" && row.status !== "void" ? amountDue(row.totalCents, paid, credited) : 0,
      vatByRate: computeTotals(row.lines).vatByRate,
    };
  }

  /** A draft invoice for one client's bookings: their deposit, their balance (less earlier deposit invoices), or their whole price. */
  createFromBookings(input: unknown): InvoiceView {
    const data = parseInput(createInvoiceFromBookingsInput, input, "invoice");
    return this.db.transaction(() => {
      const bookings = this.context.bookings(data.bookingIds);
      const { clientId, locationId } = requireOneClient(bookings);
      const bills = bookings.map(billable);
      const labels = this.labelsFor(clientId);
      const lines = data.purpose === "deposit" ? depositLines(bills, labels)
        : data.purpose === "balance" ? balanceLines(bills, this.priorDeposits(data.bookingIds, null), labels)
        : bills.flatMap(bookingLines);
      return this.insertDraft({ clientId, locationId, bookingIds: data.bookingIds, quoteId: null, purpose: data.purpose, lines, notes: data.notes ?? null, currency: bookings[0]!.currency });
    })();
  }

  private labelsFor(clientId: string) {
    return LABELS[this.context.client(clientId).documentLanguage];
  }

  /** The deposit invoice of an accepted quote: the deposit share of its lines, per VAT rate. */
  createQuoteDeposit(quote: QuoteRow, bookingIds: string[]): InvoiceView {
    const lines = depositOfLines(quote.lines, quote.depositBp, this.labelsFor(quote.clientId).deposit(quote.depositBp));
    return this.insertDraft({ clientId: quote.clientId, locationId: quote.locationId, bookingIds, quoteId: quote.id, purpose: "deposit", lines, notes: null, currency: quote.currency });
  }

  /** The invoice of an accepted quote: its lines, less the deposit invoices already issued for it. */
  createFromQuote(quote: QuoteRow): InvoiceView {
    const deposits = this.priorDeposits([], quote.id);
    const purpose = deposits.length > 0 ? "balance" : "standard";
    const lines = [...quote.lines, ...depositDeductions(deposits, this.labelsFor(quote.clientId))];
    return this.insertDraft({ clientId: quote.clientId, locationId: quote.locationId, bookingIds: quote.bookingIds, quoteId: quote.id, purpose, lines, notes: null, currency: quote.currency });
  }

  create(input: unknown): InvoiceView {
    const data = parseInput(createInvoiceInput, input, "invoice");
    this.context.client(data.clientId);
    return this.insertDraft({ ...data, bookingIds: [], quoteId: null, purpose: "standard", notes: data.notes ?? null, currency: this.context.studio().currency });
  }

  private insertDraft(v: { clientId: string; locationId: string | null; bookingIds: string[]; quoteId: string | null; purpose: InvoiceRow["purpose"]; lines: DocumentLine[]; notes: string | null; currency: string }): InvoiceView {
    if (v.lines.length === 0) throw new AppError("VALIDATION_FAILED", "Nothing to invoice", { lines: ["v.atLeastOne"] });
    const id = this.rows.insert("invoice", {
      kind: "invoice", purpose: v.purpose, status: "draft", clientId: v.clientId, locationId: v.locationId, bookingIds: v.bookingIds, quoteId: v.quoteId,
      creditedInvoiceId: null, lines: v.lines, currency: v.currency, ...totalsOf(v.lines), paidCents: 0, notes: v.notes,
    });
    return this.get(id);
  }

  /** Deposit invoices issued (not void) for any of these bookings, or for this quote. */
  private priorDeposits(bookingIds: readonly string[], quoteId: string | null): { number: string; lines: DocumentLine[] }[] {
    return this.rows.list<InvoiceRow>("invoice", "kind = 'invoice' AND purpose = 'deposit' AND status NOT IN ('draft', 'void')", [], "created_at, id")
      .filter((i) => (quoteId !== null && i.quoteId === quoteId) || i.bookingIds.some((b) => bookingIds.includes(b)))
      .map((i) => ({ number: displayNumber(i) ?? "?", lines: i.lines }));
  }

  update(input: unknown): InvoiceView {
    const { id, patch } = parseInput(updateInvoiceInput, input, "invoice");
    const row = this.rows.get<InvoiceRow>("invoice", id);
    if (row.status !== "draft") throw new AppError("DOCUMENT_LOCKED", `Invoice ${id} is ${row.status}`, undefined, { status: row.status });
    this.rows.update("invoice", id, { ...patch, ...(patch.lines ? totalsOf(patch.lines) : {}) });
    return this.get(id);
  }

  /**
   * Issues a draft: dated today in the location's calendar, due after the studio's terms, with this desk's provisional label.
   * `atMs`: only the demo studio passes one (invoices issued weeks ago, so it looks lived in); the app always issues now.
   */
  issue(id: string, atMs?: number): InvoiceView {
    return this.db.transaction(() => {
      const row = this.rows.get<InvoiceRow>("invoice", id);
      this.move(row, "issued");
      const issuedOn = this.context.today(row.locationId, atMs ?? this.now());
      const dueOn = addDays(issuedOn, this.context.studio().paymentTermsDays);
      this.rows.update("invoice", id, { status: "issued", issuedOn, dueOn, provisionalNumber: nextProvisionalNumber(this.db, this.clock.nodeId) });
      this.onIssued(id);
      return this.get(id);
    })();
  }

  /** Voids an issued invoice nobody has paid (a paid one is cancelled by a credit note). */
  void(input: unknown): InvoiceView {
    const { id, reason } = parseInput(voidInvoiceInput, input, "void");
    return this.db.transaction(() => {
      const view = this.get(id);
      const row = this.rows.get<InvoiceRow>("invoice", id);
      if (view.paidCents > 0) throw new AppError("INVALID_TRANSITION", "A paid invoice is cancelled by a credit note", undefined, { from: view.status, to: "void" });
      this.move(row, "void");
      this.rows.update("invoice", id, { status: "void", voidedAt: new Date(this.now()).toISOString(), voidReason: reason ?? null });
      return this.get(id);
    })();
  }

  /** A credit note against an issued invoice, the whole of it or some lines, issued at once; never more than what is left of it. */
  creditNote(input: unknown): InvoiceView {
    const { invoiceId, lineIndexes, lines: picks, reason } = parseInput(creditNoteLinesInput, input, "credit note");
    return this.db.transaction(() => {
      const invoice = this.get(invoiceId);
      if (invoice.kind !== "invoice" || invoice.status === "draft" || invoice.status === "void") {
        throw new AppError("INVALID_TRANSITION", `A credit note needs an issued invoice (this one is ${invoice.status})`, undefined, { from: invoice.status });
      }
      const lines = picks ? this.pickedLines(invoice.lines, picks, this.creditable(invoice.id, invoice.lines)) : creditLines(lineIndexes
        ? [...new Set(lineIndexes)].map((i) => invoice.lines[i]).filter((l): l is DocumentLine => l !== undefined)
        : invoice.lines);
      if (lines.length === 0) throw new AppError("VALIDATION_FAILED", "No line to credit", { lineIndexes: ["v.atLeastOne"] });
      const totals = totalsOf(lines);
      if (!creditFits(invoice.totalCents, invoice.creditedCents, totals.totalCents)) {
        throw new AppError("CREDIT_EXCEEDS_INVOICE", "The credit note is larger than what is left of the invoice", undefined, { leftCents: invoice.totalCents + invoice.creditedCents });
      }
      const issuedOn = this.context.today(invoice.locationId, this.now());
      const id = this.rows.insert("invoice", {
        kind: "credit_note", purpose: "standard", status: "issued", clientId: invoice.clientId, locationId: invoice.locationId, bookingIds: invoice.bookingIds,
        quoteId: invoice.quoteId, creditedInvoiceId: invoice.id, issuedOn, dueOn: null, lines, currency: invoice.currency, ...totals, paidCents: 0,
        notes: reason ?? null, provisionalNumber: nextProvisionalNumber(this.db, this.clock.nodeId),
      });
      return this.get(id);
    })();
  }

  /** What is left to credit of each line of an invoice (quantities in thousandths), after its issued credit notes. */
  creditableOf(id: string): number[] {
    const invoice = this.rows.get<InvoiceRow>("invoice", id);
    return this.creditable(id, invoice.lines);
  }

  private creditable(id: string, lines: readonly DocumentLine[]): number[] {
    const credits = this.rows.list<InvoiceRow>("invoice", "credited_invoice_id = ? AND status NOT IN ('void', 'draft')", [id], "created_at, id");
    return creditableQuantities(lines, credits.map((c) => c.lines));
  }

  /** Some quantity of some lines (shared/documents/credit-selection.ts); a pick beyond the line is refused, naming the line. */
  private pickedLines(invoiceLines: readonly DocumentLine[], picks: CreditPick[], remaining: number[]): DocumentLine[] {
    const { lines, errors } = pickedCreditLines(invoiceLines, picks, remaining);
    if (errors.length > 0) {
      throw new AppError("VALIDATION_FAILED", `Cannot credit line ${errors[0]!.index + 1}: ${errors[0]!.problem}`,
        Object.fromEntries(errors.map((e) => [`lines.${e.index}`, [e.problem === "too_much" ? "v.tooLarge" : "v.invalid"]])));
    }
    return lines;
  }

  private move(row: InvoiceRow, to: StoredInvoiceStatus): void {
    if (!canMove(INVOICE_TRANSITIONS, row.status, to)) {
      throw new AppError("INVALID_TRANSITION", `An invoice cannot go from ${row.status} to ${to}`, undefined, { from: row.status, to });
    }
  }
}
