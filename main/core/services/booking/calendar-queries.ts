import { MAX_OCCUPANCY_MS } from "../../../../shared/booking/booking-limits";
import type { ListBookingsInput } from "../../../../shared/booking/booking-queries";
import type { BookingStatus } from "../../../../shared/booking/booking-status";
import { closureOn, openIntervals } from "../../../../shared/booking/open-intervals";
import type { Closure, WeeklyHours } from "../../../../shared/schemas/opening-hours";
import { normalizeForSearch } from "../../../../shared/text";
import { addDays, localDaysRange } from "../../../../shared/zoned-time";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { VIEW_SELECT, NameBook, toCalendarBooking, type CalendarBooking, type ViewRow } from "./booking-views";

export interface CalendarDay {
  date: string;
  /** Opening spans of the day as ISO instants, for shading closed hours. */
  open: { startsAt: string; endsAt: string }[];
  /** The closure's reason when the whole day is closed. */
  closure: string | null;
}

export interface CalendarLocation {
  id: string;
  name: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  days: CalendarDay[];
  rooms: { id: string; name: string; colour: string; type: string; bookable: boolean; setupMinutes: number; teardownMinutes: number }[];
}

export interface CalendarView {
  locations: CalendarLocation[];
  bookings: CalendarBooking[];
}

interface LocationRow {
  id: string;
  name: string;
  time_zone: string;
  opening_hours: string;
  closures: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The read side of bookings: day and week views, the filtered list, an engineer's schedule. */
export class CalendarQueries {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** Active locations for the calendar; the list also reaches bookings of archived ones. */
  private locations(locationId?: string, includeArchived = false): LocationRow[] {
    const sql = `SELECT id, name, time_zone, opening_hours, closures FROM locations
                 WHERE deleted_at IS NULL ${includeArchived ? "" : "AND archived_at IS NULL"} ${locationId ? "AND id = ?" : ""} ORDER BY fold(name)`;
    return prepareCached(this.db, sql).all(...(locationId ? [locationId] : [])) as LocationRow[];
  }

  /**
   * Bookings of one location overlapping [startMs, endMs): an index range on (location_id,
   * starts_at) from the longest booking before the start, then ends_at within the same index.
   */
  private bookingsIn(locationId: string, startMs: number, endMs: number, includeCancelled: boolean): ViewRow[] {
    const sql = `${VIEW_SELECT}
      WHERE b.location_id = ? AND b.starts_at >= ? AND b.starts_at < ? AND b.ends_at > ? AND b.deleted_at IS NULL
      ${includeCancelled ? "" : "AND b.status NOT IN ('cancelled', 'no_show')"} ORDER BY b.starts_at, b.id`;
    return prepareCached(this.db, sql).all(locationId, startMs - MAX_OCCUPANCY_MS, endMs, startMs) as ViewRow[];
  }

  /** Day or week view: each location's own local days, its rooms as columns, and its bookings. */
  view(input: { date: string; days?: number; locationId?: string; includeCancelled?: boolean }): CalendarView {
    const days = input.days ?? 7;
    const names = new NameBook(this.db);
    const nowMs = this.now();
    const rooms = prepareCached(
      this.db,
      `SELECT id, location_id, name, colour, type, bookable, setup_minutes, teardown_minutes FROM rooms
       WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY fold(name)`,
    ).all() as { id: string; location_id: string; name: string; colour: string; type: string; bookable: number; setup_minutes: number; teardown_minutes: number }[];
    const out: CalendarView = { locations: [], bookings: [] };
    for (const loc of this.locations(input.locationId)) {
      const { startMs, endMs } = localDaysRange(loc.time_zone, input.date, days);
      const hours = JSON.parse(loc.opening_hours) as WeeklyHours;
      const closures = JSON.parse(loc.closures) as Closure[];
      out.locations.push({
        id: loc.id,
        name: loc.name,
        timeZone: loc.time_zone,
        startsAt: iso(startMs),
        endsAt: iso(endMs),
        days: Array.from({ length: days }, (_, i) => {
          const date = addDays(input.date, i);
          const closure = closureOn(closures, date);
          return {
            date,
            open: openIntervals(loc.time_zone, hours, closures, date, date).map((s) => ({ startsAt: iso(s.startMs), endsAt: iso(s.endMs) })),
            closure: closure ? (closure.reason ?? "") : null,
          };
        }),
        rooms: rooms
          .filter((r) => r.location_id === loc.id)
          .map((r) => ({
            id: r.id, name: r.name, colour: r.colour, type: r.type, bookable: r.bookable === 1, setupMinutes: r.setup_minutes, teardownMinutes: r.teardown_minutes,
          })),
      });
      for (const row of this.bookingsIn(loc.id, startMs, endMs, input.includeCancelled ?? false)) out.bookings.push(toCalendarBooking(row, names, nowMs));
    }
    return out;
  }

