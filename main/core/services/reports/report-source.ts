import type { BookingStatus, BookingType } from "../../../../shared/booking/booking-status";
import type { PriceLine } from "../../../../shared/booking/pricing";
import type { DepositBooking } from "../../../../shared/reports/deposits";
import type { EngineerLine } from "../../../../shared/reports/engineer-hours";
import { SESSION_STATUSES, type ReportBooking } from "../../../../shared/reports/report-booking";
import type { RoomSpan } from "../../../../shared/reports/utilisation";
import type { Closure, WeeklyHours } from "../../../../shared/schemas/opening-hours";
import { MINUTE_MS } from "../../../../shared/zoned-time";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";

export interface ReportLocation {
  id: string;
  name: string;
  timeZone: string;
  openingHours: WeeklyHours;
  closures: Closure[];
}

export interface ReportRoom {
  id: string;
  name: string;
  locationId: string;
  /** Bookable and not archived: counted in utilisation even when nothing was booked. */
  active: boolean;
}

/** Column order of the range query below, read as arrays: a month of a busy studio is thousands of rows. */
type BookingTuple = [
  id: string, roomIds: string, staffIds: string, clientId: string | null, type: BookingType, status: BookingStatus,
  startsAt: number, endsAt: number, net: number, vat: number, total: number, fee: number | null, priceLines?: string,
];

const COLUMNS = "id, room_ids, staff_ids, client_id, type, status, starts_at, ends_at, net_cents, vat_cents, total_cents, cancellation_fee_cents";

/**
 * Bookings of one location overlapping [startMs, endMs). The range on starts_at reaches back by the
 * longest booking the location's rooms allow, so the (location_id, starts_at, ends_at) index
 * bounds the scan and ends_at is filtered inside the index before any row is read.
 */
const RANGE = `b.location_id = ? AND b.starts_at >= ? AND b.starts_at < ? AND b.ends_at > ? AND b.deleted_at IS NULL`;

/** The local reads behind the reports: one indexed range per location, names looked up once. */
export class ReportSource {
  constructor(private readonly db: Db) {}

  locations(): ReportLocation[] {
    const rows = prepareCached(this.db, "SELECT id, name, time_zone, opening_hours, closures FROM locations WHERE deleted_at IS NULL ORDER BY name").all() as {
      id: string; name: string; time_zone: string; opening_hours: string; closures: string;
    }[];
    return rows.map((r) => ({ id: r.id, name: r.name, timeZone: r.time_zone, openingHours: JSON.parse(r.opening_hours), closures: JSON.parse(r.closures) }));
  }

  rooms(): ReportRoom[] {
    const rows = prepareCached(this.db, "SELECT id, name, location_id, bookable, archived_at FROM rooms WHERE deleted_at IS NULL ORDER BY name").all() as {
      id: string; name: string; location_id: string; bookable: number; archived_at: string | null;
    }[];
    return rows.map((r) => ({ id: r.id, name: r.name, locationId: r.location_id, active: r.bookable === 1 && r.archived_at === null }));
  }

