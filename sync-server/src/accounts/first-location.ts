import { encodeHlc } from "../../../shared/hlc";
import type { LocationFields } from "../../../shared/schemas/location";
import type { Tx } from "../db/with-tenant";

/** Stamps written by the server itself carry this HLC node id. */
export const SERVER_HLC_NODE = "server";

/**
 * The studio's first location, written as any synced row is: every field stamped with one HLC
 * (field names as the desktop's location entity has them), version from the tenant's counter.
 */
export async function insertFirstLocation(tx: Tx, tenantId: string, locationId: string, fields: LocationFields, nowMs: number): Promise<void> {
  const hlc = encodeHlc({ wallMs: nowMs, counter: 0, node: SERVER_HLC_NODE });
  const stamped = ["name", "timeZone", "address", "phone", "email", "openingHours", "closures"];
  await tx.query(
    `INSERT INTO locations (tenant_id, id, created_at, updated_at, field_hlc, name, time_zone, address, phone, email, opening_hours, closures)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      tenantId,
      locationId,
      new Date(nowMs),
      hlc,
      JSON.stringify(Object.fromEntries(stamped.map((f) => [f, hlc]))),
      fields.name,
      fields.timeZone,
      fields.address,
      fields.phone,
      fields.email,
      JSON.stringify(fields.openingHours),
      JSON.stringify(fields.closures),
    ],
  );
}
