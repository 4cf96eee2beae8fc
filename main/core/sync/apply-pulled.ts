import { ClockSkewError } from "../../../shared/hlc";
import type { PulledChange, PullOutput } from "../../../shared/sync/protocol";
import { changeOf, stampsOf } from "../../../shared/sync/pull-wire";
import { normalizeForSearch } from "../../../shared/text";
import type { Db } from "../db/open-database";
import { prepareCached } from "../db/statement-cache";
import { valuesOf, type BookingRow } from "../services/booking/booking-record";
import { bookingLocalColumns } from "../services/booking/booking-store";
import { writeResourceIndex } from "../services/booking/resource-index";
import type { DeviceClock } from "./device-clock";
import type { ColumnValue } from "./local-writer";
import { planFor, writeWhole } from "./pulled-row-plan";
import { resettlePulledBookings } from "./pulled-paid";
import type { SyncedTable } from "./synced-tables";

const RESOURCE_INDEXES = ["booking_rooms", "booking_staff", "booking_equipment"];

/** A pending outbox change of one row, in outbox order. */
interface PendingChange {
  changes: string;
  hlc: string;
}

/**
 * Writes a page of pulled rows as the server's truth (fields, field_hlc, version), then re-applies
 * this device's still-pending outbox changes to each field by field, a pending value staying where
 * its stamp is newer than the server's (ARCHITECTURE.md, sync step 3: server state + pending local
 * = what the UI shows), then recomputes what this device derives from the row. Call it inside the
 * page's transaction. Returns how many changes were of an entity this device stores.
 *
 * The pending outbox is read once per page (usually empty; per row, it was a lookup the outbox's
 * index does not serve), and a row with nothing pending — every row of a first pull — is one
 * cached INSERT with values taken straight from the wire (an UPDATE when the row is already here).
 */
export function applyPulledPage(db: Db, clock: DeviceClock, tables: Record<string, SyncedTable>, tenantId: string, page: Pick<PullOutput, "shapes" | "rows">): number {
  const pending = pendingByRow(db);
  const createdAt = new Date().toISOString();
  // Per shape of the page: its table (undefined: an entity this device does not store) and plan.
  const shapeTables = page.shapes.map((shape) => tables[shape.entity]);
  const shapePlans = page.shapes.map((shape, i) => (shapeTables[i] ? planFor(db, shapeTables[i], shape) : null));
  let applied = 0;
  for (const row of page.rows) {
    const t = shapeTables[row.shape];
    if (!t) continue;
    applied++;
    const shape = page.shapes[row.shape]!;
    const stamps = stampsOf(row);
    const top = greatest(stamps);
    receiveStamps(clock, stamps, top);
    const mine = pending.size > 0 ? pending.get(`${shape.entity}\u0000${row.rowId}`) : undefined;
    let searchWritten: boolean;
    if (!mine) {
      const plan = shapePlans[row.shape]!;
      writeWhole(plan, shape, row, tenantId, createdAt, top);
      searchWritten = plan.search !== null;
    } else {
      searchWritten = applyMerged(db, t, tenantId, createdAt, changeOf(shape, row), mine);
    }
    if (t.table === "bookings" || (t.searchColumns.length > 0 && !searchWritten)) recomputeLocal(db, t, row.rowId);
  }
  // Hook (lead): bookings' paid cache derived again from the payment rows that arrived.
  resettlePulledBookings(db, page.rows.map((row) => ({ entity: page.shapes[row.shape]!.entity, rowId: row.rowId })));
  return applied;
}

/** This device's pending outbox changes by entity and row, in outbox order. */
function pendingByRow(db: Db): Map<string, PendingChange[]> {
  const out = new Map<string, PendingChange[]>();
  const rows = prepareCached(db, "SELECT entity, row_id, changes, hlc FROM outbox WHERE status = 'pending' ORDER BY seq").all() as
    (PendingChange & { entity: string; row_id: string })[];
  for (const r of rows) {
    const key = `${r.entity}\u0000${r.row_id}`;
    const list = out.get(key);
    if (list) list.push({ changes: r.changes, hlc: r.hlc });
    else out.set(key, [{ changes: r.changes, hlc: r.hlc }]);
  }
  return out;
}

/**
 * The server's row with this device's pending changes re-applied on top, field by field. Returns
 * whether the row's search text was written with it.
 */
function applyMerged(db: Db, t: SyncedTable, tenantId: string, createdAt: string, change: PulledChange, pending: PendingChange[]): boolean {
  const values: Record<string, ColumnValue> = {};
  const fieldHlc: Record<string, string> = { ...change.fieldHlc };
  for (const [field, value] of Object.entries(change.fields)) {
    // A field this build does not know (a newer server) is skipped rather than failing the page.
    const column = t.columns[field];
    if (column) values[column] = value;
  }
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
  const updatedAt = greatest(Object.values(fieldHlc));
  const columns = Object.keys(values);
  const exists = prepareCached(db, `SELECT 1 FROM ${t.table} WHERE id = ?`).get(change.rowId) !== undefined;
  if (exists) {
    prepareCached(db, `UPDATE ${t.table} SET ${columns.map((c) => `${c} = ?`).join(", ")}${columns.length ? ", " : ""}updated_at = ?, field_hlc = ?, version = ? WHERE id = ?`)
      .run(...columns.map((c) => values[c]!), updatedAt, JSON.stringify(fieldHlc), change.version, change.rowId);
  } else {
    const all = ["id", "tenant_id", "created_at", "updated_at", "field_hlc", "version", ...columns];
    prepareCached(db, `INSERT INTO ${t.table} (${all.join(", ")}) VALUES (${all.map(() => "?").join(", ")})`)
      .run(change.rowId, tenantId, createdAt, updatedAt, JSON.stringify(fieldHlc), change.version, ...columns.map((c) => values[c]!));
  }
  return "search_text" in values;
}

/** Encoded stamps sort causally: the greatest is the latest ("" for none). */
function greatest(stamps: string[]): string {
  let out = "";
  for (const s of stamps) if (s > out) out = s;
  return out;
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
function receiveStamps(clock: DeviceClock, stamps: string[], top: string): void {
  if (top <= (merged.get(clock) ?? "")) return;
  if (receiveStamp(clock, top)) {
    merged.set(clock, top);
    return;
  }
  for (const stamp of stamps) if (stamp !== top) receiveStamp(clock, stamp);
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
