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
 * Why a pushed mutation touches a location outside the scope, or null when it does not: the row's
 * current location, the one it moves to (directly or through a new parent), and for a booking the
 * locations of the rooms it names (a booking at a permitted location must not hold a room of another).
 */
export async function scopeViolation(tx: Tx, tenantId: string, table: string, scope: LocationScope, m: PushedMutation): Promise<string | null> {
  const located = LOCATED_BY[m.entity];
  if (scope === null || !located) return null;
  const outside = (id: unknown) => typeof id === "string" && !scope.has(id);
  if (located.column === "id") return outside(m.rowId) ? `location ${m.rowId} is outside your permitted locations` : null;

  if (located.via) {
    const parentId = m.changes[located.via.field];
    if (typeof parentId === "string" && isUuid(parentId)) {
      const parent = await tx.query<{ location_id: string | null }>(`SELECT location_id::text FROM ${located.via.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, parentId]);
      if (parent.rows[0] && outside(parent.rows[0].location_id)) return `this ${m.entity} is for a ${located.via.table} row at location ${parent.rows[0].location_id}, outside your permitted locations`;
    }
  } else if (outside(m.changes["locationId"])) {
    return `location ${String(m.changes["locationId"])} is outside your permitted locations`;
  }
  const { rows } = await tx.query<{ location_id: string | null }>(`SELECT ${locationSql(table, located)}::text AS location_id FROM ${table} WHERE tenant_id = $1 AND id = $2`, [tenantId, m.rowId]);
  if (rows[0] && outside(rows[0].location_id)) return `this ${m.entity} belongs to location ${rows[0].location_id}, outside your permitted locations`;

  if (m.entity === "booking" && typeof m.changes["roomIds"] === "string") {
    const roomIds = parseIdList(m.changes["roomIds"]);
    if (roomIds.length > 0) {
      const foreign = await tx.query<{ id: string }>(
        "SELECT id::text FROM rooms WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND NOT (location_id = ANY($3::uuid[])) LIMIT 1",
        [tenantId, roomIds, [...scope]],
      );
      if (foreign.rows[0]) return `room ${foreign.rows[0].id} is at a location outside your permitted locations`;
    }
  }
  return null;
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
