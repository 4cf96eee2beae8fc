import type { BookingFailure } from "../../../shared/booking/booking-types";
import type { CalendarBooking } from "../services/booking/booking-views";
import type { RejectedChange } from "../sync/outbox-service";
import type { StudioCore } from "../studio-core";

export interface ConflictItem {
  booking: CalendarBooking;
  /** What is in the way now (the booking that won the room or engineer), from the same checks as the calendar. */
  failures: BookingFailure[];
}

export interface SyncInbox {
  conflicts: ConflictItem[];
  rejected: RejectedChange[];
}

/** Everything sync could not settle alone: offline bookings that collided, and changes the server refused. */
export function syncInbox(core: StudioCore): SyncInbox {
  const { rows } = core.bookings.list({ statuses: ["conflict"], sort: "startsAt", direction: "asc", limit: 500 });
  return {
    conflicts: rows.map((booking) => ({ booking, failures: core.bookings.whatIsInTheWay(booking.id) })),
    rejected: core.outbox.rejected(),
  };
}
