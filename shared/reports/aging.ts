import { amountDue } from "../documents/billing";
import { daysBetween } from "../zoned-time";

/** Unpaid invoices by how long they are overdue, as accountants read a receivables list. */
export const AGING_BUCKETS = ["0_30", "31_60", "61_90", "90_plus"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/**
 * The bucket of an invoice on `asOf` (local dates): days past its due date, or past its issue date
 * when it has none. Not yet due counts as 0–30, the bucket a receivables list starts with.
 */
export function agingBucket(asOf: string, issuedOn: string, dueOn: string | null): AgingBucket {
  const days = daysBetween(dueOn ?? issuedOn, asOf);
  if (days <= 30) return "0_30";
  if (days <= 60) return "31_60";
  if (days <= 90) return "61_90";
  return "90_plus";
}

export interface UnpaidInvoice {
  id: string;
  issuedOn: string;
  dueOn: string | null;
  /** Still to pay (total minus payments and credit notes). */
  outstandingCents: number;
}

export interface AgingSummary {
  buckets: Record<AgingBucket, { invoices: number; outstandingCents: number }>;
  invoices: number;
  outstandingCents: number;
}

/** Outstanding amounts per bucket; settled invoices (nothing outstanding) are left out. */
export function agingSummary(asOf: string, invoices: readonly UnpaidInvoice[]): AgingSummary {
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, { invoices: 0, outstandingCents: 0 }])) as AgingSummary["buckets"];
  let count = 0;
  let outstanding = 0;
  for (const inv of invoices) {
    if (inv.outstandingCents <= 0) continue;
    const bucket = buckets[agingBucket(asOf, inv.issuedOn, inv.dueOn)];
    bucket.invoices++;
    bucket.outstandingCents += inv.outstandingCents;
    count++;
    outstanding += inv.outstandingCents;
  }
  return { buckets, invoices: count, outstandingCents: outstanding };
}

/** An issued invoice with the dated money against it, to read what was due on a past date. */
export interface InvoiceHistory {
  issuedOn: string;
  totalCents: number;
  /** Voided on this local date (null: not voided). */
  voidedOn: string | null;
  payments: readonly { amountCents: number; receivedOn: string }[];
  /** Issued credit notes against it (their totals are negative). */
  credits: readonly { totalCents: number; issuedOn: string }[];
}

/**
 * What was still due on the invoice at the end of `asOf` (a local date): its total less the
 * payments received and the credit notes issued on or before that day; later ones did not exist
 * yet. Null when the invoice was not issued yet, or already voided, on that day.
 */
export function outstandingOn(asOf: string, inv: InvoiceHistory): number | null {
  if (inv.issuedOn > asOf || (inv.voidedOn !== null && inv.voidedOn <= asOf)) return null;
  const paid = inv.payments.reduce((s, p) => (p.receivedOn <= asOf ? s + p.amountCents : s), 0);
  const credited = inv.credits.reduce((s, c) => (c.issuedOn <= asOf ? s + c.totalCents : s), 0);
  return amountDue(inv.totalCents, paid, credited);
}