  /** The bookings list: filters, accent-insensitive search on title, project, notes and client, sort, paging. */
  list(input: ListBookingsInput): { rows: CalendarBooking[]; total: number } {
    const where = ["b.deleted_at IS NULL"];
    const params: (string | number)[] = [];
    if (input.locationId) {
      where.push("b.location_id = ?");
      params.push(input.locationId);
    }
    if (input.from || input.to) {
      // Dates are each location's own calendar days: one range per location.
      const ranges = this.locations(input.locationId, true).map((loc) => {
        const from = input.from ? localDaysRange(loc.time_zone, input.from, 1).startMs : Number.MIN_SAFE_INTEGER;
        const to = input.to ? localDaysRange(loc.time_zone, input.to, 1).endMs : Number.MAX_SAFE_INTEGER;
        // The same look-back as the week view keeps each location's range on its index.
        params.push(loc.id, input.from ? from - MAX_OCCUPANCY_MS : Number.MIN_SAFE_INTEGER, to, from);
        return "(b.location_id = ? AND b.starts_at >= ? AND b.starts_at < ? AND b.ends_at > ?)";
      });
      where.push(ranges.length > 0 ? `(${ranges.join(" OR ")})` : "0");
    }
    if (input.clientId) {
      where.push("b.client_id = ?");
      params.push(input.clientId);
    }
    if (input.statuses && input.statuses.length > 0) {
      where.push(`b.status IN (${input.statuses.map(() => "?").join(", ")})`);
      params.push(...input.statuses);
    }
    if (input.roomId) {
      where.push("b.id IN (SELECT booking_id FROM booking_rooms WHERE room_id = ?)");
      params.push(input.roomId);
    }
    if (input.staffId) {
      where.push("b.id IN (SELECT booking_id FROM booking_staff WHERE staff_id = ?)");
      params.push(input.staffId);
    }
    for (const term of normalizeForSearch(input.search ?? "").split(" ").filter(Boolean)) {
      const like = `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push("(b.search_text LIKE ? ESCAPE '\\' OR c.search_text LIKE ? ESCAPE '\\')");
      params.push(like, like);
    }
    const direction = input.direction === "desc" ? "DESC" : "ASC";
    const order = {
      startsAt: `b.starts_at ${direction}`,
      createdAt: `b.created_at ${direction}`,
      // Bookings without a client last, whichever the direction.
      client: `c.name IS NULL, fold(c.name) ${direction}`,
      status: `b.status ${direction}`,
      total: `b.total_cents ${direction}`,
    }[input.sort ?? "startsAt"];
    const whereSql = where.join(" AND ");
    const total = prepareCached(this.db, `SELECT count(*) FROM bookings b LEFT JOIN clients c ON c.id = b.client_id WHERE ${whereSql}`)
      .pluck()
      .get(...params) as number;
    const rows = prepareCached(
      this.db,
      `${VIEW_SELECT} WHERE ${whereSql} ORDER BY ${order}, b.starts_at, b.id LIMIT ? OFFSET ?`,
    ).all(...params, input.limit ?? 100, input.offset ?? 0) as ViewRow[];
    const names = new NameBook(this.db);
    const nowMs = this.now();
    return { rows: rows.map((r) => toCalendarBooking(r, names, nowMs)), total };
  }

  /**
   * An engineer's bookings over [from, from + days) on the clock of their location (else the
   * studio's first location), through the engineer's index rows; cancelled and refused ones left out
   * unless asked for.
   */
  staffBookings(staffId: string, from: string, days: number, statuses?: readonly BookingStatus[]): CalendarBooking[] {
    const tz = this.staffTimeZone(staffId);
    const { startMs, endMs } = localDaysRange(tz, from, days);
    const wanted = statuses ?? ["hold", "confirmed", "checked_in", "completed"];
    // From the engineer's index rows (a key range), then each booking by id.
    const rows = prepareCached(
      this.db,
      `SELECT b.*, c.name AS client_name FROM booking_staff s CROSS JOIN bookings b ON b.id = s.booking_id LEFT JOIN clients c ON c.id = b.client_id
       WHERE s.staff_id = ? AND s.occupied_from >= ? AND s.occupied_from < ? AND s.occupied_until > ?
       AND b.ends_at > ? AND b.starts_at < ? AND b.deleted_at IS NULL ORDER BY b.starts_at, b.id`,
    ).all(staffId, startMs - MAX_OCCUPANCY_MS, endMs, startMs, startMs, endMs) as ViewRow[];
    const names = new NameBook(this.db);
    const nowMs = this.now();
    return rows.filter((r) => wanted.includes(r.status as BookingStatus)).map((r) => toCalendarBooking(r, names, nowMs));
  }

  staffTimeZone(staffId: string): string {
    const tz = prepareCached(
      this.db,
      `SELECT coalesce(
         (SELECT l.time_zone FROM staff s JOIN locations l ON l.id = s.location_id WHERE s.id = ?),
         (SELECT time_zone FROM locations WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1),
         'UTC')`,
    )
      .pluck()
      .get(staffId) as string;
    return tz;
  }
}
