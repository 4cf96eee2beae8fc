import type { PgMigration } from "./migration";

/**
 * One row per (booking, room) and (booking, staff member) carrying the booking's buffered
 * occupancy and whether it holds its resources, so that an exclusion constraint can refuse two
 * holding bookings of one room or one person whose spans overlap. Ranges are half-open: a session
 * whose teardown ends as the next one's setup starts does not overlap it.
 */
const resourceTable = (table: string, column: string, target: string) => `
  CREATE TABLE ${table} (
    tenant_id uuid NOT NULL,
    booking_id uuid NOT NULL,
    ${column} uuid NOT NULL,
    occupancy tstzrange NOT NULL,
    -- hold, confirmed, checked in or completed, and not deleted (shared/booking/booking-status.ts).
    active boolean NOT NULL,
    PRIMARY KEY (tenant_id, booking_id, ${column}),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, ${column}) REFERENCES ${target},
    CONSTRAINT ${table}_no_overlap EXCLUDE USING gist (tenant_id WITH =, ${column} WITH =, occupancy WITH &&) WHERE (active)
  );`;

export const bookingOverlaps: PgMigration = {
  version: 4,
  name: "booking overlaps refused by Postgres",
  up: `
    CREATE EXTENSION IF NOT EXISTS btree_gist;
    ${resourceTable("booking_rooms", "room_id", "rooms")}
    ${resourceTable("booking_staff", "staff_id", "staff")}

    -- Kept in step with the booking row by the database itself, whatever code wrote the booking.
    -- Expired holds keep blocking until the server releases them (a status change): the safe side.
    CREATE FUNCTION rsm_sync_booking_resources() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      span tstzrange := tstzrange(NEW.occupied_from, NEW.occupied_until, '[)');
      holds boolean := NEW.deleted_at IS NULL AND NEW.status IN ('hold', 'confirmed', 'checked_in', 'completed');
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        DELETE FROM booking_rooms WHERE tenant_id = NEW.tenant_id AND booking_id = NEW.id;
        DELETE FROM booking_staff WHERE tenant_id = NEW.tenant_id AND booking_id = NEW.id;
      END IF;
      INSERT INTO booking_rooms (tenant_id, booking_id, room_id, occupancy, active)
        SELECT DISTINCT NEW.tenant_id, NEW.id, r::uuid, span, holds FROM jsonb_array_elements_text(NEW.room_ids) AS r;
      INSERT INTO booking_staff (tenant_id, booking_id, staff_id, occupancy, active)
        SELECT DISTINCT NEW.tenant_id, NEW.id, s::uuid, span, holds FROM jsonb_array_elements_text(NEW.staff_ids) AS s;
      RETURN NULL;
    END $$;

    CREATE TRIGGER bookings_resources_on_insert AFTER INSERT ON bookings
      FOR EACH ROW EXECUTE FUNCTION rsm_sync_booking_resources();
    CREATE TRIGGER bookings_resources_on_update
      AFTER UPDATE OF room_ids, staff_ids, occupied_from, occupied_until, status, deleted_at ON bookings
      FOR EACH ROW EXECUTE FUNCTION rsm_sync_booking_resources();

    SELECT rsm_isolate_tenant_table(t) FROM unnest(ARRAY['booking_rooms', 'booking_staff']::regclass[]) AS t;
    GRANT SELECT, INSERT, DELETE ON booking_rooms, booking_staff TO rsm_app;
  `,
  down: `
    DROP TRIGGER bookings_resources_on_update ON bookings;
    DROP TRIGGER bookings_resources_on_insert ON bookings;
    DROP TABLE booking_staff, booking_rooms;
    DROP FUNCTION rsm_sync_booking_resources();
    DROP EXTENSION IF EXISTS btree_gist;
  `,
};
