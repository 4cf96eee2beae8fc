import type { PgMigration } from "./migration";

/** A booking's discount in basis points (desktop migration 011); its cents are after it. Existing bookings have none. */
export const bookingDiscount: PgMigration = {
  version: 16,
  name: "booking discount",
  up: `ALTER TABLE bookings ADD COLUMN discount_bp integer NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000);`,
  down: `ALTER TABLE bookings DROP COLUMN discount_bp;`,
};
