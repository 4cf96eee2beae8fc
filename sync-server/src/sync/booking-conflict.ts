import type { Tx } from "../db/with-tenant";

/**
 * The active bookings that hold a room or person this booking also wants at an overlapping time:
 * what the conflict result and the conflicts inbox show next to the kept booking.
 */
export async function overlappingBookings(tx: Tx, tenantId: string, bookingId: string, span: { from: string; until: string }, roomIds: string[], staffIds: string[]) {
  const { rows } = await tx.query<{ booking_id: string; resource: "room" | "staff"; resource_id: string }>(
    `SELECT booking_id::text, 'room' AS resource, room_id::text AS resource_id FROM booking_rooms
      WHERE tenant_id = $1 AND booking_id <> $2 AND active AND room_id = ANY($3::uuid[]) AND occupancy && tstzrange($5, $6, '[)')
     UNION
     SELECT booking_id::text, 'staff', staff_id::text FROM booking_staff
      WHERE tenant_id = $1 AND booking_id <> $2 AND active AND staff_id = ANY($4::uuid[]) AND occupancy && tstzrange($5, $6, '[)')
     ORDER BY 1, 2, 3`,
    [tenantId, bookingId, roomIds, staffIds, span.from, span.until],
  );
  return rows.map((r) => ({ bookingId: r.booking_id, resource: r.resource, resourceId: r.resource_id }));
}
