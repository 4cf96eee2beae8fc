import type { MutationResult, PushedMutation, PushInput, PushOutput } from "../../../shared/sync/protocol";
import type { AuthSession } from "../accounts/authenticate";
import { isPgError, SQLSTATE } from "../db/pg-errors";
import { applyMutation } from "./apply-mutation";
import { accessOf, type MutationAccess } from "./mutation-access";
import type { BillingDeps } from "../billing/billing-deps";
import { studioPlan, type StudioPlan } from "../billing/studio-plan";
import { applyBatch, needsOneByOne } from "./push-batch";

/** Serialization failures and deadlocks, and a row or mutation id raced in by a concurrent push. */
const RETRYABLE = new Set<string>([SQLSTATE.uniqueViolation, "40001", "40P01"]);
const ATTEMPTS = 3;

/** Mutations per batch transaction at most: a whole push (MAX_PUSH_MUTATIONS) keeps the statements few. */
const BATCH = 500;
/** A failed batch is halved down to this size, then decided one mutation at a time. */
const SMALLEST_BATCH = 8;

type Decide = { auth: AuthSession; now: () => number; access: MutationAccess; plan: StudioPlan };

/**
 * In the order pushed (the outbox order: a location before the rooms that reference it), each
 * mutation decided as applyMutation decides it, one mutation per transaction, so that one
 * mutation's failure never undoes another's. Runs of mutations are decided set-wise, a run per
 * transaction (push-batch.ts), which gives the same results: a run stops before a mutation whose
 * checks need the database (a location-scoped role, a plan limit to count), which goes alone, and
 * a run whose statements fail (a booking overlap, a foreign key, a concurrent push) is rolled back
 * whole and tried again in halves, then one mutation at a time: committing a run's first half
 * before its second is what the one-by-one order does too.
 */
export async function push(auth: AuthSession, input: PushInput, now: () => number, billing?: BillingDeps): Promise<PushOutput> {
  const d: Decide = { auth, now, access: await accessOf(auth), plan: await studioPlan(billing, auth.tenantId, now()) };
  const ms = input.mutations;
  const results: MutationResult[] = [];
  for (let from = 0; from < ms.length; ) {
    const alone = (m: PushedMutation) => needsOneByOne(auth.tenantId, d.access, d.plan, m);
    if (alone(ms[from]!)) {
      results.push(...(await oneByOne(d, [ms[from]!])));
      from++;
      continue;
    }
    // A mutation id twice in one run: the second must find the first's outcome, so it starts the next run.
    const ids = new Set<string>();
    let to = from;
    while (to < ms.length && to - from < BATCH && !alone(ms[to]!) && !ids.has(ms[to]!.mutationId.toLowerCase())) ids.add(ms[to++]!.mutationId.toLowerCase());
    results.push(...(await inRuns(d, ms.slice(from, to))));
    from = to;
  }
  return { results };
}

async function inRuns(d: Decide, run: PushedMutation[]): Promise<MutationResult[]> {
  const decided = await inOneTransaction(d, run);
  if (decided) return decided;
  if (run.length <= SMALLEST_BATCH) return oneByOne(d, run);
  const half = Math.ceil(run.length / 2);
  return [...(await inRuns(d, run.slice(0, half))), ...(await inRuns(d, run.slice(half)))];
}

async function inOneTransaction({ auth, now, access, plan }: Decide, run: PushedMutation[]): Promise<MutationResult[] | null> {
  try {
    return await auth.inTenant((tx) => applyBatch(tx, { tenantId: auth.tenantId, deviceId: auth.deviceId, nowMs: now(), access, plan }, run));
  } catch (err) {
    // Rolled back: nothing of the run stays.
    if (isPgError(err)) return null;
    throw err;
  }
}

async function oneByOne({ auth, now, access, plan }: Decide, chunk: PushedMutation[]): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const m of chunk) {
    for (let attempt = 1; ; attempt++) {
      try {
        results.push(await auth.inTenant((tx) => applyMutation(tx, { tenantId: auth.tenantId, deviceId: auth.deviceId, nowMs: now(), access, plan }, m)));
        break;
      } catch (err) {
        // On retry the winner's outcome is found in applied_mutations, or its row is there to merge into.
        if (attempt < ATTEMPTS && isPgError(err) && RETRYABLE.has(err.code)) continue;
        throw err;
      }
    }
  }
  return results;
}
