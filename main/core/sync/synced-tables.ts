import { DOCUMENT_ENTITY_NAMES, DOCUMENT_ENTITIES, documentColumns } from "../../../shared/documents/document-entities";
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
 * Rows written beside bookings (migration 003), each in the table of its entity's name, under the
 * field names series-planner.ts and blockout-store.ts write with.
 */
const SIDE_TABLES: Record<string, Record<string, string>> = {
  booking_series: {
    locationId: "location_id", rrule: "rrule", timeZone: "time_zone", firstDate: "first_date", startMinute: "start_minute", durationMs: "duration_ms",
  },
  staff_time_off: { staffId: "staff_id", startsAt: "starts_at", endsAt: "ends_at", reason: "reason" },
  equipment_maintenance: { equipmentId: "equipment_id", startsAt: "starts_at", endsAt: "ends_at", quantity: "quantity", reason: "reason" },
};

/** The studio row's fields (migrations 001 and 003). */
const STUDIO_COLUMNS = {
  name: "name",
  currency: "currency",
  defaultDepositBp: "default_deposit_bp",
  defaultVatBp: "default_vat_bp",
  holdExpiryHours: "hold_expiry_hours",
  cancellationPolicy: "cancellation_policy",
  unpaidBalanceLimitCents: "unpaid_balance_limit_cents",
};

/**
 * Built from the same maps the stores write with (*-def.ts, booking-record.ts), so a field can
 * never be named one way when written and another when pulled. The studio row is the tenant's
 * settings, written by studio-service.ts and booking-settings-store.ts under these names.
 */
export function syncedTables(defs: { entity: string; table: string; fields: Record<string, FieldSpec> }[]): Record<string, SyncedTable> {
  const out: Record<string, SyncedTable> = {};
  for (const def of defs) {
    const columns = Object.fromEntries(Object.entries(def.fields).map(([field, spec]) => [field, spec.column]));
    out[def.entity] = { table: def.table, columns: { ...columns, ...LIFECYCLE }, searchColumns: SEARCH_SOURCES[def.table] ?? [] };
  }
  const bookingColumns = Object.fromEntries(Object.entries(BOOKING_COLUMNS).map(([field, [column]]) => [field, column]));
  out.booking = { table: "bookings", columns: { ...bookingColumns, ...LIFECYCLE }, searchColumns: [] };
  out.studio = { table: "studio", columns: { ...STUDIO_COLUMNS, ...LIFECYCLE }, searchColumns: [] };
  for (const [entity, columns] of Object.entries(SIDE_TABLES)) out[entity] = { table: entity, columns: { ...columns, ...LIFECYCLE }, searchColumns: [] };
  // Documents (migration 007), from the map the server's entity tables are built from too.
  for (const entity of DOCUMENT_ENTITY_NAMES) out[entity] = { table: DOCUMENT_ENTITIES[entity].table, columns: { ...documentColumns(entity), ...LIFECYCLE }, searchColumns: [] };
  return out;
}
