import { ClockSkewError, decodeHlc, encodeHlc, receiveHlc } from "../../../shared/hlc";
import type { MutationResult, PushedMutation } from "../../../shared/sync/protocol";
import { isPgError, SQLSTATE } from "../db/pg-errors";
import type { Tx } from "../db/with-tenant";
import { beforeSql, recordChange } from "../audit/change-audit";
import { overlappingBookings } from "./booking-conflict";
import { ENTITY_TABLES, type EntityTable } from "./entity-tables";
import { encodeChanges, FieldError } from "./field-codec";
import { planRefusal } from "../billing/plan-refusal";
import type { StudioPlan } from "../billing/studio-plan";
import { refuseMutation, type MutationAccess } from "./mutation-access";
import { recordOutcome, storedOutcome } from "./stored-outcome";

export interface ApplyContext {
  tenantId: string;
  deviceId: string;
  nowMs: number;
  /** The caller's role and permitted locations (mutation-access.ts). */
  access: MutationAccess;
  /** The studio's plan, read once per push: its limits refuse creations past them. */
  plan: StudioPlan;
}

export type Column = { column: string; param: unknown };

/**
 * One pushed mutation, inside the caller's tenant transaction (RLS: another studio's rows are
 * invisible, so a row id taken in studio B is simply a new row of A's, never B's row).
 *
 * Per-field last-writer-wins: a field is written only when the mutation's HLC is newer than the
 * field's stored stamp (field_hlc); older fields are skipped and the mutation still counts as
 * applied, since the row already holds a later write of them. A mutation of a row the server has
 * not seen inserts it, whatever its op, so an update that arrives before its insert's replay (or
 * after the server lost nothing) is not an error, provided it carries the required fields.
 */
export async function applyMutation(tx: Tx, ctx: ApplyContext, m: PushedMutation): Promise<MutationResult> {
  const stored = await storedOutcome(tx, ctx.tenantId, m.mutationId);
  if (stored) return stored;

  // The stamp bound is checked before anything is written; not recorded, so the same mutation
  // goes through once the device's clock is fixed (or time catches up with it).
  let serverStamp: string;
  try {
    serverStamp = encodeHlc(receiveHlc({ wallMs: ctx.nowMs, counter: 0, node: "server" }, decodeHlc(m.hlc), ctx.nowMs));
  } catch (err) {
    if (err instanceof ClockSkewError) return { mutationId: m.mutationId, status: "rejected", code: "CLOCK_SKEW", message: err.message };
    throw err;
  }

  const def = ENTITY_TABLES[m.entity];
  // Not recorded either: a later server that syncs this entity must still accept it.
  if (!def) return { mutationId: m.mutationId, status: "rejected", code: "VALIDATION_FAILED", message: `${m.entity} does not sync yet` };

  const refused = await refuseMutation(tx, ctx.tenantId, def.table, ctx.access, m);
  if (!refused) {
    // Not recorded: the same change goes through once the studio upgrades or pays.
    const overPlan = await planRefusal(tx, ctx.tenantId, def.table, ctx.plan, m);
    if (overPlan) return overPlan;
  }
  const result = refused ?? (await decide(tx, ctx, def, m, serverStamp));
  await recordOutcome(tx, ctx.tenantId, ctx.deviceId, m, result, ctx.nowMs);
  return result;
}

