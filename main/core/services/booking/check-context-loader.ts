import { MAX_OCCUPANCY_MS } from "../../../../shared/booking/booking-limits";
import type { BookingStatus } from "../../../../shared/booking/booking-status";
import type {
  CandidateBooking, CheckContext, ClientInfo, EquipmentInfo, EquipmentLine, ExistingBooking, Interval, LocationInfo, MaintenanceWindow, RoomInfo,
  StaffInfo, TimeOff,
} from "../../../../shared/booking/booking-types";
import { occupancyOf } from "../../../../shared/booking/rules/occupancy";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { AppError } from "../../errors";

/**
 * Loads what the pure rules need for one candidate, with one indexed range per resource: the
 * bookings holding each of its rooms, staff and gear around its occupancy, their time off and
 * maintenance, the client's balance. Everything else (status, expiry, exact overlap) the rules decide.
 */
export class CheckContextLoader {
  constructor(private readonly db: Db) {}

  location(id: string): LocationInfo {
    const row = prepareCached(this.db, "SELECT id, name, time_zone, opening_hours, closures FROM locations WHERE id = ? AND deleted_at IS NULL").get(id) as
      | { id: string; name: string; time_zone: string; opening_hours: string; closures: string }
      | undefined;
    if (!row) throw new AppError("NOT_FOUND", `Location ${id} does not exist`, { locationId: ["v.invalid"] });
    return { id: row.id, name: row.name, timeZone: row.time_zone, openingHours: JSON.parse(row.opening_hours), closures: JSON.parse(row.closures) };
  }

  rooms(ids: readonly string[]): RoomInfo[] {
    const stmt = prepareCached(
      this.db,
      `SELECT id, name, location_id, archived_at, bookable, setup_minutes, teardown_minutes, min_duration_minutes, max_duration_minutes,
              min_notice_minutes, max_horizon_days, hourly_rate_cents, half_day_rate_cents, day_rate_cents, vat_rate_bp
       FROM rooms WHERE id = ? AND deleted_at IS NULL`,
    );
    return ids.flatMap((id) => {
      const r = stmt.get(id) as Record<string, unknown> | undefined;
      if (!r) return [];
      return [{
        id: r.id as string, name: r.name as string, locationId: r.location_id as string, active: r.archived_at === null, bookable: r.bookable === 1,
        setupMinutes: r.setup_minutes as number, teardownMinutes: r.teardown_minutes as number,
        minDurationMinutes: r.min_duration_minutes as number, maxDurationMinutes: r.max_duration_minutes as number,
        minNoticeMinutes: r.min_notice_minutes as number, maxHorizonDays: r.max_horizon_days as number,
        hourlyRateCents: r.hourly_rate_cents as number, halfDayRateCents: r.half_day_rate_cents as number,
        dayRateCents: r.day_rate_cents as number, vatRateBp: r.vat_rate_bp as number,
      }];
    });
  }

  staff(ids: readonly string[]): StaffInfo[] {
    const stmt = prepareCached(this.db, "SELECT id, name, archived_at, hourly_rate_cents, day_rate_cents FROM staff WHERE id = ? AND deleted_at IS NULL");
    return ids.flatMap((id) => {
      const r = stmt.get(id) as { id: string; name: string; archived_at: string | null; hourly_rate_cents: number; day_rate_cents: number } | undefined;
      return r ? [{ id: r.id, name: r.name, active: r.archived_at === null, hourlyRateCents: r.hourly_rate_cents, dayRateCents: r.day_rate_cents }] : [];
    });
  }

  equipment(lines: readonly EquipmentLine[]): EquipmentInfo[] {
    const stmt = prepareCached(this.db, "SELECT id, name, location_id, archived_at, quantity, daily_rate_cents FROM equipment WHERE id = ? AND deleted_at IS NULL");
    return lines.flatMap(({ equipmentId }) => {
      const r = stmt.get(equipmentId) as
        | { id: string; name: string; location_id: string; archived_at: string | null; quantity: number; daily_rate_cents: number }
        | undefined;
      return r ? [{ id: r.id, name: r.name, locationId: r.location_id, active: r.archived_at === null, quantity: r.quantity, dailyRateCents: r.daily_rate_cents }] : [];
    });
  }

  client(id: string | null): (ClientInfo & { defaultDepositBp: number | null }) | null {
    if (id === null) return null;
    const r = prepareCached(this.db, "SELECT id, name, archived_at, default_deposit_bp FROM clients WHERE id = ? AND deleted_at IS NULL").get(id) as
      | { id: string; name: string; archived_at: string | null; default_deposit_bp: number | null }
      | undefined;
    if (!r) return null;
    // Only the bookings with something left to pay are read (a partial index holds just those).
    const unpaid = prepareCached(this.db, "SELECT coalesce(sum(unpaid_cents), 0) FROM bookings WHERE client_id = ? AND unpaid_cents > 0 AND deleted_at IS NULL")
      .pluck()
      .get(id) as number;
    return { id: r.id, name: r.name, active: r.archived_at === null, unpaidCents: unpaid, defaultDepositBp: r.default_deposit_bp };
  }

