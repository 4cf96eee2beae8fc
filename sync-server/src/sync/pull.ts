import type { PulledChange, PullOutput, SyncedEntity } from "../../../shared/sync/protocol";
import type { AuthSession } from "../accounts/authenticate";
import { ENTITY_TABLES } from "./entity-tables";
import { readExpression } from "./field-codec";

/**
 * One SELECT per synced table, merged by version in a UNION ALL: each branch uses the table's
 * (tenant_id, version) index, and the whole row goes out (tombstones too) in the desktop's column
 * form, so the client overwrites its server copy and re-applies its pending outbox on top.
 */
const UNION_SQL = (Object.entries(ENTITY_TABLES) as [SyncedEntity, NonNullable<(typeof ENTITY_TABLES)[SyncedEntity]>][])
  .map(([entity, def]) => {
    const pairs = Object.entries(def.fields).map(([field, spec]) => `'${field}', ${readExpression(spec)}`);
    return `(SELECT '${entity}' AS entity, id::text AS row_id, version, jsonb_build_object(${pairs.join(", ")}) AS fields, field_hlc,
              to_char(deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS deleted_at
       FROM ${def.table} WHERE tenant_id = $1 AND version > $2 ORDER BY version LIMIT $3)`;
  })
  .join("\nUNION ALL\n");

export async function pull(auth: AuthSession, input: { cursor: number; limit: number }): Promise<PullOutput> {
  const rows = await auth.inTenant(async (tx) => {
    const result = await tx.query<{ entity: SyncedEntity; row_id: string; version: string; fields: PulledChange["fields"]; field_hlc: Record<string, string>; deleted_at: string | null }>(
      `${UNION_SQL} ORDER BY version LIMIT $3`,
      [auth.tenantId, input.cursor, input.limit + 1],
    );
    return result.rows;
  });
  const hasMore = rows.length > input.limit;
  const changes = rows.slice(0, input.limit).map<PulledChange>((r) => ({
    entity: r.entity,
    rowId: r.row_id,
    version: Number(r.version),
    fields: r.fields,
    fieldHlc: r.field_hlc,
    deletedAt: r.deleted_at,
  }));
  return { changes, cursor: changes.at(-1)?.version ?? input.cursor, hasMore };
}