  staffNames(): Map<string, string> {
    return new Map((prepareCached(this.db, "SELECT id, name FROM staff WHERE deleted_at IS NULL").all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  }

  clientNames(ids: Iterable<string | null>): Map<string, string> {
    const list = [...new Set([...ids].filter((id): id is string => id !== null))];
    if (list.length === 0) return new Map();
    const rows = prepareCached(this.db, "SELECT id, name FROM clients WHERE id IN (SELECT value FROM json_each(?))").all(JSON.stringify(list)) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Payments made against each invoice, with the day received (the aging report reads them as of a date). */
  invoicePayments(): Map<string, { amountCents: number; receivedOn: string }[]> {
    const rows = prepareCached(this.db, "SELECT invoice_id, amount_cents, received_on FROM payments WHERE invoice_id IS NOT NULL AND deleted_at IS NULL").all() as {
      invoice_id: string; amount_cents: number; received_on: string;
    }[];
    const out = new Map<string, { amountCents: number; receivedOn: string }[]>();
    for (const r of rows) {
      const list = out.get(r.invoice_id) ?? [];
      list.push({ amountCents: r.amount_cents, receivedOn: r.received_on });
      out.set(r.invoice_id, list);
    }
    return out;
  }

  currency(): string {
    return (prepareCached(this.db, "SELECT currency FROM studio LIMIT 1").pluck().get() as string | undefined) ?? "EUR";
  }

  /** How far before a period a booking overlapping it may start: the longest booking its rooms allow. */
  private lookbackMs(locationId: string): number {
    const minutes = prepareCached(this.db, "SELECT max(max_duration_minutes) FROM rooms WHERE location_id = ?").pluck().get(locationId) as number | null;
    return (minutes ?? 24 * 60) * MINUTE_MS;
  }

  /** Bookings of `locationId` overlapping [startMs, endMs), every status; with the engineers' price lines when asked. */
  bookings(locationId: string, startMs: number, endMs: number, withLines = false): { bookings: ReportBooking[]; lines: EngineerLine[] } {
    const sql = `SELECT ${COLUMNS}${withLines ? ", price_lines" : ""} FROM bookings b WHERE ${RANGE}`;
    const rows = prepareCached(this.db, sql).raw(true).all(locationId, startMs - this.lookbackMs(locationId), endMs, startMs) as BookingTuple[];
    const lines: EngineerLine[] = [];
    // Rooms and engineers repeat from row to row: each distinct list is parsed once.
    const lists = new Map<string, string[]>();
    const list = (json: string) => {
      let parsed = lists.get(json);
      if (!parsed) lists.set(json, (parsed = JSON.parse(json) as string[]));
      return parsed;
    };
    const bookings = rows.map(([id, roomIds, staffJson, clientId, type, status, startsAt, endsAt, net, vat, total, fee, priceLines]): ReportBooking => {
      const staffIds = list(staffJson);
      if (priceLines && staffIds.length > 0) {
        for (const l of JSON.parse(priceLines) as PriceLine[]) if (l.kind === "staff") lines.push({ bookingId: id, staffId: l.refId, netCents: l.netCents });
      }
      return { id, locationId, roomIds: list(roomIds), staffIds, clientId, type, status, startMs: startsAt, endMs: endsAt, netCents: net, vatCents: vat, totalCents: total, feeCents: fee ?? 0 };
    });
    return { bookings, lines };
  }

  /** Where each room of `locationId` was held by a session overlapping [startMs, endMs). */
  roomSpans(locationId: string, startMs: number, endMs: number): RoomSpan[] {
    const rows = prepareCached(
      this.db,
      `SELECT j.value, b.starts_at, b.ends_at FROM bookings b JOIN json_each(b.room_ids) j WHERE ${RANGE}
         AND b.status IN (${[...SESSION_STATUSES].map((st) => `'${st}'`).join(", ")})`,
    ).raw(true).all(locationId, startMs - this.lookbackMs(locationId), endMs, startMs) as [string, number, number][];
    return rows.map(([roomId, s, e]) => ({ roomId, startMs: s, endMs: e }));
  }

  /** Holds still holding and confirmed bookings of `locationId` that start at or after `nowMs`. */
  upcomingDeposits(locationId: string, nowMs: number): DepositBooking[] {
    const rows = prepareCached(
      this.db,
      `SELECT id, location_id, client_id, status, starts_at, deposit_cents, paid_cents FROM bookings
       WHERE location_id = ? AND starts_at >= ? AND deleted_at IS NULL
         AND (status = 'confirmed' OR (status = 'hold' AND (hold_expires_at IS NULL OR hold_expires_at > ?)))`,
    ).all(locationId, nowMs, nowMs) as { id: string; location_id: string; client_id: string | null; status: "hold" | "confirmed"; starts_at: number; deposit_cents: number; paid_cents: number }[];
    return rows.map((r) => ({ id: r.id, locationId: r.location_id, clientId: r.client_id, status: r.status, startMs: r.starts_at, depositCents: r.deposit_cents, paidCents: r.paid_cents }));
  }
}
