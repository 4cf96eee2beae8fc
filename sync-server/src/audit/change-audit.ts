import type { PushedMutation } from "../../../shared/sync/protocol";
import type { Tx } from "../db/with-tenant";
import type { EntityTable } from "../sync/entity-tables";
import { readExpression } from "../sync/field-codec";
import { uuidv7 } from "../../../shared/ids";
import { recordAudit, type AuditEvent } from "./audit-log";

/**
 * SQL giving the stored values of the fields a mutation names, in the desktop's column form, so
 * the audit log's "before" is read by the row lock's own SELECT rather than by another query.
 */
export function beforeSql(def: EntityTable, fields: Iterable<string>): string {
  const pairs = [...fields].flatMap((f) => (def.fields[f] ? [`'${f}', ${readExpression(def.fields[f])}`] : []));
  return pairs.length === 0 ? "'{}'::jsonb" : `jsonb_build_object(${pairs.join(", ")})`;
}

const pick = (from: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.map((f) => [f, from[f] ?? null]));

type ChangeContext = { tenantId: string; deviceId: string; nowMs: number; userId: string };

/** Who changed what (only the fields written), from which device, at which HLC. */
export function changeEvent(
  ctx: Omit<ChangeContext, "tenantId" | "nowMs">,
  m: PushedMutation,
  before: Record<string, unknown> | null,
  written: Iterable<string>,
  outcome: "applied" | "conflict",
): AuditEvent {
  const fields = [...written];
  const deleted = typeof m.changes["deletedAt"] === "string" && fields.includes("deletedAt");
  const action = outcome === "conflict" ? "conflict" : before === null ? "insert" : deleted ? "delete" : "update";
  return {
    kind: "change",
    action,
    userId: ctx.userId,
    deviceId: ctx.deviceId,
    entity: m.entity,
    rowId: m.rowId,
    hlc: m.hlc,
    before: before === null ? null : pick(before, fields),
    after: pick(m.changes, fields),
  };
}

export async function recordChange(
  tx: Tx,
  ctx: ChangeContext,
  m: PushedMutation,
  before: Record<string, unknown> | null,
  written: Iterable<string>,
  outcome: "applied" | "conflict",
): Promise<void> {
  await recordAudit(tx, ctx.tenantId, ctx.nowMs, changeEvent(ctx, m, before, written, outcome));
}

const json = (v: Record<string, unknown> | null | undefined) => (v == null ? null : JSON.stringify(v));

/**
 * Many changes in one statement (a pushed batch's), as recordAudit writes each: same columns, same
 * values, inserted in the order given (seq orders the events of one millisecond). One array per
 * column rather than a parameter per value: the statement stays small whatever the batch.
 */
export async function recordChanges(tx: Tx, tenantId: string, nowMs: number, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const column = <T>(f: (e: AuditEvent) => T) => events.map(f);
  await tx.query(
    `INSERT INTO audit_events (tenant_id, id, at, user_id, device_id, kind, action, entity, row_id, hlc, before, after, ip, details)
     SELECT $1, e.id, $2, e.user_id, e.device_id, e.kind, e.action, e.entity, e.row_id, e.hlc, e.before, e.after, e.ip, e.details
       FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[], $13::text[], $14::jsonb[])
            WITH ORDINALITY AS e(id, user_id, device_id, kind, action, entity, row_id, hlc, before, after, ip, details, n)
      ORDER BY e.n`,
    [
      tenantId,
      new Date(nowMs),
      column(() => uuidv7(nowMs)),
      column((e) => e.userId ?? null),
      column((e) => e.deviceId ?? null),
      column((e) => e.kind),
      column((e) => e.action),
      column((e) => e.entity ?? null),
      column((e) => e.rowId ?? null),
      column((e) => e.hlc ?? null),
      column((e) => json(e.before)),
      column((e) => json(e.after)),
      column((e) => e.ip ?? null),
      column((e) => json(e.details)),
    ],
  );
}
