import type { PgMigration } from "./migration";

/**
 * Columns every synced row carries (ARCHITECTURE.md, Data), as on the desktop: updated_at is the
 * HLC of its latest change, field_hlc the HLC of each field, version the tenant's counter when the
 * server last wrote it (what pull cursors compare).
 */
export const SYNC_COLUMNS = `
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at text NOT NULL CHECK (updated_at ~ '^\\d{15}:[0-9a-z]{5,}:[^:]+$'),
  field_hlc jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(field_hlc) = 'object'),
  archived_at timestamptz,
  deleted_at timestamptz,
  version bigint NOT NULL,
  PRIMARY KEY (tenant_id, id)`;

export const SYNCED_TABLES = ["locations", "rooms", "staff", "equipment", "clients", "bookings"] as const;

/** A synced table's version stamp and its (tenant_id, version) index, what pull cursors read. */
export const versioned = (table: string) => `
  CREATE TRIGGER ${table}_version BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION rsm_stamp_version();
  CREATE UNIQUE INDEX ${table}_tenant_version ON ${table} (tenant_id, version);`;

/** The synced studio tables, mirroring the desktop's (main/core/db/migrations 001 and 003). */
export const studioData: PgMigration = {
  version: 3,
  name: "studio data",
  up: `
    -- One counter per tenant. Taking the next value locks the tenant's row until commit, so versions
    -- commit in order: a pull cursor ("everything after version v") never skips a late commit.
    CREATE TABLE tenant_versions (
      tenant_id uuid PRIMARY KEY,
      version bigint NOT NULL
    );

    CREATE FUNCTION rsm_stamp_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO tenant_versions AS v (tenant_id, version) VALUES (NEW.tenant_id, 1)
        ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1
        RETURNING v.version INTO NEW.version;
      RETURN NEW;
    END $$;

    CREATE TABLE locations (
      ${SYNC_COLUMNS},
      name text NOT NULL,
      time_zone text NOT NULL,
      address text,
      phone text,
      email text,
      opening_hours jsonb NOT NULL,
      closures jsonb NOT NULL DEFAULT '[]'
    );
    CREATE INDEX locations_name ON locations (tenant_id, name);

    CREATE TABLE rooms (
      ${SYNC_COLUMNS},
      location_id uuid NOT NULL,
      name text NOT NULL,
      type text NOT NULL,
      hourly_rate_cents bigint NOT NULL CHECK (hourly_rate_cents >= 0),
      half_day_rate_cents bigint NOT NULL CHECK (half_day_rate_cents >= 0),
      day_rate_cents bigint NOT NULL CHECK (day_rate_cents >= 0),
      vat_rate_bp integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
      capacity integer NOT NULL,
      colour text NOT NULL,
      bookable boolean NOT NULL,
      setup_minutes integer NOT NULL DEFAULT 0 CHECK (setup_minutes >= 0),
      teardown_minutes integer NOT NULL DEFAULT 0 CHECK (teardown_minutes >= 0),
      min_duration_minutes integer NOT NULL DEFAULT 60,
      max_duration_minutes integer NOT NULL DEFAULT 20160,
      min_notice_minutes integer NOT NULL DEFAULT 0,
      max_horizon_days integer NOT NULL DEFAULT 730,
      notes text,
      FOREIGN KEY (tenant_id, location_id) REFERENCES locations
    );
    CREATE INDEX rooms_location ON rooms (tenant_id, location_id, name);

    CREATE TABLE staff (
      ${SYNC_COLUMNS},
      location_id uuid,
      name text NOT NULL,
      role text NOT NULL,
      email text,
      phone text,
      hourly_rate_cents bigint NOT NULL CHECK (hourly_rate_cents >= 0),
      day_rate_cents bigint NOT NULL CHECK (day_rate_cents >= 0),
      colour text NOT NULL,
      notes text,
      FOREIGN KEY (tenant_id, location_id) REFERENCES locations
    );
    CREATE INDEX staff_name ON staff (tenant_id, name);

    CREATE TABLE equipment (
      ${SYNC_COLUMNS},
      location_id uuid NOT NULL,
      name text NOT NULL,
      category text NOT NULL,
      serial_number text,
      quantity integer NOT NULL CHECK (quantity >= 1),
      daily_rate_cents bigint NOT NULL CHECK (daily_rate_cents >= 0),
      last_maintenance date,
      next_maintenance date,
      notes text,
      FOREIGN KEY (tenant_id, location_id) REFERENCES locations
    );
    CREATE INDEX equipment_location ON equipment (tenant_id, location_id, name);

    CREATE TABLE clients (
      ${SYNC_COLUMNS},
      kind text NOT NULL CHECK (kind IN ('person', 'company')),
      name text NOT NULL,
      contact_name text,
      email text,
      phone text,
      address text,
      vat_number text,
      notes text,
      default_deposit_bp integer CHECK (default_deposit_bp BETWEEN 0 AND 10000)
    );
    CREATE INDEX clients_name ON clients (tenant_id, name);

    CREATE TABLE bookings (
      ${SYNC_COLUMNS},
      location_id uuid NOT NULL,
      -- The synced truth for resources, as on the desktop: one last-writer-wins field per list.
      -- booking_rooms and booking_staff (migration 4) are derived from them for the overlap check.
      room_ids jsonb NOT NULL CHECK (jsonb_typeof(room_ids) = 'array'),
      staff_ids jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(staff_ids) = 'array'),
      equipment jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(equipment) = 'array'),
      client_id uuid,
      title text,
      project_name text,
      notes text,
      type text NOT NULL CHECK (type IN ('hourly', 'half_day', 'day', 'lockout', 'dry_hire')),
      status text NOT NULL CHECK (status IN ('hold', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show', 'conflict')),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      -- The session widened by its rooms' setup and teardown: what rooms and staff are held for.
      occupied_from timestamptz NOT NULL,
      occupied_until timestamptz NOT NULL,
      hold_expires_at timestamptz,
      override_past boolean NOT NULL DEFAULT false,
      series_id uuid,
      series_seq integer,
      currency text NOT NULL,
      net_cents bigint NOT NULL,
      vat_cents bigint NOT NULL,
      total_cents bigint NOT NULL,
      deposit_bp integer NOT NULL CHECK (deposit_bp BETWEEN 0 AND 10000),
      deposit_cents bigint NOT NULL,
      price_lines jsonb NOT NULL DEFAULT '[]',
      paid_cents bigint NOT NULL DEFAULT 0,
      cancelled_at timestamptz,
      cancel_reason text,
      cancellation_fee_cents bigint,
      CHECK (ends_at > starts_at),
      CHECK (occupied_from <= starts_at AND occupied_until >= ends_at),
      FOREIGN KEY (tenant_id, location_id) REFERENCES locations,
      FOREIGN KEY (tenant_id, client_id) REFERENCES clients
    );
    CREATE INDEX bookings_location_time ON bookings (tenant_id, location_id, starts_at);
    CREATE INDEX bookings_client ON bookings (tenant_id, client_id, starts_at);

    -- Every pushed mutation, once: a replayed push finds its outcome here and changes nothing.
    CREATE TABLE applied_mutations (
      tenant_id uuid NOT NULL,
      mutation_id uuid NOT NULL,
      device_id uuid NOT NULL,
      entity text NOT NULL,
      row_id uuid NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('applied', 'rejected', 'conflict')),
      version bigint,
      detail jsonb,
      applied_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, mutation_id)
    );

    ${SYNCED_TABLES.map(versioned).join("\n")}

    SELECT rsm_isolate_tenant_table(t)
      FROM unnest(ARRAY['tenant_versions', 'locations', 'rooms', 'staff', 'equipment', 'clients', 'bookings', 'applied_mutations']::regclass[]) AS t;

    GRANT SELECT, INSERT, UPDATE ON tenant_versions TO rsm_app;
    GRANT SELECT, INSERT, UPDATE ON locations, rooms, staff, equipment, clients, bookings TO rsm_app;
    GRANT SELECT, INSERT ON applied_mutations TO rsm_app;
  `,
  down: `
    DROP TABLE applied_mutations, bookings, clients, equipment, staff, rooms, locations, tenant_versions;
    DROP FUNCTION rsm_stamp_version();
  `,
};
