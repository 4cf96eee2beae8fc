import type { Migration } from "../migration";

/**
 * A discount on a booking's price, in basis points (1000 = 10 %): a quote's session discount carried
 * to its holds, or one the desk gives. The booking's cents are after it; existing bookings have none.
 */
export const bookingDiscount: Migration = {
  version: 11,
  name: "booking discount",
  up(db) {
    db.exec("ALTER TABLE bookings ADD COLUMN discount_bp INTEGER NOT NULL DEFAULT 0");
  },
  down(db) {
    db.exec("ALTER TABLE bookings DROP COLUMN discount_bp");
  },
};
