import type { BookingStatus, BookingType } from "../booking/booking-status";

/** A booking as the reports read it: times as instants, money as stored on the row (integer cents). */
export interface ReportBooking {
  id: string;
  locationId: string;
  roomIds: string[];
  staffIds: string[];
  clientId: string | null;
  type: BookingType;
  status: BookingStatus;
  startMs: number;
  endMs: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
  /** The cancellation or no-show fee kept (0 when none was set). */
  feeCents: number;
}

/**
 * Sessions that happen or happened: revenue and booked time. A hold is not sold yet, and a
 * conflict is a booking the server refused; neither counts until confirmed.
 */
export const SESSION_STATUSES: ReadonlySet<BookingStatus> = new Set(["confirmed", "checked_in", "completed"]);

export const isSession = (b: Pick<ReportBooking, "status">): boolean => SESSION_STATUSES.has(b.status);
