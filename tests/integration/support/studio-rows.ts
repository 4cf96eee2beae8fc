import type pg from "pg";
import { encodeHlc } from "../../../shared/hlc";
import { uuidv7 } from "../../../shared/ids";
import { defaultWeeklyHours } from "../../../shared/schemas/opening-hours";

/** Minimal synced rows written straight to Postgres (as the sync engine will), for RLS and constraint tests. */
export const hlc = (ms = Date.now()): string => encodeHlc({ wallMs: ms, counter: 0, node: "test" });

export async function insertLocation(tx: pg.ClientBase, tenantId: string, name = "Paris"): Promise<string> {
  const id = uuidv7();
  await tx.query(
    "INSERT INTO locations (tenant_id, id, created_at, updated_at, name, time_zone, opening_hours) VALUES ($1, $2, now(), $3, $4, 'Europe/Paris', $5)",
    [tenantId, id, hlc(), name, JSON.stringify(defaultWeeklyHours())],
  );
  return id;
}

export async function insertRoom(tx: pg.ClientBase, tenantId: string, locationId: string, setupMinutes = 0, teardownMinutes = 0): Promise<string> {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO rooms (tenant_id, id, created_at, updated_at, location_id, name, type, hourly_rate_cents, half_day_rate_cents, day_rate_cents,
                        vat_rate_bp, capacity, colour, bookable, setup_minutes, teardown_minutes)
     VALUES ($1, $2, now(), $3, $4, 'Studio A', 'recording', 5000, 18000, 32000, 2000, 6, '#aa3300', true, $5, $6)`,
    [tenantId, id, hlc(), locationId, setupMinutes, teardownMinutes],
  );
  return id;
}

export async function insertStaff(tx: pg.ClientBase, tenantId: string, name = "Engineer"): Promise<string> {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO staff (tenant_id, id, created_at, updated_at, name, role, hourly_rate_cents, day_rate_cents, colour)
     VALUES ($1, $2, now(), $3, $4, 'engineer', 4000, 30000, '#0033aa')`,
    [tenantId, id, hlc(), name],
  );
  return id;
}

export async function insertClient(tx: pg.ClientBase, tenantId: string, name: string): Promise<string> {
  const id = uuidv7();
  await tx.query("INSERT INTO clients (tenant_id, id, created_at, updated_at, kind, name) VALUES ($1, $2, now(), $3, 'person', $4)", [tenantId, id, hlc(), name]);
  return id;
}

export interface BookingSpec {
  locationId: string;
  roomIds: string[];
  staffIds?: string[];
  /** Session, and occupancy widened by the rooms' buffers (as the desktop computes it). */
  startsAt: string;
  endsAt: string;
  occupiedFrom?: string;
  occupiedUntil?: string;
  status?: string;
}

export async function insertBooking(tx: pg.ClientBase, tenantId: string, b: BookingSpec): Promise<string> {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO bookings (tenant_id, id, created_at, updated_at, location_id, room_ids, staff_ids, type, status,
                           starts_at, ends_at, occupied_from, occupied_until, currency, net_cents, vat_cents, total_cents, deposit_bp, deposit_cents)
     VALUES ($1, $2, now(), $3, $4, $5, $6, 'hourly', $7, $8, $9, $10, $11, 'EUR', 10000, 2000, 12000, 3000, 3600)`,
    [
      tenantId,
      id,
      hlc(),
      b.locationId,
      JSON.stringify(b.roomIds),
      JSON.stringify(b.staffIds ?? []),
      b.status ?? "confirmed",
      b.startsAt,
      b.endsAt,
      b.occupiedFrom ?? b.startsAt,
      b.occupiedUntil ?? b.endsAt,
    ],
  );
  return id;
}
