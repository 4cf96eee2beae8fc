import { DAY_MS } from "../zoned-time";

/**
 * The longest a single booking may last. Longer lockouts are a recurring series. The bound keeps
 * overlap queries on an index range: a booking overlapping [a, b) starts after a minus this.
 */
export const MAX_BOOKING_DAYS = 31;
/** Setup and teardown are at most a day each (the room schema's bound on minutes). */
export const MAX_BUFFER_MS = DAY_MS;
/** The longest span a booking can occupy, buffers included: the look-back of every overlap query. */
export const MAX_OCCUPANCY_MS = MAX_BOOKING_DAYS * DAY_MS + 2 * MAX_BUFFER_MS;
/** Default expiry of a hold, in hours (studio setting). */
export const DEFAULT_HOLD_HOURS = 48;
/** The most occurrences one recurring series may create. */
export const MAX_SERIES_OCCURRENCES = 366;
