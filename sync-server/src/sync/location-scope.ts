import { isUuid } from "../../../shared/ids";
import type { MembershipRole } from "../../../shared/schemas/account";
import type { PushedMutation, SyncedEntity } from "../../../shared/sync/protocol";
import type { Tx } from "../db/with-tenant";

/**
 * The locations a member may see and change (membership_locations, migration 005): null means all
 * of them, which is an owner's scope always and a member's with no rows listed.
 */
export type LocationScope = ReadonlySet<string> | null;

export async function readLocationScope(tx: Tx, tenantId: string, userId: string, role: MembershipRole): Promise<LocationScope> {
  if (role === "owner") return null;
  const { rows } = await tx.query<{ location_id: string }>(
    "SELECT location_id::text FROM membership_locations WHERE tenant_id = $1 AND user_id = $2",
    [tenantId, userId],
  );
  return rows.length === 0 ? null : new Set(rows.map((r) => r.location_id));
}

/**
 * How each synced entity is tied to a location: the row's own id (a location), its location_id
 * column, its parent's (time off through its engineer, maintenance through its gear), or nothing
 * (studio, clients: studio-wide). Staff without a location, and their time off, are studio-wide.
 */
interface Located {
  column: string;
  optional: boolean;
  /** The row is located by its parent row's location_id: the parent's table and the field naming it. */
  via?: { table: string; field: string };
}
const LOCATED_BY: Record<SyncedEntity, Located | null> = {
  studio: null,
  client: null,
  location: { column: "id", optional: false },
  room: { column: "location_id", optional: false },
  equipment: { column: "location_id", optional: false },
  booking: { column: "location_id", optional: false },
  booking_series: { column: "location_id", optional: false },
  staff: { column: "location_id", optional: true },
  staff_time_off: { column: "staff_id", optional: true, via: { table: "staff", field: "staffId" } },
  equipment_maintenance: { column: "equipment_id", optional: false, via: { table: "equipment", field: "equipmentId" } },
  // Documents (shared/documents): studio-wide settings and mail; a contract, quote or invoice at its
  // location when it has one, a payment through its invoice.
  service_item: null,
  contract_template: null,
  document_profile: null,
  document_email: null,
  contract: { column: "location_id", optional: true },
  quote: { column: "location_id", optional: true },
  invoice: { column: "location_id", optional: true },
  payment: { column: "invoice_id", optional: true, via: { table: "invoices", field: "invoiceId" } },
};

/** SQL for the location of a row of `table` (in the FROM clause), by its own column or its parent's. */
function locationSql(table: string, located: Located): string {
  if (!located.via) return located.column;
  return `(SELECT p.location_id FROM ${located.via.table} p WHERE p.tenant_id = ${table}.tenant_id AND p.id = ${table}.${located.column})`;
}

/** SQL keeping a pulled row of `table` within the scope bound to `param` (a uuid[]), or null when every row stays. */
export function pullScopeFilter(entity: SyncedEntity, table: string, param: string): string | null {
  const located = LOCATED_BY[entity];
  if (!located) return null;
  const location = locationSql(table, located);
  const within = `${location} = ANY(${param}::uuid[])`;
  return located.optional ? `(${location} IS NULL OR ${within})` : within;
}

/**
 * Every location a pushed mutation touches: the row's own (a location), its current location, the
 * one it moves to (directly or through a new parent), and for a booking the locations of the rooms
 * it names (a booking at a permitted location must not hold a room of another). `exists` says
 * whether the row is stored yet (an "update" of an unknown row inserts it: judged as an insert).
 */
export async function touchedLocations(tx: Tx, tenantId: string, table: string, m: PushedMutation): Promise<{ exists: boolean; locationIds: string[] }> {
  const located = LOCATED_BY[m.entity];
  const location = located && located.column !== "id" ? `${locationSql(table, located)}::text` : "NULL::text";
  const { rows } = await tx.query<{ location_id: string | null }>(`SELECT ${location} AS location_id FROM ${table} WHERE tenant_id = $1 AND id = $2`, [tenantId, m.rowId]);
  const exists = rows.length > 0;
  if (!located) return { exists, locationIds: [] };
  if (located.column === "id") return { exists, locationIds: [m.rowId] };
  const out = new Set<string>();
  if (rows[0]?.location_id) out.add(rows[0].location_id);
  if (located.via) {
    const parentId = m.changes[located.via.field];
    if (typeof parentId === "string" && isUuid(parentId)) {
      const parent = await tx.query<{ location_id: string | null }>(`SELECT location_id::text FROM ${located.via.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, parentId]);
      if (parent.rows[0]?.location_id) out.add(parent.rows[0].location_id);
    }
  } else if (typeof m.changes["locationId"] === "string") {
    out.add(m.changes["locationId"]);
  }
  if (m.entity === "booking" && typeof m.changes["roomIds"] === "string") {
    const roomIds = parseIdList(m.changes["roomIds"]);
    if (roomIds.length > 0) {
      const rooms = await tx.query<{ location_id: string }>("SELECT DISTINCT location_id::text FROM rooms WHERE tenant_id = $1 AND id = ANY($2::uuid[])", [tenantId, roomIds]);
      for (const r of rooms.rows) out.add(r.location_id);
    }
  }
  return { exists, locationIds: [...out] };
}

/** The ids of a JSON list; anything malformed is left for field validation to refuse. */
function parseIdList(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && isUuid(v)) : [];
  } catch {
    return [];
  }
}