async function decide(tx: Tx, ctx: ApplyContext, def: EntityTable, m: PushedMutation, serverStamp: string): Promise<MutationResult> {
  let changes: Map<string, Column>;
  try {
    changes = encodeChanges(def.fields, m.changes);
  } catch (err) {
    if (err instanceof FieldError) return { mutationId: m.mutationId, status: "rejected", code: "VALIDATION_FAILED", message: err.message };
    throw err;
  }

  // `before`: the named fields' stored values, for the audit log, read by the same locking SELECT.
  const { rows } = await tx.query<{ field_hlc: Record<string, string>; version: string; before: Record<string, unknown> }>(
    `SELECT field_hlc, version, ${beforeSql(def, changes.keys())} AS before FROM ${def.table} WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [ctx.tenantId, m.rowId],
  );
  const current = rows[0] ?? null;
  const winners = new Map([...changes].filter(([field]) => !(current?.field_hlc[field] !== undefined && current.field_hlc[field]! >= m.hlc)));
  if (current && winners.size === 0) return { mutationId: m.mutationId, status: "applied", version: Number(current.version) };

  await tx.query("SAVEPOINT rsm_mutation");
  try {
    const version = await write(tx, ctx.tenantId, def, m.rowId, current !== null, winners, stampsOf(winners, m.hlc), m.hlc);
    await tx.query("RELEASE SAVEPOINT rsm_mutation");
    await recordChange(tx, { ...ctx, userId: ctx.access.userId }, m, current?.before ?? null, winners.keys(), "applied");
    return { mutationId: m.mutationId, status: "applied", version };
  } catch (err) {
    await tx.query("ROLLBACK TO SAVEPOINT rsm_mutation");
    if (m.entity === "booking" && isPgError(err, SQLSTATE.exclusionViolation)) {
      const kept = await keepAsConflict(tx, ctx.tenantId, def, m, current, winners, serverStamp, err.constraint);
      await recordChange(tx, { ...ctx, userId: ctx.access.userId }, m, current?.before ?? null, winners.keys(), "conflict");
      return kept;
    }
    // A check, foreign key or not-null refusal: deterministic, so recorded as rejected. A row id
    // raced in by a concurrent push (unique violation) is not: the caller retries the mutation.
    if (isPgError(err) && (err.code.startsWith("23") || err.code.startsWith("22")) && err.code !== SQLSTATE.uniqueViolation) {
      return { mutationId: m.mutationId, status: "rejected", code: "VALIDATION_FAILED", message: err.message };
    }
    throw err;
  }
}

/**
 * The booking collides with an active booking of one of its rooms or people (the exclusion
 * constraint of migration 004). It is never dropped: it is stored with status "conflict", which
 * holds nothing, so the constraint lets it in, and every device pulls it into its conflicts inbox.
 * The status is stamped with a server HLC later than the mutation's, so it beats the device's own
 * pending "confirmed" under last-writer-wins everywhere, while a later resolution (move, swap room,
 * cancel) made by a person still beats it.
 */
async function keepAsConflict(
  tx: Tx,
  tenantId: string,
  def: EntityTable,
  m: PushedMutation,
  current: { field_hlc: Record<string, string> } | null,
  winners: Map<string, Column>,
  serverStamp: string,
  constraint: string | undefined,
): Promise<MutationResult> {
  const fields = new Map(winners);
  fields.set("status", { column: "status", param: "conflict" });
  const stamps = stampsOf(winners, m.hlc);
  const storedStatusStamp = current?.field_hlc["status"];
  stamps["status"] = storedStatusStamp !== undefined && storedStatusStamp > serverStamp ? storedStatusStamp : serverStamp;
  const version = await write(tx, tenantId, def, m.rowId, current !== null, fields, stamps, m.hlc);
  const { rows } = await tx.query<{ room_ids: string[]; staff_ids: string[]; occupied_from: Date; occupied_until: Date }>(
    "SELECT room_ids, staff_ids, occupied_from, occupied_until FROM bookings WHERE tenant_id = $1 AND id = $2",
    [tenantId, m.rowId],
  );
  const b = rows[0]!;
  const span = { from: b.occupied_from.toISOString(), until: b.occupied_until.toISOString() };
  const collisions = await overlappingBookings(tx, tenantId, m.rowId, span, b.room_ids, b.staff_ids);
  return {
    mutationId: m.mutationId,
    status: "conflict",
    version,
    details: { reason: "BOOKING_OVERLAP", bookingId: m.rowId, storedStatus: "conflict", constraint: constraint ?? null, collisions },
  };
}

export function stampsOf(fields: Map<string, Column>, hlc: string): Record<string, string> {
  return Object.fromEntries([...fields.keys()].map((f) => [f, hlc]));
}

/** Inserts or updates the given columns, merging their stamps into field_hlc; returns the new version. */
export async function write(
  tx: Tx,
  tenantId: string,
  def: EntityTable,
  rowId: string,
  exists: boolean,
  fields: Map<string, Column>,
  stamps: Record<string, string>,
  hlc: string,
): Promise<number> {
  const cols = [...fields.values()];
  if (exists) {
    const sets = cols.map((c, i) => `${c.column} = $${i + 5}`);
    const { rows } = await tx.query<{ version: string }>(
      `UPDATE ${def.table} SET ${[...sets, "field_hlc = field_hlc || $3::jsonb", "updated_at = GREATEST(updated_at, $4)"].join(", ")}
        WHERE tenant_id = $1 AND id = $2 RETURNING version`,
      [tenantId, rowId, JSON.stringify(stamps), hlc, ...cols.map((c) => c.param)],
    );
    return Number(rows[0]!.version);
  }
  const names = ["tenant_id", "id", "field_hlc", "updated_at", "created_at", ...cols.map((c) => c.column)];
  const values = ["$1", "$2", "$3::jsonb", "$4", "now()", ...cols.map((_, i) => `$${i + 5}`)];
  const { rows } = await tx.query<{ version: string }>(
    `INSERT INTO ${def.table} (${names.join(", ")}) VALUES (${values.join(", ")}) RETURNING version`,
    [tenantId, rowId, JSON.stringify(stamps), hlc, ...cols.map((c) => c.param)],
  );
  return Number(rows[0]!.version);
}
