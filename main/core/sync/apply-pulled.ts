import { ClockSkewError } from "../../../shared/hlc";
import type { PulledChange } from "../../../shared/sync/protocol";
import { normalizeForSearch } from "../../../shared/text";
import type { Db } from "../db/open-database";
import { prepareCached } from "../db/statement-cache";
import { valuesOf, type BookingRow } from "../services/booking/booking-record";
import { bookingLocalColumns } from "../services/booking/booking-store";
import { writeResourceIndex } from "../services/booking/resource-index";
import type { DeviceClock } from "./device-clock";
import type { ColumnValue } from "./local-writer";
import type { SyncedTable } from "./synced-tables";

const RESOURCE_INDEXES = ["booking_rooms", "booking_staff", "booking_equipment"];

/**
 * Writes one pulled row as the server's truth (fields, field_hlc, version), then re-applies this
 * device's still-pending outbox changes to it field by field, a pending value staying where its
 * stamp is newer than the server's (ARCHITECTURE.md, sync step 3: server state + pending local =
 * what the UI shows), then recomputes what this device derives from the row. Call it inside the
 * page's transaction. Returns false for an entity this device does not store.
 */
export function applyPulled(db: Db, clock: DeviceClock, tables: Record<string, SyncedTable>, tenantId: string, change: PulledChange): boolean {
  const t = tables[change.entity];
  if (!t) return false;
  receiveStamps(clock, Object.values(change.fieldHlc));

  const values: Record<string, ColumnValue> = {};
  const fieldHlc: Record<string, string> = { ...change.fieldHlc };
  for (const [field, value] of Object.entries(change.fields)) {
    // A field this build does not know (a newer server) is skipped rather than failing the page.
    const column = t.columns[field];
    if (column) values[column] = value;
  }
  const pending = prepareCached(db, "SELECT changes, hlc FROM outbox WHERE row_id = ? AND entity = ? AND status = 'pending' ORDER BY seq")
    .all(change.rowId, change.entity) as { changes: string; hlc: string }[];
  for (const m of pending) {
    for (const [field, value] of Object.entries(JSON.parse(m.changes) as Record<string, ColumnValue>)) {
      const column = t.columns[field];
      const serverStamp = fieldHlc[field];
      if (!column || (serverStamp !== undefined && serverStamp >= m.hlc)) continue;
      values[column] = value;
      fieldHlc[field] = m.hlc;
    }
  }
  // A whole row (what pull sends) carries every search source: its search text is made here and
  // written with the row, rather than read back and updated after.
  if (t.table !== "bookings" && t.searchColumns.length > 0 && t.searchColumns.every((c) => c in values)) {
    values.search_text = normalizeForSearch(t.searchColumns.map((c) => String(values[c] ?? "")).join(" "));
  }
  // Encoded stamps sort causally, so the row's updated_at is simply the greatest field stamp.
  const updatedAt = Object.values(fieldHlc).reduce((a, b) => (b > a ? b : a), "");
  const columns = Object.keys(values);
  const exists = prepareCached(db, `SELECT 1 FROM ${t.table} WHERE id = ?`).get(change.rowId) !== undefined;
  if (exists) {
    prepareCached(db, `UPDATE ${t.table} SET ${columns.map((c) => `${c} = ?`).join(", ")}${columns.length ? ", " : ""}updated_at = ?, field_hlc = ?, version = ? WHERE id = ?`)
      .run(...columns.map((c) => values[c]!), updatedAt, JSON.stringify(fieldHlc), change.version, change.rowId);
  } else {
    const all = ["id", "tenant_id", "created_at", "updated_at", "field_hlc", "version", ...columns];
    prepareCached(db, `INSERT INTO ${t.table} (${all.join(", ")}) VALUES (${all.map(() => "?").join(", ")})`)
      .run(change.rowId, tenantId, new Date().toISOString(), updatedAt, JSON.stringify(fieldHlc), change.version, ...columns.map((c) => values[c]!));
  }
  if (t.table === "bookings" || (t.searchColumns.length > 0 && !("search_text" in values))) recomputeLocal(db, t, change.rowId);
  return true;
}

/** The device-local columns and index rows, exactly as the stores derive them on a local write. */
function recomputeLocal(db: Db, t: SyncedTable, rowId: string): void {
  if (t.table === "bookings") {
    const row = prepareCached(db, "SELECT * FROM bookings WHERE id = ?").get(rowId) as BookingRow;
    const v = valuesOf(row);
    const local = bookingLocalColumns(v);
    prepareCached(db, "UPDATE bookings SET search_text = ?, unpaid_cents = ? WHERE id = ?").run(local.search_text!, local.unpaid_cents!, rowId);
    if (row.deleted_at) {
      // A tombstoned booking must no longer occupy its room, engineer or gear.
      for (const table of RESOURCE_INDEXES) prepareCached(db, `DELETE FROM ${table} WHERE booking_id = ?`).run(rowId);
    } else {
      writeResourceIndex(db, rowId, v);
    }
    return;
  }
  if (t.searchColumns.length === 0) return;
  const row = prepareCached(db, `SELECT ${t.searchColumns.join(", ")} FROM ${t.table} WHERE id = ?`).get(rowId) as Record<string, ColumnValue>;
  const text = normalizeForSearch(t.searchColumns.map((c) => String(row[c] ?? "")).join(" "));
  prepareCached(db, `UPDATE ${t.table} SET search_text = ? WHERE id = ?`).run(text, rowId);
}

/** Per clock, the greatest pulled stamp already merged: a clock never goes back, so no lower one needs merging. */
const merged = new WeakMap<DeviceClock, string>();

/**
 * Merging the greatest stamp is enough for later local stamps to sort after all of them, and a
 * stamp no greater than one merged before changes nothing: one clock write per new high stamp
 * instead of one per field of every row. A stamp too far ahead of our wall clock is not merged
 * (the clock would jump with it); the row is still applied, since the server accepted it, and
 * each of the others is merged on its own. The server refuses skewed pushes, so this is rare.
 */
function receiveStamps(clock: DeviceClock, stamps: string[]): void {
  const greatest = stamps.reduce((a, b) => (b > a ? b : a), "");
  if (greatest <= (merged.get(clock) ?? "")) return;
  if (receiveStamp(clock, greatest)) {
    merged.set(clock, greatest);
    return;
  }
  for (const stamp of stamps) if (stamp !== greatest) receiveStamp(clock, stamp);
}

/** False when the stamp was refused for clock skew. */
function receiveStamp(clock: DeviceClock, stamp: string): boolean {
  try {
    clock.receive(stamp);
    return true;
  } catch (e) {
    if (!(e instanceof ClockSkewError)) throw e;
    return false;
  }
}
