/**
 * Where money taken for a booking goes, and what a booking has been paid: the payments table is the
 * one record of money received; bookings.paid_cents is only a cache of what these functions derive.
 */

/** An invoice of the booking as the allocation sees it. */
export interface OpenInvoice {
  id: string;
  kind: "invoice" | "credit_note";
  purpose: "standard" | "deposit" | "balance";
  /** The effective status (issued, partly_paid, overdue, paid, draft, void). */
  status: string;
  /** What is left to pay on it (total less payments and credit notes). */
  dueCents: number;
  issuedOn: string | null;
}

export interface Allocation {
  /** null: an unallocated payment on the booking (no invoice to take it yet). */
  invoiceId: string | null;
  amountCents: number;
}

const PAYABLE = new Set(["issued", "partly_paid", "overdue"]);

/**
 * A payment received for a booking: it settles the booking's issued invoices that still have an
 * amount due, the deposit invoice first, then the others oldest first, each up to its due; what is
 * left (or all of it, when nothing is invoiced yet) stays an unallocated payment on the booking, which
 * the next invoice issued for the booking takes. Several rows only when the money spans invoices.
 */
export function allocateBookingPayment(amountCents: number, invoices: readonly OpenInvoice[]): Allocation[] {
  const open = invoices
    .filter((i) => i.kind === "invoice" && PAYABLE.has(i.status) && i.dueCents > 0)
    .sort((a, b) => Number(b.purpose === "deposit") - Number(a.purpose === "deposit") || (a.issuedOn ?? "").localeCompare(b.issuedOn ?? "") || a.id.localeCompare(b.id));
  const out: Allocation[] = [];
  let left = amountCents;
  for (const inv of open) {
    if (left <= 0) break;
    const take = Math.min(left, inv.dueCents);
    out.push({ invoiceId: inv.id, amountCents: take });
    left -= take;
  }
  if (left > 0) out.push({ invoiceId: null, amountCents: left });
  return out;
}

/** An unallocated payment waiting for an invoice. */
export interface WaitingPayment {
  id: string;
  amountCents: number;
}

/**
 * When an invoice for a booking is issued, the booking's unallocated payments go onto it, oldest
 * first, each whole while it fits in what the invoice asks (a payment is never split after the fact:
 * one that does not fit stays on the booking for the next invoice).
 */
export function paymentsForNewInvoice(dueCents: number, waiting: readonly WaitingPayment[]): string[] {
  const ids: string[] = [];
  let left = dueCents;
  for (const p of waiting) {
    if (p.amountCents <= left) {
      ids.push(p.id);
      left -= p.amountCents;
    }
  }
  return ids;
}

/** A booking's own total and the payments that name it. */
export interface BookingMoney {
  id: string;
  totalCents: number;
  /** Payments whose booking_id is this booking. */
  directCents: number;
}

/** Payments on an invoice billing several bookings, naming none of them. */
export interface SharedPayment {
  bookingIds: readonly string[];
  amountCents: number;
}

/**
 * What each booking has been paid: the payments naming it, plus its share of the payments made on
 * invoices that bill several bookings, spread over those bookings in their order, each up to what it
 * still owes; the last booking takes any excess (money is never dropped from the sum).
 */
export function bookingPaid(bookings: readonly BookingMoney[], shared: readonly SharedPayment[]): Map<string, number> {
  const paid = new Map(bookings.map((b) => [b.id, b.directCents]));
  const total = new Map(bookings.map((b) => [b.id, b.totalCents]));
  for (const s of shared) {
    const ids = s.bookingIds.filter((id) => paid.has(id));
    let left = s.amountCents;
    ids.forEach((id, i) => {
      const room = i === ids.length - 1 ? left : Math.max(0, Math.min(left, total.get(id)! - paid.get(id)!));
      paid.set(id, paid.get(id)! + room);
      left -= room;
    });
  }
  return paid;
}
