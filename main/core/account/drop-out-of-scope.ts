import { DROP_ORDER, LOCATED_BY, outsideScope } from "../../../shared/sync/location-scope";
import type { Db } from "../db/open-database";
import type { SyncedTable } from "../sync/synced-tables";

/**
 * Once the person may see fewer locations, the desk forgets the rows of the others, as the server
 * no longer sends them (its pull is filtered by the same scope) and would refuse any change to
 * them. Plain deletes: this is not a change of the studio's data, so nothing goes to the outbox.
 * The outbox itself is left as it is: a change still pending for such a row is pushed, refused
 * by the server, and waits in the sync inbox with its content; no work disappears silently.
 * Children go before the rows they hang from (DROP_ORDER), in the caller's transaction.
 * Returns how many rows were dropped, per table.
 */
export function dropRowsOutsideScope(db: Db, tables: Record<string, SyncedTable>, scope: readonly string[] | null): Record<string, number> {
  const dropped: Record<string, number> = {};
  if (scope === null) return dropped;
  for (const entity of DROP_ORDER) {
    const located = LOCATED_BY[entity];
    const t = tables[entity];
    if (!located || !t) continue;
    let sql: string;
    if (located.kind === "self") {
      sql = `SELECT id, id AS location_id FROM ${t.table}`;
    } else if (located.kind === "field") {
      sql = `SELECT id, ${column(t, located.field)} AS location_id FROM ${t.table}`;
    } else {
      const parent = tables[located.parent];
      if (!parent) continue;
      // The second parent only where this desk's schema has its field (payments of bookings).
      const or = located.or && tables[located.or.parent] && t.columns[located.or.field] ? { ...located.or, t: tables[located.or.parent]! } : null;
      sql = `SELECT c.id, ${or ? `COALESCE(p.${column(parent, "locationId")}, q.${column(or.t, "locationId")})` : `p.${column(parent, "locationId")}`} AS location_id
               FROM ${t.table} c LEFT JOIN ${parent.table} p ON p.id = c.${column(t, located.field)}
               ${or ? `LEFT JOIN ${or.t.table} q ON q.id = c.${column(t, or.field)}` : ""}`;
    }
    const rows = db.prepare(sql).all() as { id: string; location_id: string | null }[];
    const out = rows.filter((r) => outsideScope(located, r.location_id, scope));
    if (out.length === 0) continue;
    const del = db.prepare(`DELETE FROM ${t.table} WHERE id = ?`);
    for (const r of out) del.run(r.id);
    dropped[t.table] = out.length;
  }
  return dropped;
}

function column(t: SyncedTable, field: string): string {
  const c = t.columns[field];
  if (!c) throw new Error(`${t.table} has no column for ${field}`);
  return c;
}
