import type { PushedMutation } from "../../../shared/sync/protocol";
import type { Tx } from "../db/with-tenant";
import type { EntityTable } from "../sync/entity-tables";
import { readExpression } from "../sync/field-codec";
import { recordAudit } from "./audit-log";

/**
 * SQL giving the stored values of the fields a mutation names, in the desktop's column form, so
 * the audit log's "before" is read by the row lock's own SELECT rather than by another query.
 */
export function beforeSql(def: EntityTable, fields: Iterable<string>): string {
  const pairs = [...fields].flatMap((f) => (def.fields[f] ? [`'${f}', ${readExpression(def.fields[f])}`] : []));
  return pairs.length === 0 ? "'{}'::jsonb" : `jsonb_build_object(${pairs.join(", ")})`;
}

const pick = (from: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.map((f) => [f, from[f] ?? null]));

/** Who changed what (only the fields written), from which device, at which HLC. */
export async function recordChange(
  tx: Tx,
  ctx: { tenantId: string; deviceId: string; nowMs: number; userId: string },
  m: PushedMutation,
  before: Record<string, unknown> | null,
  written: Iterable<string>,
  outcome: "applied" | "conflict",
): Promise<void> {
  const fields = [...written];
  const deleted = typeof m.changes["deletedAt"] === "string" && fields.includes("deletedAt");
  const action = outcome === "conflict" ? "conflict" : before === null ? "insert" : deleted ? "delete" : "update";
  await recordAudit(tx, ctx.tenantId, ctx.nowMs, {
    kind: "change",
    action,
    userId: ctx.userId,
    deviceId: ctx.deviceId,
    entity: m.entity,
    rowId: m.rowId,
    hlc: m.hlc,
    before: before === null ? null : pick(before, fields),
    after: pick(m.changes, fields),
  });
}
