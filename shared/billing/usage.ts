/** What a studio uses of its plan's limits, as the server counts it (and the desktop mirrors it). */
export interface PlanUsage {
  /** Locations and rooms neither archived nor deleted: archiving one frees its place. */
  locations: number;
  rooms: number;
  /** Members of the studio (people who log in), not the engineers of the staff list. */
  users: number;
  /** Bookings created since the start of the current calendar month (UTC), deletions excepted. */
  bookingsThisMonth: number;
}

/** The first instant of nowMs's calendar month in UTC, where the monthly booking count restarts. */
export function monthStartUtc(nowMs: number): number {
  const d = new Date(nowMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}
