import type { Migration } from "../migration";

/**
 * Every synced table carries tenant_id, an HLC updated_at, per-field HLCs (field_hlc, JSON) for
 * per-field last-writer-wins, a tombstone deleted_at and the server's version (null until synced).
 */
const SYNC_COLUMNS = `
  tenant_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  field_hlc TEXT NOT NULL DEFAULT '{}',
  archived_at TEXT,
  deleted_at TEXT,
  version INTEGER`;

export const initialSchema: Migration = {
  version: 1,
  name: "initial schema",
  up(db) {
    db.exec(`
      CREATE TABLE device (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        node_id TEXT NOT NULL,
        last_hlc TEXT NOT NULL
      );
      CREATE TABLE device_prefs (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE studio (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        currency TEXT NOT NULL DEFAULT 'EUR',
        default_deposit_bp INTEGER NOT NULL DEFAULT 3000,
        default_vat_bp INTEGER NOT NULL DEFAULT 2000,
        ${SYNC_COLUMNS}
      );

      CREATE TABLE locations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        address TEXT,
        phone TEXT,
        email TEXT,
        opening_hours TEXT NOT NULL,
        closures TEXT NOT NULL DEFAULT '[]',
        ${SYNC_COLUMNS}
      );
      CREATE INDEX locations_tenant ON locations (tenant_id, name);

      CREATE TABLE rooms (
        id TEXT PRIMARY KEY,
        location_id TEXT NOT NULL REFERENCES locations (id),
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        hourly_rate_cents INTEGER NOT NULL,
        half_day_rate_cents INTEGER NOT NULL,
        day_rate_cents INTEGER NOT NULL,
        vat_rate_bp INTEGER NOT NULL,
        capacity INTEGER NOT NULL,
        colour TEXT NOT NULL,
        bookable INTEGER NOT NULL CHECK (bookable IN (0, 1)),
        setup_minutes INTEGER NOT NULL DEFAULT 0,
        teardown_minutes INTEGER NOT NULL DEFAULT 0,
        notes TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX rooms_location ON rooms (tenant_id, location_id, name);

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        location_id TEXT REFERENCES locations (id),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        email TEXT,
        phone TEXT,
        hourly_rate_cents INTEGER NOT NULL,
        day_rate_cents INTEGER NOT NULL,
        colour TEXT NOT NULL,
        notes TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX staff_tenant ON staff (tenant_id, name);

      CREATE TABLE equipment (
        id TEXT PRIMARY KEY,
        location_id TEXT NOT NULL REFERENCES locations (id),
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        serial_number TEXT,
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        daily_rate_cents INTEGER NOT NULL,
        last_maintenance TEXT,
        next_maintenance TEXT,
        notes TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX equipment_location ON equipment (tenant_id, location_id, name);

      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'company')),
        name TEXT NOT NULL,
        contact_name TEXT,
        email TEXT,
        phone TEXT,
        address TEXT,
        vat_number TEXT,
        notes TEXT,
        default_deposit_bp INTEGER,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX clients_tenant ON clients (tenant_id, name);

      -- Local changes waiting to be pushed (ARCHITECTURE.md, sync protocol step 1).
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        mutation_id TEXT NOT NULL UNIQUE,
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        changes TEXT NOT NULL,
        hlc TEXT NOT NULL,
        base_version INTEGER,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending'
      );
      CREATE INDEX outbox_pending ON outbox (status, seq);
    `);
  },
  down(db) {
    db.exec(`
      DROP TABLE outbox; DROP TABLE clients; DROP TABLE equipment; DROP TABLE staff;
      DROP TABLE rooms; DROP TABLE locations; DROP TABLE studio; DROP TABLE device_prefs; DROP TABLE device;
    `);
  },
};
