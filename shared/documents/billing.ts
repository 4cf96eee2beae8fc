import type { PriceLine } from "../booking/pricing";
import { computeTotals, roundDiv } from "./document-totals";
import type { DocumentLine } from "./document-line";

/** What billing needs of a booking: its priced lines and the session they were priced for. */
export interface BillableBooking {
  id: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  projectName: string | null;
  title: string | null;
  priceLines: PriceLine[];
  depositBp: number;
  /** The booking's discount (shared/booking/pricing.ts), printed on each line as a quote's is. */
  discountBp: number;
}

const KIND: Record<PriceLine["kind"], DocumentLine["kind"]> = { room: "room", staff: "engineer", equipment: "gear" };

/**
 * A booking's lines as billed: one per priced room, engineer or gear line, at the rate-card price
 * with the booking's discount (quantity 1, so the capped tiers of pricing.ts are kept exactly, and
 * the line's net is the booking's to the cent: both round the discount half up on the line). A
 * line priced before discounts existed has no rate-card price: billed at its net.
 */
export function bookingLines(b: BillableBooking): DocumentLine[] {
  return b.priceLines.map((p) => ({
    kind: KIND[p.kind],
    refId: p.refId,
    label: p.quantity > 1 ? `${p.label} × ${p.quantity}` : p.label,
    detail: b.title,
    quantityMilli: 1000,
    unitPriceCents: p.listCents ?? p.netCents,
    vatBp: p.vatBp,
    discountBp: p.listCents === undefined ? 0 : b.discountBp,
    bookingId: b.id,
    session: { startsAt: b.startsAt, endsAt: b.endsAt, timeZone: b.timeZone },
    projectName: b.projectName,
  }));
}

/**
 * The deposit share of some lines: per VAT rate, `depositBp` of the net at that rate, so the deposit
 * carries the right VAT (French "facture d'acompte"). Its total can differ by a cent from a share
 * of the gross, since each line is rounded on its own.
 */
export function depositOfLines(lines: readonly DocumentLine[], depositBp: number, label: string): DocumentLine[] {
  const out: DocumentLine[] = [];
  for (const bucket of computeTotals(lines).vatByRate) {
    const net = roundDiv(bucket.netCents * depositBp, 10_000);
    if (net === 0) continue;
    out.push({
      kind: "deposit", refId: null, label, detail: null, quantityMilli: 1000, unitPriceCents: net, vatBp: bucket.vatBp, discountBp: 0,
      bookingId: null, session: null, projectName: null,
    });
  }
  return out;
}

/** A deposit invoice for bookings: each booking's deposit share, carrying its session and project for the PDF. */
export function depositLines(bookings: readonly BillableBooking[], labels: { deposit: (bp: number) => string }): DocumentLine[] {
  return bookings.flatMap((b) =>
    depositOfLines(bookingLines(b), b.depositBp, labels.deposit(b.depositBp)).map((l) => ({
      ...l, detail: b.title, bookingId: b.id, session: { startsAt: b.startsAt, endsAt: b.endsAt, timeZone: b.timeZone }, projectName: b.projectName,
    })),
  );
}

/** A deposit invoice already issued: its number and lines. */
export interface PriorDeposit {
  number: string;
  lines: readonly DocumentLine[];
}

/** Per earlier deposit invoice and VAT rate, a negative line taking back what it billed. */
export function depositDeductions(deposits: readonly PriorDeposit[], labels: { deduction: (number: string) => string }): DocumentLine[] {
  const out: DocumentLine[] = [];
  for (const d of deposits) {
    for (const bucket of computeTotals(d.lines).vatByRate) {
      if (bucket.netCents === 0) continue;
      out.push({
        kind: "deposit_deduction", refId: null, label: labels.deduction(d.number), detail: null, quantityMilli: -1000, unitPriceCents: bucket.netCents,
        vatBp: bucket.vatBp, discountBp: 0, bookingId: null, session: null, projectName: null,
      });
    }
  }
  return out;
}

/** The balance invoice: every line of the bookings less the deposits, so deposit + balance = the price to the cent. */
export function balanceLines(bookings: readonly BillableBooking[], deposits: readonly PriorDeposit[], labels: { deduction: (number: string) => string }): DocumentLine[] {
  return [...bookings.flatMap(bookingLines), ...depositDeductions(deposits, labels)];
}

/** A credit note's lines: the invoice's own lines negated (quantity), so it mirrors them to the cent. */
export function creditLines(lines: readonly DocumentLine[]): DocumentLine[] {
  return lines.map((l) => ({ ...l, quantityMilli: -l.quantityMilli }));
}

/**
 * Whether a credit of `creditTotalCents` (negative) fits on an invoice of `invoiceTotalCents` that
 * earlier credit notes already reduced by `alreadyCreditedCents` (negative): never more than it.
 */
export function creditFits(invoiceTotalCents: number, alreadyCreditedCents: number, creditTotalCents: number): boolean {
  return creditTotalCents < 0 && invoiceTotalCents + alreadyCreditedCents + creditTotalCents >= 0;
}

export const PAYMENT_METHODS = ["cash", "card", "bank_transfer", "online"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What is left to pay on an invoice: its total less payments and the credit notes against it. */
export function amountDue(totalCents: number, paidCents: number, creditedCents: number): number {
  return Math.max(0, totalCents + creditedCents - paidCents);
}

export interface BalanceInvoice {
  kind: "invoice" | "credit_note";
  status: string;
  totalCents: number;
  paidCents: number;
  creditedInvoiceId: string | null;
  id: string;
}

/**
 * What a client owes across their issued invoices: each invoice's total less its payments and the
 * credit notes against it. Drafts and void invoices owe nothing; a credit note counts only through
 * the invoice it reduces.
 */
export function clientBalance(invoices: readonly BalanceInvoice[]): { invoicedCents: number; paidCents: number; creditedCents: number; dueCents: number } {
  const live = invoices.filter((i) => i.status !== "draft" && i.status !== "void");
  const credited = new Map<string, number>();
  for (const c of live) if (c.kind === "credit_note" && c.creditedInvoiceId) credited.set(c.creditedInvoiceId, (credited.get(c.creditedInvoiceId) ?? 0) + c.totalCents);
  let invoicedCents = 0, paidCents = 0, creditedCents = 0, dueCents = 0;
  for (const i of live) {
    if (i.kind !== "invoice") continue;
    const credit = credited.get(i.id) ?? 0;
    invoicedCents += i.totalCents;
    paidCents += i.paidCents;
    creditedCents += credit;
    dueCents += amountDue(i.totalCents, i.paidCents, credit);
  }
  return { invoicedCents, paidCents, creditedCents, dueCents };
}
