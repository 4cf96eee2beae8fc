import { HOUR_MS } from "../zoned-time";
import { dayOf, type HourGrid } from "./hour-grid";
import { isSession, type ReportBooking } from "./report-booking";

/** The engineer's own price line on a booking: what their time was billed (net). */
export interface EngineerLine {
  bookingId: string;
  staffId: string;
  netCents: number;
}

export interface EngineerRow {
  key: string;
  sessions: number;
  hours: number;
  /** Hours of sessions where the engineer's time was charged to the client. */
  billableHours: number;
  /** Of those, sessions now completed. */
  completedHours: number;
  /** billableHours ÷ hours; null without hours. */
  billableShare: number | null;
  billedNetCents: number;
}

/**
 * Each engineer's hours on sessions starting in the period, and how much of it was billable: a
 * session is billable for an engineer when the booking's price carries their line at a price
 * above zero (an in-house engineer at no charge, or a dry hire, is time but not billable time).
 */
export function engineerHours(sites: readonly { grid: HourGrid; bookings: readonly ReportBooking[] }[], lines: readonly EngineerLine[]): EngineerRow[] {
  const billed = new Map<string, number>();
  for (const l of lines) billed.set(`${l.bookingId} ${l.staffId}`, (billed.get(`${l.bookingId} ${l.staffId}`) ?? 0) + l.netCents);
  const rows = new Map<string, EngineerRow>();
  for (const { grid, bookings } of sites) {
    for (const b of bookings) {
      if (!isSession(b) || b.staffIds.length === 0 || dayOf(grid, b.startMs) < 0) continue;
      const hours = (b.endMs - b.startMs) / HOUR_MS;
      for (const staffId of b.staffIds) {
        let row = rows.get(staffId);
        if (!row) rows.set(staffId, (row = { key: staffId, sessions: 0, hours: 0, billableHours: 0, completedHours: 0, billableShare: null, billedNetCents: 0 }));
        row.sessions++;
        row.hours += hours;
        if (b.status === "completed") row.completedHours += hours;
        const net = billed.get(`${b.id} ${staffId}`) ?? 0;
        if (net > 0) {
          row.billableHours += hours;
          row.billedNetCents += net;
        }
      }
    }
  }
  return [...rows.values()].map((r) => ({ ...r, billableShare: r.hours > 0 ? r.billableHours / r.hours : null }));
}
