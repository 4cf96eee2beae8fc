// From 003: a shipped migration never changes, so this one cannot change through them.
import { SYNC_COLUMNS, versioned } from "./003-studio-data";
import type { PgMigration } from "./migration";

const TABLES = ["booking_series", "staff_time_off", "equipment_maintenance"];

/**
 * The rows the desktop writes beside bookings (main/core/db/migrations/003): a recurring series'
 * rule, an engineer's time off, gear out for maintenance. Synced like the others, so every desk
 * checks bookings against the same time off and maintenance windows.
 */
export const seriesAndBlockouts: PgMigration = {
  version: 6,
  name: "booking series, time off and maintenance windows",
  up: `
    CREATE TABLE booking_series (
      ${SYNC_COLUMNS},
      location_id uuid NOT NULL,
      rrule text NOT NULL,
      time_zone text NOT NULL,
      first_date date NOT NULL,
      start_minute integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
      duration_ms bigint NOT NULL CHECK (duration_ms > 0),
      FOREIGN KEY (tenant_id, location_id) REFERENCES locations
    );

    CREATE TABLE staff_time_off (
      ${SYNC_COLUMNS},
      staff_id uuid NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
      reason text,
      FOREIGN KEY (tenant_id, staff_id) REFERENCES staff
    );
    CREATE INDEX staff_time_off_staff ON staff_time_off (tenant_id, staff_id, starts_at);

    CREATE TABLE equipment_maintenance (
      ${SYNC_COLUMNS},
      equipment_id uuid NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
      -- Units out of service; null: all of them.
      quantity integer CHECK (quantity IS NULL OR quantity >= 1),
      reason text,
      FOREIGN KEY (tenant_id, equipment_id) REFERENCES equipment
    );
    CREATE INDEX equipment_maintenance_equipment ON equipment_maintenance (tenant_id, equipment_id, starts_at);

    ${TABLES.map(versioned).join("\n")}
    SELECT rsm_isolate_tenant_table(t) FROM unnest(ARRAY['booking_series', 'staff_time_off', 'equipment_maintenance']::regclass[]) AS t;
    GRANT SELECT, INSERT, UPDATE ON booking_series, staff_time_off, equipment_maintenance TO rsm_app;
  `,
  down: `DROP TABLE equipment_maintenance, staff_time_off, booking_series;`,
};
