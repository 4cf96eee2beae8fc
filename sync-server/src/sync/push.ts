import type { MutationResult, PushInput, PushOutput } from "../../../shared/sync/protocol";
import type { AuthSession } from "../accounts/authenticate";
import { isPgError, SQLSTATE } from "../db/pg-errors";
import { applyMutation } from "./apply-mutation";
import { accessOf } from "./mutation-access";
import type { BillingDeps } from "../billing/billing-deps";
import { studioPlan } from "../billing/studio-plan";

/** Serialization failures and deadlocks, and a row or mutation id raced in by a concurrent push. */
const RETRYABLE = new Set<string>([SQLSTATE.uniqueViolation, "40001", "40P01"]);
const ATTEMPTS = 3;

/**
 * Each mutation in its own transaction under the caller's tenant, in the order pushed (the outbox
 * order: a location before the rooms that reference it). One mutation's failure never undoes
 * another's; each gets its own result.
 */
export async function push(auth: AuthSession, input: PushInput, now: () => number, billing?: BillingDeps): Promise<PushOutput> {
  const results: MutationResult[] = [];
  const access = await accessOf(auth);
  const plan = await studioPlan(billing, auth.tenantId, now());
  for (const m of input.mutations) {
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
  return { results };
}