  /** Ids of bookings holding any of the candidate's resources at some point of `occupied`. */
  private holders(c: CandidateBooking, occupied: Interval, nowMs: number): Set<string> {
    const ids = new Set<string>();
    const lookBack = occupied.startMs - MAX_OCCUPANCY_MS;
    const query = (table: string, column: string) =>
      prepareCached(
        this.db,
        `SELECT booking_id FROM ${table} WHERE ${column} = ? AND occupied_from >= ? AND occupied_from < ? AND occupied_until > ? AND blocks_until > ?`,
      ).pluck();
    const scan = (table: string, column: string, keys: readonly string[]) => {
      const stmt = query(table, column);
      for (const key of keys) for (const id of stmt.all(key, lookBack, occupied.endMs, occupied.startMs, nowMs) as string[]) ids.add(id);
    };
    scan("booking_rooms", "room_id", c.roomIds);
    scan("booking_staff", "staff_id", c.staffIds);
    scan("booking_equipment", "equipment_id", c.equipment.map((l) => l.equipmentId));
    return ids;
  }

  existing(ids: Iterable<string>): ExistingBooking[] {
    const stmt = prepareCached(
      this.db,
      `SELECT b.id, b.status, b.hold_expires_at, b.starts_at, b.ends_at, b.occupied_from, b.occupied_until, b.room_ids, b.staff_ids, b.equipment,
              coalesce(c.name, b.title, b.project_name, '') AS label
       FROM bookings b LEFT JOIN clients c ON c.id = b.client_id WHERE b.id = ? AND b.deleted_at IS NULL`,
    );
    const out: ExistingBooking[] = [];
    for (const id of ids) {
      const r = stmt.get(id) as Record<string, unknown> | undefined;
      if (!r) continue;
      out.push({
        id: r.id as string, label: r.label as string, status: r.status as BookingStatus, holdExpiresMs: r.hold_expires_at as number | null,
        startMs: r.starts_at as number, endMs: r.ends_at as number, occupiedFromMs: r.occupied_from as number, occupiedUntilMs: r.occupied_until as number,
        roomIds: JSON.parse(r.room_ids as string), staffIds: JSON.parse(r.staff_ids as string), equipment: JSON.parse(r.equipment as string),
      });
    }
    return out;
  }

  private timeOff(staffIds: readonly string[], occupied: Interval): TimeOff[] {
    const stmt = prepareCached(
      this.db,
      "SELECT id, staff_id, starts_at, ends_at, reason FROM staff_time_off WHERE staff_id = ? AND starts_at < ? AND ends_at > ? AND deleted_at IS NULL",
    );
    return staffIds.flatMap((id) =>
      (stmt.all(id, occupied.endMs, occupied.startMs) as { id: string; staff_id: string; starts_at: number; ends_at: number; reason: string | null }[]).map(
        (r) => ({ id: r.id, staffId: r.staff_id, startMs: r.starts_at, endMs: r.ends_at, reason: r.reason }),
      ),
    );
  }

  private maintenance(lines: readonly EquipmentLine[], occupied: Interval): MaintenanceWindow[] {
    const stmt = prepareCached(
      this.db,
      `SELECT id, equipment_id, starts_at, ends_at, quantity, reason FROM equipment_maintenance
       WHERE equipment_id = ? AND starts_at < ? AND ends_at > ? AND deleted_at IS NULL`,
    );
    return lines.flatMap(({ equipmentId }) =>
      (stmt.all(equipmentId, occupied.endMs, occupied.startMs) as {
        id: string; equipment_id: string; starts_at: number; ends_at: number; quantity: number | null; reason: string | null;
      }[]).map((r) => ({ id: r.id, equipmentId: r.equipment_id, startMs: r.starts_at, endMs: r.ends_at, quantity: r.quantity, reason: r.reason })),
    );
  }

  /** The whole context for `c`; `extra` adds bookings not yet stored (earlier occurrences of a new series). */
  load(
    c: CandidateBooking,
    options: { nowMs: number; overridePast: boolean; unpaidLimitCents: number | null; extra?: ExistingBooking[] },
  ): CheckContext & { clientDepositBp: number | null } {
    const rooms = this.rooms(c.roomIds);
    const occupied = occupancyOf(c, rooms);
    const client = this.client(c.clientId);
    return {
      nowMs: options.nowMs,
      overridePast: options.overridePast,
      location: this.location(c.locationId),
      rooms,
      staff: this.staff(c.staffIds),
      equipment: this.equipment(c.equipment),
      existing: [...this.existing(this.holders(c, occupied, options.nowMs)), ...(options.extra ?? [])],
      timeOff: this.timeOff(c.staffIds, occupied),
      maintenance: this.maintenance(c.equipment, occupied),
      client,
      unpaidLimitCents: options.unpaidLimitCents,
      clientDepositBp: client?.defaultDepositBp ?? null,
    };
  }
}
