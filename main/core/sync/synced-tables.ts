import { SEARCH_SOURCES } from "../db/migrations/002-search-text";
import { BOOKING_COLUMNS } from "../services/booking/booking-record";
import type { FieldSpec } from "../services/entity-store";

/** Where a pulled entity lives locally: its table and field → column map. */
export interface SyncedTable {
  table: string;
  columns: Record<string, string>;
  /** Columns that feed the device-local search text (002), empty when the table has none. */
  searchColumns: string[];
}

/**
 * Archiving and the tombstone travel as ordinary fields (sync-server entity-tables `lifecycle`);
 * the desktop writes them through the stores, so they are not in the *-def.ts field maps.
 */
const LIFECYCLE = { archivedAt: "archived_at", deletedAt: "deleted_at" };

/**
 * Built from the same maps the stores write with (*-def.ts, booking-record.ts), so a field can
 * never be named one way when written and another when pulled. The studio row is absent: the
 * server does not serve it yet (its settings live on the server's tenants table).
 */
export function syncedTables(defs: { entity: string; table: string; fields: Record<string, FieldSpec> }[]): Record<string, SyncedTable> {
  const out: Record<string, SyncedTable> = {};
  for (const def of defs) {
    const columns = Object.fromEntries(Object.entries(def.fields).map(([field, spec]) => [field, spec.column]));
    out[def.entity] = { table: def.table, columns: { ...columns, ...LIFECYCLE }, searchColumns: SEARCH_SOURCES[def.table] ?? [] };
  }
  const bookingColumns = Object.fromEntries(Object.entries(BOOKING_COLUMNS).map(([field, [column]]) => [field, column]));
  out.booking = { table: "bookings", columns: { ...bookingColumns, ...LIFECYCLE }, searchColumns: [] };
  return out;
}
