import { ClockSkewError, decodeHlc, receiveHlc } from "../../../shared/hlc";
import type { MutationResult, PushedMutation } from "../../../shared/sync/protocol";
import type { AuditEvent } from "../audit/audit-log";
import { recordChanges } from "../audit/change-audit";
import { PLAN_LOOKUP, planRefusalWithoutLookup } from "../billing/plan-refusal";
import type { StudioPlan } from "../billing/studio-plan";
import type { Tx } from "../db/with-tenant";
import type { ApplyContext } from "./apply-mutation";
import { applySegment, type Candidate } from "./batch-write";
import { ENTITY_TABLES } from "./entity-tables";
import { encodeChanges, FieldError } from "./field-codec";
import { LOOKUP, refusalWithoutLookup, type MutationAccess } from "./mutation-access";
import { recordOutcomes, storedOutcomes } from "./stored-outcome";

type Early = { result: MutationResult; record: boolean } | { candidate: Candidate } | "one-by-one";

/**
 * What applyMutation decides before it reads the row, in its order, without a query: the clock
 * bound and an unknown entity (not recorded), the caller's access (recorded), the plan (not
 * recorded), the fields' validation (recorded). "one-by-one" when a check needs the database.
 */
function precheck(ctx: ApplyContext, m: PushedMutation, index: number): Early {
  try {
    receiveHlc({ wallMs: ctx.nowMs, counter: 0, node: "server" }, decodeHlc(m.hlc), ctx.nowMs);
  } catch (err) {
    if (err instanceof ClockSkewError) return { result: { mutationId: m.mutationId, status: "rejected", code: "CLOCK_SKEW", message: err.message }, record: false };
    throw err;
  }
  const def = ENTITY_TABLES[m.entity];
  if (!def) return { result: { mutationId: m.mutationId, status: "rejected", code: "VALIDATION_FAILED", message: `${m.entity} does not sync yet` }, record: false };
  const refused = refusalWithoutLookup(ctx.tenantId, ctx.access, m);
  if (refused === LOOKUP) return "one-by-one";
  if (refused) return { result: refused, record: true };
  const overPlan = planRefusalWithoutLookup(ctx.plan, m);
  if (overPlan === PLAN_LOOKUP) return "one-by-one";
  if (overPlan) return { result: overPlan, record: false };
  try {
    return { candidate: { index, m, def, changes: encodeChanges(def.fields, m.changes) } };
  } catch (err) {
    if (err instanceof FieldError) return { result: { mutationId: m.mutationId, status: "rejected", code: "VALIDATION_FAILED", message: err.message }, record: true };
    throw err;
  }
}

/**
 * Whether a mutation's checks need the database (a location-scoped role, a plan limit to count):
 * push decides it alone, with applyMutation. In memory, whatever the mutation's stored outcome.
 */
export function needsOneByOne(tenantId: string, access: MutationAccess, plan: StudioPlan, m: PushedMutation): boolean {
  const refused = refusalWithoutLookup(tenantId, access, m);
  if (refused === LOOKUP) return true;
  return refused === null && ENTITY_TABLES[m.entity] !== undefined && planRefusalWithoutLookup(plan, m) === PLAN_LOOKUP;
}

/** Consecutive candidates of one table naming distinct rows (batch-write.ts applySegment). */
function segmentsOf(candidates: Candidate[]): Candidate[][] {
  const segments: Candidate[][] = [];
  let rows = new Set<string>();
  for (const c of candidates) {
    const last = segments[segments.length - 1];
    const row = c.m.rowId.toLowerCase();
    if (last && last[0]!.def === c.def && !rows.has(row)) {
      last.push(c);
    } else {
      segments.push([c]);
      rows = new Set();
    }
    rows.add(row);
  }
  return segments;
}

/**
 * A run of pushed mutations decided set-wise in the caller's one transaction, with the results
 * applyMutation would give one mutation after another: stored outcomes read with one query, the
 * checks made in memory, rows read and locked per segment, new rows written by multi-row INSERTs,
 * the outcomes and audit lines written by one INSERT each. Null, with nothing written, when a
 * mutation needs a check this path does not make (push.ts keeps those out of runs: needsOneByOne)
 * or the run names one mutation twice. A statement that fails (a booking overlap, a foreign key, a
 * concurrent push's row) throws: the caller rolls the run back and decides it in smaller runs.
 */
export async function applyBatch(tx: Tx, ctx: ApplyContext, mutations: PushedMutation[]): Promise<MutationResult[] | null> {
  const ids = mutations.map((m) => m.mutationId.toLowerCase());
  if (new Set(ids).size !== ids.length) return null;
  const stored = await storedOutcomes(tx, ctx.tenantId, ids);
  const results: (MutationResult | undefined)[] = new Array(mutations.length);
  const record = new Set<number>();
  const candidates: Candidate[] = [];
  for (const [index, m] of mutations.entries()) {
    const replayed = stored.get(ids[index]!);
    if (replayed) {
      results[index] = { ...replayed, mutationId: m.mutationId };
      continue;
    }
    const early = precheck(ctx, m, index);
    if (early === "one-by-one") return null;
    if ("candidate" in early) {
      candidates.push(early.candidate);
      record.add(index);
    } else {
      results[index] = early.result;
      if (early.record) record.add(index);
    }
  }
  const events: AuditEvent[] = [];
  for (const segment of segmentsOf(candidates)) {
    const decided = await applySegment(tx, ctx, segment);
    for (const { index, result } of decided.results) results[index] = result;
    events.push(...decided.events);
  }
  await recordChanges(tx, ctx.tenantId, ctx.nowMs, events);
  await recordOutcomes(tx, ctx.tenantId, ctx.deviceId, [...record].sort((a, b) => a - b).map((i) => ({ m: mutations[i]!, result: results[i]! })), ctx.nowMs);
  return results.map((r, i) => {
    if (!r) throw new Error(`push batch: mutation ${mutations[i]!.mutationId} was left undecided`);
    return r;
  });
}
