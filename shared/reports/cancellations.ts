import { HOUR_MS } from "../zoned-time";
import { dayOf, type HourGrid } from "./hour-grid";
import { isSession, type ReportBooking } from "./report-booking";

export interface CancellationRow {
  bookingId: string;
  locationId: string;
  clientId: string | null;
  status: "cancelled" | "no_show";
  startMs: number;
  hours: number;
  /** What the session would have brought. */
  totalCents: number;
  feeCents: number;
}

export interface CancellationSummary {
  /** Sessions, cancellations and no-shows starting in the period (holds and conflicts aside). */
  bookings: number;
  cancelled: number;
  noShows: number;
  /** (cancelled + no-shows) ÷ bookings; null when there were none. */
  rate: number | null;
  lostHours: number;
  /** Gross of the sessions that did not happen. */
  lostCents: number;
  cancellationFeesCents: number;
  noShowFeesCents: number;
  feesKeptCents: number;
}

export interface CancellationReport {
  totals: CancellationSummary;
  rows: CancellationRow[];
}

/**
 * Cancellations and no-shows of sessions starting in the period, with the fee kept on each. A
 * cancelled hold never was a sale (its fee is always 0), so it is not counted: only bookings that
 * were confirmed once carry a fee field set by the cancellation quote.
 */
export function cancellationReport(sites: readonly { grid: HourGrid; bookings: readonly ReportBooking[] }[]): CancellationReport {
  const totals: CancellationSummary = {
    bookings: 0, cancelled: 0, noShows: 0, rate: null, lostHours: 0, lostCents: 0, cancellationFeesCents: 0, noShowFeesCents: 0, feesKeptCents: 0,
  };
  const rows: CancellationRow[] = [];
  for (const { grid, bookings } of sites) {
    for (const b of bookings) {
      if (dayOf(grid, b.startMs) < 0) continue;
      if (isSession(b)) totals.bookings++;
      if (b.status !== "cancelled" && b.status !== "no_show") continue;
      totals.bookings++;
      const hours = (b.endMs - b.startMs) / HOUR_MS;
      if (b.status === "cancelled") {
        totals.cancelled++;
        totals.cancellationFeesCents += b.feeCents;
      } else {
        totals.noShows++;
        totals.noShowFeesCents += b.feeCents;
      }
      totals.lostHours += hours;
      totals.lostCents += b.totalCents;
      rows.push({ bookingId: b.id, locationId: b.locationId, clientId: b.clientId, status: b.status, startMs: b.startMs, hours, totalCents: b.totalCents, feeCents: b.feeCents });
    }
  }
  totals.feesKeptCents = totals.cancellationFeesCents + totals.noShowFeesCents;
  totals.rate = totals.bookings > 0 ? (totals.cancelled + totals.noShows) / totals.bookings : null;
  rows.sort((a, b) => a.startMs - b.startMs);
  return { totals, rows };
}
