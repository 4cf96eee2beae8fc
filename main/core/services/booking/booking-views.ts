import { isBlocking, nextStatuses, type BookingStatus, type BookingType } from "../../../../shared/booking/booking-status";
import { discountOfLines, type PriceLine } from "../../../../shared/booking/pricing";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { valuesOf, type BookingRow } from "./booking-record";

export interface NamedRef {
  id: string;
  name: string;
  colour: string;
}

/** A booking as the calendar and the lists draw it: names and colours resolved, instants as ISO UTC. */
export interface CalendarBooking {
  id: string;
  locationId: string;
  locationName: string;
  rooms: NamedRef[];
  staff: NamedRef[];
  clientId: string | null;
  clientName: string | null;
  title: string | null;
  projectName: string | null;
  /** What the block shows: the client, else the title or project. */
  label: string;
  /** The first room's colour, for the block. */
  colour: string;
  type: BookingType;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  occupiedFrom: string;
  occupiedUntil: string;
  holdExpiresAt: string | null;
  /** A hold past its expiry: shown, no longer blocking. */
  holdExpired: boolean;
  seriesId: string | null;
  seriesSeq: number | null;
  totalCents: number;
  currency: string;
}

/** Everything the booking drawer shows. */
export interface BookingDetail extends CalendarBooking {
  timeZone: string;
  equipment: { equipmentId: string; name: string; quantity: number }[];
  notes: string | null;
  price: { currency: string; discountBp: number; discountCents: number; netCents: number; vatCents: number; totalCents: number; depositBp: number; depositCents: number; lines: PriceLine[] };
  paidCents: number;
  overridePast: boolean;
  cancelledAt: string | null;
  cancelReason: string | null;
  cancellationFeeCents: number | null;
  /** The status actions the drawer offers (confirm, check in, complete, cancel, no-show). */
  nextStatuses: BookingStatus[];
  createdAt: string;
  updatedAt: string;
  version: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Names and colours of rooms, staff, gear and locations, read once per query (a studio has dozens). */
export class NameBook {
  readonly rooms = new Map<string, NamedRef>();
  readonly staff = new Map<string, NamedRef>();
  readonly equipment = new Map<string, string>();
  readonly locations = new Map<string, { name: string; timeZone: string }>();

  constructor(db: Db) {
    for (const r of prepareCached(db, "SELECT id, name, colour FROM rooms").all() as NamedRef[]) this.rooms.set(r.id, r);
    for (const s of prepareCached(db, "SELECT id, name, colour FROM staff").all() as NamedRef[]) this.staff.set(s.id, s);
    for (const e of prepareCached(db, "SELECT id, name FROM equipment").all() as { id: string; name: string }[]) this.equipment.set(e.id, e.name);
    for (const l of prepareCached(db, "SELECT id, name, time_zone FROM locations").all() as { id: string; name: string; time_zone: string }[]) {
      this.locations.set(l.id, { name: l.name, timeZone: l.time_zone });
    }
  }

  room(id: string): NamedRef {
    return this.rooms.get(id) ?? { id, name: "?", colour: "#64748b" };
  }

  person(id: string): NamedRef {
    return this.staff.get(id) ?? { id, name: "?", colour: "#64748b" };
  }
}

/** The row plus its client's name (joined by the query). */
export type ViewRow = BookingRow & { client_name: string | null };

/**
 * Calendar form of a row, read straight from its columns: the week view maps hundreds of these,
 * so it skips the price lines and notes that only the drawer needs.
 */
export function toCalendarBooking(row: ViewRow, names: NameBook, nowMs: number): CalendarBooking {
  const roomIds = JSON.parse(row.room_ids as string) as string[];
  const staffIds = JSON.parse(row.staff_ids as string) as string[];
  const rooms = roomIds.map((id) => names.room(id));
  const status = row.status as BookingStatus;
  const holdExpiresAt = row.hold_expires_at as number | null;
  const title = row.title as string | null;
  const projectName = row.project_name as string | null;
  return {
    id: row.id,
    locationId: row.location_id as string,
    locationName: names.locations.get(row.location_id as string)?.name ?? "?",
    rooms,
    staff: staffIds.map((id) => names.person(id)),
    clientId: row.client_id as string | null,
    clientName: row.client_name,
    title,
    projectName,
    label: row.client_name ?? title ?? projectName ?? "",
    colour: rooms[0]?.colour ?? "#64748b",
    type: row.type as BookingType,
    status,
    startsAt: iso(row.starts_at as number),
    endsAt: iso(row.ends_at as number),
    occupiedFrom: iso(row.occupied_from as number),
    occupiedUntil: iso(row.occupied_until as number),
    holdExpiresAt: holdExpiresAt === null ? null : iso(holdExpiresAt),
    holdExpired: status === "hold" && !isBlocking(status, holdExpiresAt, nowMs),
    seriesId: row.series_id as string | null,
    seriesSeq: row.series_seq as number | null,
    totalCents: row.total_cents as number,
    currency: row.currency as string,
  };
}

export function toBookingDetail(row: ViewRow, names: NameBook, nowMs: number): BookingDetail {
  const v = valuesOf(row);
  return {
    ...toCalendarBooking(row, names, nowMs),
    timeZone: names.locations.get(v.locationId)?.timeZone ?? "UTC",
    equipment: v.equipment.map((l) => ({ equipmentId: l.equipmentId, name: names.equipment.get(l.equipmentId) ?? "?", quantity: l.quantity })),
    notes: v.notes,
    price: {
      currency: v.currency, discountBp: v.discountBp, discountCents: discountOfLines(v.priceLines), netCents: v.netCents, vatCents: v.vatCents, totalCents: v.totalCents,
      depositBp: v.depositBp, depositCents: v.depositCents, lines: v.priceLines,
    },
    paidCents: v.paidCents,
    overridePast: v.overridePast,
    cancelledAt: v.cancelledAt,
    cancelReason: v.cancelReason,
    cancellationFeeCents: v.cancellationFeeCents,
    nextStatuses: nextStatuses(v.status),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export const VIEW_SELECT = "SELECT b.*, c.name AS client_name FROM bookings b LEFT JOIN clients c ON c.id = b.client_id";

export function readDetail(db: Db, id: string, nowMs: number): BookingDetail | null {
  const row = prepareCached(db, `${VIEW_SELECT} WHERE b.id = ? AND b.deleted_at IS NULL`).get(id) as ViewRow | undefined;
  return row ? toBookingDetail(row, new NameBook(db), nowMs) : null;
}
