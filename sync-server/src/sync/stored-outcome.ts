import type { MutationResult, PushedMutation } from "../../../shared/sync/protocol";
import type { AppErrorCode } from "../../../shared/errors";
import type { Tx } from "../db/with-tenant";

type OutcomeRow = { outcome: MutationResult["status"]; version: string | null; detail: Record<string, unknown> | null };

function outcomeOf(mutationId: string, row: OutcomeRow): MutationResult {
  if (row.outcome === "applied") return { mutationId, status: "applied", version: Number(row.version) };
  if (row.outcome === "conflict") return { mutationId, status: "conflict", version: Number(row.version), details: row.detail ?? {} };
  const detail = (row.detail ?? {}) as { code?: AppErrorCode; message?: string };
  return { mutationId, status: "rejected", code: detail.code ?? "VALIDATION_FAILED", message: detail.message ?? "" };
}

/**
 * applied_mutations: the outcome of every mutation the server decided, once. A replayed push finds
 * it here and gets the same answer without touching any row.
 */
export async function storedOutcome(tx: Tx, tenantId: string, mutationId: string): Promise<MutationResult | null> {
  const { rows } = await tx.query<OutcomeRow>("SELECT outcome, version, detail FROM applied_mutations WHERE tenant_id = $1 AND mutation_id = $2", [tenantId, mutationId]);
  return rows[0] ? outcomeOf(mutationId, rows[0]) : null;
}

/** The stored outcomes of a whole pushed batch, by mutation id (lower case, as Postgres prints a uuid), in one query. */
export async function storedOutcomes(tx: Tx, tenantId: string, mutationIds: string[]): Promise<Map<string, MutationResult>> {
  const { rows } = await tx.query<OutcomeRow & { mutation_id: string }>(
    "SELECT mutation_id::text AS mutation_id, outcome, version, detail FROM applied_mutations WHERE tenant_id = $1 AND mutation_id = ANY($2::uuid[])",
    [tenantId, mutationIds],
  );
  return new Map(rows.map((r) => [r.mutation_id, outcomeOf(r.mutation_id, r)]));
}

function outcomeParams(tenantId: string, deviceId: string, m: PushedMutation, result: MutationResult, nowMs: number): unknown[] {
  const version = result.status === "rejected" ? null : result.version;
  const detail = result.status === "rejected" ? { code: result.code, message: result.message } : result.status === "conflict" ? result.details : null;
  return [tenantId, m.mutationId, deviceId, m.entity, m.rowId, result.status, version, detail === null ? null : JSON.stringify(detail), new Date(nowMs)];
}

const INSERT_OUTCOMES = "INSERT INTO applied_mutations (tenant_id, mutation_id, device_id, entity, row_id, outcome, version, detail, applied_at) VALUES ";

export async function recordOutcome(tx: Tx, tenantId: string, deviceId: string, m: PushedMutation, result: MutationResult, nowMs: number): Promise<void> {
  await tx.query(`${INSERT_OUTCOMES}($1, $2, $3, $4, $5, $6, $7, $8, $9)`, outcomeParams(tenantId, deviceId, m, result, nowMs));
}

/** recordOutcome for many mutations in one statement, one array per column. */
export async function recordOutcomes(tx: Tx, tenantId: string, deviceId: string, decided: { m: PushedMutation; result: MutationResult }[], nowMs: number): Promise<void> {
  if (decided.length === 0) return;
  const rows = decided.map(({ m, result }) => outcomeParams(tenantId, deviceId, m, result, nowMs));
  const column = (i: number) => rows.map((r) => r[i]);
  await tx.query(
    `INSERT INTO applied_mutations (tenant_id, mutation_id, device_id, entity, row_id, outcome, version, detail, applied_at)
     SELECT $1, o.mutation_id, $2, o.entity, o.row_id, o.outcome, o.version, o.detail, $3
       FROM unnest($4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::bigint[], $9::jsonb[]) AS o(mutation_id, entity, row_id, outcome, version, detail)`,
    [tenantId, deviceId, new Date(nowMs), column(1), column(3), column(4), column(5), column(6), column(7)],
  );
}
