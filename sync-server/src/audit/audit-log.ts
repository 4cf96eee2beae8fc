import { uuidv7 } from "../../../shared/ids";
import type { AccountsDeps } from "../accounts/accounts-deps";
import { withTenant, type Tx } from "../db/with-tenant";

/** One line of a studio's audit log (migration 007): a change to its data, or a security event. */
export interface AuditEvent {
  kind: "change" | "security";
  /** change: insert / update / delete / conflict; security: login.ok, member.removed, … */
  action: string;
  userId?: string | null;
  deviceId?: string | null;
  entity?: string | null;
  rowId?: string | null;
  /** The mutation's HLC, for a change. */
  hlc?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

const json = (v: Record<string, unknown> | null | undefined) => (v == null ? null : JSON.stringify(v));

/** Appends an event in the caller's transaction (a change is logged if and only if it commits). */
export async function recordAudit(tx: Tx, tenantId: string, nowMs: number, e: AuditEvent): Promise<void> {
  await tx.query(
    `INSERT INTO audit_events (tenant_id, id, at, user_id, device_id, kind, action, entity, row_id, hlc, before, after, ip, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [tenantId, uuidv7(nowMs), new Date(nowMs), e.userId ?? null, e.deviceId ?? null, e.kind, e.action, e.entity ?? null, e.rowId ?? null, e.hlc ?? null, json(e.before), json(e.after), e.ip ?? null, json(e.details)],
  );
}

/** A security event in its own transaction, in the database that holds the studio's data. */
export async function recordSecurityEvent(deps: AccountsDeps, tenantId: string, e: Omit<AuditEvent, "kind">): Promise<void> {
  const pool = await deps.databases.forTenant(tenantId);
  await withTenant(pool, tenantId, (tx) => recordAudit(tx, tenantId, deps.now(), { ...e, kind: "security" }));
}
