import type { MutationResult, PushedMutation } from "../../../shared/sync/protocol";
import type { AuditEvent } from "../audit/audit-log";
import { beforeSql, changeEvent } from "../audit/change-audit";
import type pg from "pg";
import type { Tx } from "../db/with-tenant";
import { stampsOf, write, type ApplyContext, type Column } from "./apply-mutation";
import type { EntityTable } from "./entity-tables";

/** A mutation that passed every check made before a row is read: what remains is to merge it. */
export interface Candidate {
  index: number;
  m: PushedMutation;
  def: EntityTable;
  changes: Map<string, Column>;
}

type Current = { field_hlc: Record<string, string>; version: string; before: Record<string, unknown> };
type Write = { c: Candidate; winners: Map<string, Column>; current: Current | null };

/** What a segment decided: each candidate's result, the audit lines of its writes. */
export interface SegmentOutcome {
  results: { index: number; result: MutationResult }[];
  events: AuditEvent[];
}

/**
 * Candidates of one table naming distinct rows, in push order: their rows are read and locked by
 * one SELECT, then written in push order (consecutive creations as one multi-row INSERT, each
 * update as its own UPDATE, so triggers, numbering and constraints see the rows in the order the
 * one-by-one path gives them). Distinct rows make reading all of them first the same as reading
 * each just before its write. Any statement error is left to the caller, which rolls the whole
 * run back and decides it again in smaller runs, down to one mutation at a time (push.ts).
 */
export async function applySegment(tx: Tx, ctx: ApplyContext, segment: Candidate[]): Promise<SegmentOutcome> {
  const def = segment[0]!.def;
  const named = new Set(segment.flatMap((c) => [...c.changes.keys()]));
  const { rows } = await tx.query<Current & { id: string }>(
    `SELECT id::text AS id, field_hlc, version, ${beforeSql(def, named)} AS before FROM ${def.table} WHERE tenant_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE`,
    [ctx.tenantId, segment.map((c) => c.m.rowId)],
  );
  const stored = new Map(rows.map((r) => [r.id, r]));
  const out: SegmentOutcome = { results: [], events: [] };
  const writes: Write[] = [];
  for (const c of segment) {
    const current = stored.get(c.m.rowId.toLowerCase()) ?? null;
    // Per-field last-writer-wins, exactly as applyMutation decides it.
    const winners = new Map([...c.changes].filter(([field]) => !(current?.field_hlc[field] !== undefined && current.field_hlc[field]! >= c.m.hlc)));
    if (current && winners.size === 0) out.results.push({ index: c.index, result: { mutationId: c.m.mutationId, status: "applied", version: Number(current.version) } });
    else writes.push({ c, winners, current });
  }
  for (let from = 0; from < writes.length; ) {
    let to = from + 1;
    if (writes[from]!.current === null) while (to < writes.length && writes[to]!.current === null) to++;
    const run = writes.slice(from, to);
    const versions = run[0]!.current === null ? await insertRows(tx, ctx.tenantId, def, run) : [await updateRow(tx, ctx.tenantId, def, run[0]!)];
    run.forEach((w, i) => {
      out.results.push({ index: w.c.index, result: { mutationId: w.c.m.mutationId, status: "applied", version: versions[i]! } });
      out.events.push(changeEvent({ deviceId: ctx.deviceId, userId: ctx.access.userId }, w.c.m, w.current?.before ?? null, w.winners.keys(), "applied"));
    });
    from = to;
  }
  return out;
}

function updateRow(tx: Tx, tenantId: string, def: EntityTable, w: Write): Promise<number> {
  return write(tx, tenantId, def, w.c.m.rowId, true, w.winners, stampsOf(w.winners, w.c.m.hlc), w.c.m.hlc);
}

/**
 * New rows as one INSERT, in push order; returns each row's version, in the same order. When the
 * run's mutations name the same fields (the usual case: a desk creates whole rows), one array per
 * column; otherwise a VALUES row per mutation, where a column a mutation does not name takes its
 * DEFAULT, as the one-row INSERT that leaves it out would.
 */
