/** Lifecycle of a booking. Holds block their rooms until they expire or are confirmed. */
export const BOOKING_STATUSES = ["hold", "confirmed", "checked_in", "completed", "cancelled", "no_show", "conflict"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_TYPES = ["hourly", "half_day", "day", "lockout", "dry_hire"] as const;
export type BookingType = (typeof BOOKING_TYPES)[number];

/**
 * Every allowed status change, and who makes it: people (the drawer's actions), or the sync engine
 * when the server refuses a booking made offline (it is kept as "conflict", never dropped).
 * Anything not listed is refused.
 */
export const STATUS_TRANSITIONS: readonly { from: BookingStatus; to: BookingStatus; by: "user" | "sync" }[] = [
  { from: "hold", to: "confirmed", by: "user" },
  { from: "hold", to: "cancelled", by: "user" },
  { from: "hold", to: "conflict", by: "sync" },
  { from: "confirmed", to: "checked_in", by: "user" },
  { from: "confirmed", to: "cancelled", by: "user" },
  { from: "confirmed", to: "no_show", by: "user" },
  { from: "confirmed", to: "conflict", by: "sync" },
  { from: "checked_in", to: "completed", by: "user" },
  { from: "checked_in", to: "conflict", by: "sync" },
  // Resolving a conflict: confirm it again once moved (re-checked), or cancel it.
  { from: "conflict", to: "confirmed", by: "user" },
  { from: "conflict", to: "cancelled", by: "user" },
];

export function canTransition(from: BookingStatus, to: BookingStatus, by: "user" | "sync" = "user"): boolean {
  return STATUS_TRANSITIONS.some((t) => t.from === from && t.to === to && t.by === by);
}

export function nextStatuses(from: BookingStatus, by: "user" | "sync" = "user"): BookingStatus[] {
  return STATUS_TRANSITIONS.filter((t) => t.from === from && t.by === by).map((t) => t.to);
}

/** Statuses whose time, rooms, staff and gear may still change (a checked-in session may run over). */
export const EDITABLE_STATUSES: readonly BookingStatus[] = ["hold", "confirmed", "checked_in", "conflict"];

/** A value beyond any instant: the "until" of a booking that blocks for good. */
export const BLOCKS_FOREVER = 8_640_000_000_000_000;

/**
 * Until when a booking keeps its rooms, staff and gear: for good once confirmed (a past session
 * still occupied its room), until expiry for a hold, never once cancelled, no-show or in conflict
 * (the server refused it: it must not block the bookings that won).
 */
export function blocksUntil(status: BookingStatus, holdExpiresMs: number | null): number {
  switch (status) {
    case "confirmed":
    case "checked_in":
    case "completed":
      return BLOCKS_FOREVER;
    case "hold":
      return holdExpiresMs ?? BLOCKS_FOREVER;
    default:
      return 0;
  }
}

export function isBlocking(status: BookingStatus, holdExpiresMs: number | null, nowMs: number): boolean {
  return blocksUntil(status, holdExpiresMs) > nowMs;
}
