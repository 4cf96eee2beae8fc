/**
 * Lifecycles of the studio's documents, as transition tables (like shared/booking/booking-status.ts):
 * anything not listed is refused with INVALID_TRANSITION.
 *
 * An invoice's "overdue" is never stored: it is read from the due date (effectiveInvoiceStatus), so
 * no desk has to write a clock-driven change and two desks never fight over one.
 */
export const INVOICE_STATUSES = ["draft", "issued", "partly_paid", "paid", "overdue", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type StoredInvoiceStatus = Exclude<InvoiceStatus, "overdue">;

export const QUOTE_STATUSES = ["draft", "sent", "accepted", "rejected", "expired"] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const CONTRACT_STATUSES = ["draft", "sent", "signed", "countersigned", "void"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

type Transition<S> = { from: S; to: S; by: "user" | "payment" };

/** Payments move an invoice between issued, partly paid and paid; people issue and void. */
export const INVOICE_TRANSITIONS: readonly Transition<StoredInvoiceStatus>[] = [
  { from: "draft", to: "issued", by: "user" },
  { from: "issued", to: "void", by: "user" },
  { from: "issued", to: "partly_paid", by: "payment" },
  { from: "issued", to: "paid", by: "payment" },
  { from: "partly_paid", to: "paid", by: "payment" },
  // A partly paid invoice is voided through a credit note, never directly: its payments stay booked.
];

export const QUOTE_TRANSITIONS: readonly Transition<QuoteStatus>[] = [
  { from: "draft", to: "sent", by: "user" },
  { from: "draft", to: "accepted", by: "user" },
  { from: "sent", to: "accepted", by: "user" },
  { from: "sent", to: "rejected", by: "user" },
  { from: "sent", to: "expired", by: "user" },
  { from: "draft", to: "rejected", by: "user" },
];

export const CONTRACT_TRANSITIONS: readonly Transition<ContractStatus>[] = [
  { from: "draft", to: "sent", by: "user" },
  { from: "draft", to: "signed", by: "user" },
  { from: "sent", to: "signed", by: "user" },
  { from: "signed", to: "countersigned", by: "user" },
  { from: "draft", to: "void", by: "user" },
  { from: "sent", to: "void", by: "user" },
  { from: "signed", to: "void", by: "user" },
  { from: "countersigned", to: "void", by: "user" },
];

export function canMove<S>(table: readonly Transition<S>[], from: S, to: S, by: "user" | "payment" = "user"): boolean {
  return table.some((t) => t.from === from && t.to === to && t.by === by);
}

export function nextOf<S>(table: readonly Transition<S>[], from: S, by: "user" | "payment" = "user"): S[] {
  return table.filter((t) => t.from === from && t.by === by).map((t) => t.to);
}

/** Where paying `paidCents` of `totalCents` leaves an issued invoice. */
export function statusAfterPayments(status: StoredInvoiceStatus, totalCents: number, paidCents: number): StoredInvoiceStatus {
  if (status === "draft" || status === "void") return status;
  if (paidCents >= totalCents) return "paid";
  return paidCents > 0 ? "partly_paid" : "issued";
}

/** What a screen shows: an unpaid invoice past its due date (in the studio's calendar) is overdue. */
export function effectiveInvoiceStatus(status: StoredInvoiceStatus, dueOn: string | null, today: string): InvoiceStatus {
  if ((status === "issued" || status === "partly_paid") && dueOn !== null && dueOn < today) return "overdue";
  return status;
}

export const QUOTE_VALIDITY_DAYS = 30;

/** A sent quote past its validity date reads as expired until someone accepts or rejects it. */
export function effectiveQuoteStatus(status: QuoteStatus, validUntil: string, today: string): QuoteStatus {
  return (status === "sent" || status === "draft") && validUntil < today ? "expired" : status;
}

/** Statuses in which a document's content is frozen. */
export const FROZEN_CONTRACT: readonly ContractStatus[] = ["signed", "countersigned", "void"];
