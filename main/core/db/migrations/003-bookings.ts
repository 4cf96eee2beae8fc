import type { Migration } from "../migration";

/** The sync columns every synced table carries (as in 001; repeated so this migration never changes). */
const SYNC_COLUMNS = `
  tenant_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  field_hlc TEXT NOT NULL DEFAULT '{}',
  archived_at TEXT,
  deleted_at TEXT,
  version INTEGER`;

/** The default cancellation policy as it stood when this migration shipped (literal on purpose). */
const DEFAULT_POLICY_JSON =
  '{"tiers":[{"minHoursBefore":168,"charge":"deposit","percentBp":0},{"minHoursBefore":72,"charge":"deposit","percentBp":5000},' +
  '{"minHoursBefore":24,"charge":"deposit","percentBp":10000},{"minHoursBefore":0,"charge":"session","percentBp":10000}],"noShowPercentBp":10000}';

const ROOM_COLUMNS: [string, string][] = [
  ["min_duration_minutes", "INTEGER NOT NULL DEFAULT 60"],
  ["max_duration_minutes", "INTEGER NOT NULL DEFAULT 20160"],
  ["min_notice_minutes", "INTEGER NOT NULL DEFAULT 0"],
  ["max_horizon_days", "INTEGER NOT NULL DEFAULT 730"],
];

const STUDIO_COLUMNS: [string, string][] = [
  ["hold_expiry_hours", "INTEGER NOT NULL DEFAULT 48"],
  ["cancellation_policy", `TEXT NOT NULL DEFAULT '${DEFAULT_POLICY_JSON}'`],
  ["unpaid_balance_limit_cents", "INTEGER"],
];

/**
 * A local index of which booking holds which resource, and when. It is derived on this device from
 * the booking row (never synced, like search_text) so that it can carry what makes the overlap
 * query one index range: the buffered occupancy and `blocks_until` (a hold's expiry, 0 once
 * cancelled, "forever" once confirmed). The synced truth is the booking row's JSON arrays: one
 * mutation per booking change, one last-writer-wins field per list, and the server derives its own
 * rows for Postgres' exclusion constraint.
 */
function resourceIndex(table: string, column: string, extra = ""): string {
  return `
    CREATE TABLE ${table} (
      ${column} TEXT NOT NULL,
      occupied_from INTEGER NOT NULL,
      booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
      occupied_until INTEGER NOT NULL,
      blocks_until INTEGER NOT NULL,${extra}
      PRIMARY KEY (${column}, occupied_from, booking_id)
    ) WITHOUT ROWID;
    CREATE INDEX ${table}_booking ON ${table} (booking_id);`;
}

export const bookingsSchema: Migration = {
  version: 3,
  name: "bookings",
  up(db) {
    for (const [name, type] of ROOM_COLUMNS) db.exec(`ALTER TABLE rooms ADD COLUMN ${name} ${type}`);
    for (const [name, type] of STUDIO_COLUMNS) db.exec(`ALTER TABLE studio ADD COLUMN ${name} ${type}`);
    db.exec(`
      CREATE TABLE booking_series (
        id TEXT PRIMARY KEY,
        location_id TEXT NOT NULL REFERENCES locations (id),
        rrule TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        -- DTSTART on the location's wall clock, and each occurrence's exact length.
        first_date TEXT NOT NULL,
        start_minute INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        ${SYNC_COLUMNS}
      );

      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        location_id TEXT NOT NULL REFERENCES locations (id),
        room_ids TEXT NOT NULL,
        staff_ids TEXT NOT NULL DEFAULT '[]',
        equipment TEXT NOT NULL DEFAULT '[]',
        client_id TEXT REFERENCES clients (id),
        title TEXT,
        project_name TEXT,
        notes TEXT,
        type TEXT NOT NULL CHECK (type IN ('hourly', 'half_day', 'day', 'lockout', 'dry_hire')),
        status TEXT NOT NULL CHECK (status IN ('hold', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show', 'conflict')),
        -- Instants as epoch ms (UTC): integer ranges are what the overlap and week queries compare.
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
        -- The session widened by its rooms' setup and teardown when it was booked.
        occupied_from INTEGER NOT NULL,
        occupied_until INTEGER NOT NULL,
        hold_expires_at INTEGER,
        override_past INTEGER NOT NULL DEFAULT 0 CHECK (override_past IN (0, 1)),
        series_id TEXT REFERENCES booking_series (id),
        series_seq INTEGER,
        -- The price as quoted, kept as it was even if rate cards change later.
        currency TEXT NOT NULL,
        net_cents INTEGER NOT NULL,
        vat_cents INTEGER NOT NULL,
        total_cents INTEGER NOT NULL,
        deposit_bp INTEGER NOT NULL,
        deposit_cents INTEGER NOT NULL,
        price_lines TEXT NOT NULL DEFAULT '[]',
        paid_cents INTEGER NOT NULL DEFAULT 0,
        cancelled_at TEXT,
        cancel_reason TEXT,
        cancellation_fee_cents INTEGER,
        -- Derived on this device, never synced: search, and what the client still owes for it.
        search_text TEXT NOT NULL DEFAULT '',
        unpaid_cents INTEGER NOT NULL DEFAULT 0,
        ${SYNC_COLUMNS}
      );
      -- "Bookings of location L in week W": starts within [week start - longest booking, week end).
      CREATE INDEX bookings_location_time ON bookings (location_id, starts_at, ends_at);
      CREATE INDEX bookings_time ON bookings (starts_at);
      CREATE INDEX bookings_client ON bookings (client_id, starts_at);
      -- Lists by status (holds to follow up, the conflicts inbox), in date order.
      CREATE INDEX bookings_status ON bookings (status, starts_at);
      CREATE INDEX bookings_series ON bookings (series_id, series_seq) WHERE series_id IS NOT NULL;
      -- A client's unpaid balance sums only the few rows with something left to pay.
      CREATE INDEX bookings_unpaid ON bookings (client_id, unpaid_cents) WHERE unpaid_cents > 0;

      -- "Active bookings of room R overlapping [a, b)": room_id = R, occupied_from in
      -- [a - longest occupancy, b), then occupied_until > a and blocks_until > now, all in the key.
      ${resourceIndex("booking_rooms", "room_id")}
      ${resourceIndex("booking_staff", "staff_id")}
      ${resourceIndex("booking_equipment", "equipment_id", "\n      quantity INTEGER NOT NULL,")}

      CREATE TABLE staff_time_off (
        id TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff (id),
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
        reason TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX staff_time_off_staff ON staff_time_off (staff_id, starts_at);

      CREATE TABLE equipment_maintenance (
        id TEXT PRIMARY KEY,
        equipment_id TEXT NOT NULL REFERENCES equipment (id),
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
        -- Units out of service; null: all of them.
        quantity INTEGER CHECK (quantity IS NULL OR quantity >= 1),
        reason TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX equipment_maintenance_equipment ON equipment_maintenance (equipment_id, starts_at);
    `);
  },
  down(db) {
    db.exec(`
      DROP TABLE equipment_maintenance; DROP TABLE staff_time_off;
      DROP TABLE booking_equipment; DROP TABLE booking_staff; DROP TABLE booking_rooms;
      DROP TABLE bookings; DROP TABLE booking_series;
    `);
    for (const [name] of STUDIO_COLUMNS) db.exec(`ALTER TABLE studio DROP COLUMN ${name}`);
    for (const [name] of ROOM_COLUMNS) db.exec(`ALTER TABLE rooms DROP COLUMN ${name}`);
  },
};
