import type { MutationResult, PushedMutation } from "../../../shared/sync/protocol";
import type { AppErrorCode } from "../../../shared/errors";
import type { Tx } from "../db/with-tenant";

/**
 * applied_mutations: the outcome of every mutation the server decided, once. A replayed push finds
 * it here and gets the same answer without touching any row.
 */
export async function storedOutcome(tx: Tx, tenantId: string, mutationId: string): Promise<MutationResult | null> {
  const { rows } = await tx.query<{ outcome: MutationResult["status"]; version: string | null; detail: Record<string, unknown> | null }>(
    "SELECT outcome, version, detail FROM applied_mutations WHERE tenant_id = $1 AND mutation_id = $2",
    [tenantId, mutationId],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.outcome === "applied") return { mutationId, status: "applied", version: Number(row.version) };
  if (row.outcome === "conflict") return { mutationId, status: "conflict", version: Number(row.version), details: row.detail ?? {} };
  const detail = (row.detail ?? {}) as { code?: AppErrorCode; message?: string };
  return { mutationId, status: "rejected", code: detail.code ?? "VALIDATION_FAILED", message: detail.message ?? "" };
}

export async function recordOutcome(tx: Tx, tenantId: string, deviceId: string, m: PushedMutation, result: MutationResult, nowMs: number): Promise<void> {
  const version = result.status === "rejected" ? null : result.version;
  const detail = result.status === "rejected" ? { code: result.code, message: result.message } : result.status === "conflict" ? result.details : null;
  await tx.query(
    `INSERT INTO applied_mutations (tenant_id, mutation_id, device_id, entity, row_id, outcome, version, detail, applied_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [tenantId, m.mutationId, deviceId, m.entity, m.rowId, result.status, version, detail === null ? null : JSON.stringify(detail), new Date(nowMs)],
  );
}
