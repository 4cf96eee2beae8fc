import type { Statement } from "better-sqlite3";
import type { PulledRow, PullShape } from "../../../shared/sync/protocol";
import { fieldHlcJson } from "../../../shared/sync/pull-wire";
import { normalizeForSearch } from "../../../shared/text";
import type { Db } from "../db/open-database";
import type { ColumnValue } from "./local-writer";
import type { SyncedTable } from "./synced-tables";

/**
 * How a whole pulled row of one entity is written when nothing of this device's is pending on it:
 * the field names in the order the server sent them, their columns, and its cached statements.
 * Whole rows of one entity arrive with the same fields in the same order, so a page reuses it.
 */
export interface RowPlan {
  fields: string[];
  /** For each field, its column, or null for a field this build does not know (skipped). */
  columns: (string | null)[];
  /** Positions in `fields` of the search sources, or null when the row's search text is recomputed after. */
  search: number[] | null;
  /** INSERT OR IGNORE: a row already here, or one this change cannot make alone, is left to `update`. */
  insert: Statement;
  /** The same columns over the row already here (created_at and tenant_id stay as first written). */
  update: Statement;
  /** The plain INSERT, run only to raise the constraint error of a row that neither could write. */
  strictInsert: Statement;
}

const plans = new WeakMap<Db, Map<string, RowPlan[]>>();

/** The entity's plan for this shape's field list, made (and its statements prepared) when the list is new. */
export function planFor(db: Db, t: SyncedTable, shape: PullShape): RowPlan {
  let byEntity = plans.get(db);
  if (!byEntity) {
    byEntity = new Map();
    plans.set(db, byEntity);
  }
  const fields = shape.fields;
  const known = byEntity.get(shape.entity) ?? [];
  for (const plan of known) if (sameList(plan.fields, fields)) return plan;
  // Two fields naming one column: the later one is written, as a field-by-field merge would leave it.
  const columns = fields.map((f) => t.columns[f] ?? null).map((c, i, all) => (c !== null && all.lastIndexOf(c) !== i ? null : c));
  const present = columns.filter((c): c is string => c !== null);
  const search = t.table !== "bookings" && t.searchColumns.length > 0 && t.searchColumns.every((c) => present.includes(c))
    ? t.searchColumns.map((c) => columns.indexOf(c))
    : null;
  const written = [...present, ...(search ? ["search_text"] : [])];
  const all = ["id", "tenant_id", "created_at", "updated_at", "field_hlc", "version", ...written];
  const insertSql = `INTO ${t.table} (${all.join(", ")}) VALUES (${all.map(() => "?").join(", ")})`;
  // The insert's parameters after id, tenant_id and created_at, then id.
  const updated = ["updated_at", "field_hlc", "version", ...written].map((c) => `${c} = ?`);
  const plan: RowPlan = {
    fields,
    columns,
    search,
    insert: db.prepare(`INSERT OR IGNORE ${insertSql}`),
    update: db.prepare(`UPDATE ${t.table} SET ${updated.join(", ")} WHERE id = ?`),
    strictInsert: db.prepare(`INSERT ${insertSql}`),
  };
  byEntity.set(shape.entity, [...known, plan]);
  return plan;
}

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The server's row as it came, under `plan`: no pending change of ours to merge. */
export function writeWhole(plan: RowPlan, shape: PullShape, row: PulledRow, tenantId: string, createdAt: string, updatedAt: string): void {
  // Encoded stamps sort causally, so the row's updated_at is simply the greatest field stamp.
  const params: ColumnValue[] = [row.rowId, tenantId, createdAt, updatedAt, fieldHlcJson(shape, row), row.version];
  const values = row.values;
  for (let i = 0; i < plan.columns.length; i++) if (plan.columns[i] !== null) params.push(values[i] ?? null);
  if (plan.search) params.push(normalizeForSearch(plan.search.map((i) => String(values[i] ?? "")).join(" ")));
  // One statement for a row new to this desk (all of a first pull); a pulled row that cannot stand
  // on its own (a partial change) or is already here is updated; neither: the insert's error is raised.
  if (plan.insert.run(params).changes > 0) return;
  if (plan.update.run([...params.slice(3), row.rowId]).changes > 0) return;
  plan.strictInsert.run(params);
}
