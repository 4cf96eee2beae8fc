import { EDITABLE_STATUSES, type BookingStatus } from "../../../shared/booking/booking-status";

/** Statuses the calendar draws only when asked to show cancelled bookings too. */
export const HIDDEN_STATUSES: readonly BookingStatus[] = ["cancelled", "no_show"];

export const isEditable = (status: BookingStatus): boolean => EDITABLE_STATUSES.includes(status);

/** Badge tone of each status in lists and the drawer. */
export const STATUS_TONE: Record<BookingStatus, "hold" | "ok" | "live" | "done" | "off" | "danger"> = {
  hold: "hold",
  confirmed: "ok",
  checked_in: "live",
  completed: "done",
  cancelled: "off",
  no_show: "off",
  conflict: "danger",
};