async function insertRows(tx: Tx, tenantId: string, def: EntityTable, run: Write[]): Promise<number[]> {
  const columns = [...new Set(run.flatMap((w) => [...w.winners.values()].map((col) => col.column)))];
  const names = ["tenant_id", "id", "field_hlc", "updated_at", "created_at", ...columns].join(", ");
  const uniform = run.every((w) => w.winners.size === columns.length);
  const types = uniform ? await columnTypes(tx, def.table) : null;
  // An explicit cast to a length-limited type would truncate where the one-row INSERT refuses: those take VALUES.
  const typed = types !== null && columns.every((c) => types.has(c) && !types.get(c)!.includes("("));
  const { rows } = typed ? await insertColumns(tx, tenantId, def.table, run, columns.map((c) => [c, types.get(c)!]), names) : await insertValues(tx, tenantId, def, run, columns, names);
  const versions = new Map(rows.map((r) => [r.id, Number(r.version)]));
  return run.map((w) => versions.get(w.c.m.rowId.toLowerCase())!);
}

type Inserted = { id: string; version: string };
const stampsJson = (w: Write) => JSON.stringify(stampsOf(w.winners, w.c.m.hlc));

async function insertColumns(tx: Tx, tenantId: string, table: string, run: Write[], columns: [string, string][], names: string): Promise<pg.QueryResult<Inserted>> {
  const arrays = [
    { type: "uuid", values: run.map((w) => w.c.m.rowId) },
    { type: "jsonb", values: run.map(stampsJson) },
    { type: "text", values: run.map((w) => w.c.m.hlc) },
    ...columns.map(([column, type]) => ({ type, values: run.map((w) => [...w.winners.values()].find((col) => col.column === column)!.param) })),
  ];
  const aliases = arrays.map((_, i) => `c${i}`);
  return tx.query<Inserted>(
    `INSERT INTO ${table} (${names})
     SELECT $1, ${aliases.slice(0, 3).map((a) => `u.${a}`).join(", ")}, now()${aliases.slice(3).map((a) => `, u.${a}`).join("")}
       FROM unnest(${arrays.map((a, i) => `$${i + 2}::${a.type}[]`).join(", ")}) WITH ORDINALITY AS u(${aliases.join(", ")}, n)
      ORDER BY u.n
     RETURNING id::text AS id, version`,
    [tenantId, ...arrays.map((a) => a.values)],
  );
}

async function insertValues(tx: Tx, tenantId: string, def: EntityTable, run: Write[], columns: string[], names: string): Promise<pg.QueryResult<Inserted>> {
  const params: unknown[] = [tenantId];
  const slot = (value: unknown) => `$${params.push(value)}`;
  const tuples = run.map((w) => {
    const byColumn = new Map([...w.winners.values()].map((col) => [col.column, col.param]));
    const values = ["$1", slot(w.c.m.rowId), `${slot(stampsJson(w))}::jsonb`, slot(w.c.m.hlc), "now()", ...columns.map((column) => (byColumn.has(column) ? slot(byColumn.get(column)) : "DEFAULT"))];
    return `(${values.join(", ")})`;
  });
  return tx.query<Inserted>(`INSERT INTO ${def.table} (${names}) VALUES ${tuples.join(", ")} RETURNING id::text AS id, version`, params);
}

/** Column → SQL type of the synced tables, the same in every studio database (one schema, one migration list). */
const TYPES = new Map<string, ReadonlyMap<string, string>>();

async function columnTypes(tx: Tx, table: string): Promise<ReadonlyMap<string, string>> {
  const known = TYPES.get(table);
  if (known) return known;
  const { rows } = await tx.query<{ name: string; type: string }>(
    "SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped",
    [table],
  );
  const types = new Map(rows.map((r) => [r.name, r.type]));
  TYPES.set(table, types);
  return types;
}
