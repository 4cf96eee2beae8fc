/**
 * Error codes the core and server attach to every refusal. The UI translates the code;
 * the message is for logs and developers.
 */
export const APP_ERROR_CODES = [
  "VALIDATION_FAILED",
  "NOT_FOUND",
  "ALREADY_INITIALIZED",
  "NOT_INITIALIZED",
  "DUPLICATE_NAME",
  "LOCATION_ARCHIVED",
  "IN_USE",
  "CLOCK_SKEW",
  "INTERNAL",
  // Bookings: a rule refused the booking (details.failures name each one, with the other booking).
  "BOOKING_REFUSED",
  // A status change the transition table does not allow, or an edit of a closed booking.
  "INVALID_TRANSITION",
  // The cancellation fee changed between the quote the person saw and the confirmation.
  "QUOTE_CHANGED",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && (APP_ERROR_CODES as readonly string[]).includes(value);
}

/** Field path ("openingHours.mon.0.close") → list of message keys, as the error formatter sends it. */
export type FieldErrors = Record<string, string[]>;

/**
 * What a booking check can report, one code per way a booking fails (or is warned about). The UI
 * translates `booking.rule.<CODE>` with the failure's params (room, times, other booking's name).
 */
export const BOOKING_RULE_CODES = [
  "END_BEFORE_START",
  "TOO_LONG",
  "IN_PAST",
  "PAST_OVERRIDDEN",
  "LOCATION_CLOSED",
  "OUTSIDE_HOURS",
  "ROOM_UNAVAILABLE",
  "ROOM_TOO_SHORT",
  "ROOM_TOO_LONG",
  "NOTICE_TOO_SHORT",
  "BEYOND_HORIZON",
  "ROOM_BOOKED",
  "STAFF_UNAVAILABLE",
  "STAFF_BOOKED",
  "STAFF_TIME_OFF",
  "GEAR_UNAVAILABLE",
  "GEAR_MAINTENANCE",
  "GEAR_SHORTAGE",
  "CLIENT_UNAVAILABLE",
  "CLIENT_OVER_LIMIT",
] as const;
export type BookingRuleCode = (typeof BOOKING_RULE_CODES)[number];

export const bookingRuleMessageKey = <C extends BookingRuleCode>(code: C): `booking.rule.${C}` => `booking.rule.${code}`;
