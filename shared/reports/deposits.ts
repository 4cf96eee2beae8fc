export interface DepositBooking {
  id: string;
  locationId: string;
  clientId: string | null;
  status: "hold" | "confirmed";
  startMs: number;
  depositCents: number;
  paidCents: number;
}

export interface DepositRow extends DepositBooking {
  /** Paid towards it so far, up to the deposit. */
  heldCents: number;
  /** Deposit still to collect. */
  dueCents: number;
}

export interface DepositSummary {
  bookings: number;
  depositCents: number;
  /** Everything paid ahead of sessions that have not happened: money the studio holds. */
  paidCents: number;
  heldCents: number;
  dueCents: number;
  /** Bookings whose deposit is not fully paid. */
  short: number;
}

/** Deposits of upcoming sessions (holds and confirmed ones): due against paid, in start order. */
export function depositReport(bookings: readonly DepositBooking[]): { totals: DepositSummary; rows: DepositRow[] } {
  const totals: DepositSummary = { bookings: 0, depositCents: 0, paidCents: 0, heldCents: 0, dueCents: 0, short: 0 };
  const rows = [...bookings]
    .sort((a, b) => a.startMs - b.startMs)
    .map((b) => ({ ...b, heldCents: Math.min(b.paidCents, b.depositCents), dueCents: Math.max(0, b.depositCents - b.paidCents) }));
  for (const r of rows) {
    totals.bookings++;
    totals.depositCents += r.depositCents;
    totals.paidCents += r.paidCents;
    totals.heldCents += r.heldCents;
    totals.dueCents += r.dueCents;
    if (r.dueCents > 0) totals.short++;
  }
  return { totals, rows };
}
