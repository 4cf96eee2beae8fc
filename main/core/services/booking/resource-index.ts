import { blocksUntil } from "../../../../shared/booking/booking-status";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import type { BookingValues } from "./booking-record";

/**
 * Rewrites the local index rows of one booking (booking_rooms, booking_staff, booking_equipment),
 * derived from its row: call it in the transaction that writes the booking, here or when sync
 * applies a booking pulled from the server. Cancelled bookings keep rows (blocks_until 0) so that
 * lists filtered by room or engineer still find them; the overlap query skips them.
 */
export function writeResourceIndex(db: Db, bookingId: string, v: BookingValues): void {
  for (const table of ["booking_rooms", "booking_staff", "booking_equipment"]) {
    prepareCached(db, `DELETE FROM ${table} WHERE booking_id = ?`).run(bookingId);
  }
  const until = blocksUntil(v.status, v.holdExpiresAt);
  const room = prepareCached(db, "INSERT INTO booking_rooms (room_id, occupied_from, booking_id, occupied_until, blocks_until) VALUES (?, ?, ?, ?, ?)");
  for (const id of v.roomIds) room.run(id, v.occupiedFrom, bookingId, v.occupiedUntil, until);
  const staff = prepareCached(db, "INSERT INTO booking_staff (staff_id, occupied_from, booking_id, occupied_until, blocks_until) VALUES (?, ?, ?, ?, ?)");
  for (const id of v.staffIds) staff.run(id, v.occupiedFrom, bookingId, v.occupiedUntil, until);
  const gear = prepareCached(
    db,
    "INSERT INTO booking_equipment (equipment_id, occupied_from, booking_id, occupied_until, blocks_until, quantity) VALUES (?, ?, ?, ?, ?, ?)",
  );
  for (const line of v.equipment) gear.run(line.equipmentId, v.occupiedFrom, bookingId, v.occupiedUntil, until, line.quantity);
}
