import { isUuid } from "../../../shared/ids";
import type { MembershipRole } from "../../../shared/schemas/account";
import type { PushedMutation, SyncedEntity } from "../../../shared/sync/protocol";
import { LOCATED_BY as SHARED_LOCATED_BY, type LocatedBy } from "../../../shared/sync/location-scope";
import type { Tx } from "../db/with-tenant";
import { ENTITY_TABLES } from "./entity-tables";

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
 * How each synced entity is tied to a location (shared/sync/location-scope.ts, the one rule the desk
 * also follows when it drops rows of a location it may no longer see), in this server's columns:
 * the row's own id (a location), a column of its own, or its parent's location_id.
 */
interface Located {
  column: string;
  optional: boolean;
  /** The row is located by its parent row's location_id: the parent's table and the field naming it. */
  via?: { table: string; field: string };
  /** When the first parent is absent, a second one (a payment waiting on its booking, with no invoice yet). */
  orVia?: { column: string; table: string; field: string };
}

function columnOf(entity: SyncedEntity, field: string): string {
  const spec = ENTITY_TABLES[entity]?.fields[field];
  if (!spec) throw new Error(`${entity}.${field} locates rows but is not a synced field`);
  return spec.column;
}

function tableOf(entity: SyncedEntity): string {
  const def = ENTITY_TABLES[entity];
  if (!def) throw new Error(`${entity} locates rows but does not sync`);
  return def.table;
}

function located(entity: SyncedEntity, by: LocatedBy | null): Located | null {
  if (!by) return null;
  if (by.kind === "self") return { column: "id", optional: false };
  if (by.kind === "field") return { column: columnOf(entity, by.field), optional: by.optional };
  return {
    column: columnOf(entity, by.field),
    optional: by.optional,
    via: { table: tableOf(by.parent), field: by.field },
    ...(by.or ? { orVia: { column: columnOf(entity, by.or.field), table: tableOf(by.or.parent), field: by.or.field } } : {}),
  };
}

const LOCATED_BY = Object.fromEntries(
  (Object.entries(SHARED_LOCATED_BY) as [SyncedEntity, LocatedBy | null][]).map(([entity, by]) => [entity, located(entity, by)]),
) as Record<SyncedEntity, Located | null>;

/** SQL for the location of a row of `table` (in the FROM clause), by its own column or its parent's. */
function locationSql(table: string, located: Located): string {
  if (!located.via) return located.column;
  const first = `(SELECT p.location_id FROM ${located.via.table} p WHERE p.tenant_id = ${table}.tenant_id AND p.id = ${table}.${located.column})`;
  if (!located.orVia) return first;
  const { table: parent, column } = located.orVia;
  return `COALESCE(${first}, (SELECT q.location_id FROM ${parent} q WHERE q.tenant_id = ${table}.tenant_id AND q.id = ${table}.${column}))`;
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
    for (const via of [located.via, located.orVia]) {
      const parentId = via ? m.changes[via.field] : undefined;
      if (!via || typeof parentId !== "string" || !isUuid(parentId)) continue;
      const parent = await tx.query<{ location_id: string | null }>(`SELECT location_id::text FROM ${via.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, parentId]);
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
