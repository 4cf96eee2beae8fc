import { LIMIT_OF, limitRefusal } from "../../../shared/billing/limit-refusal";
import type { PlanUsage } from "../../../shared/billing/usage";
import type { MutationResult, PushedMutation, SyncedEntity } from "../../../shared/sync/protocol";
import type { Tx } from "../db/with-tenant";
import type { StudioPlan } from "./studio-plan";
import { countCreations, type CountedCreation } from "./usage-counts";

/** The synced entities a plan limits, and the limit each counts against. */
const LIMITED: Partial<Record<SyncedEntity, CountedCreation>> = { location: "location", room: "room", booking: "booking" };

const NO_USAGE: PlanUsage = { locations: 0, rooms: 0, users: 0, bookingsThisMonth: 0 };

/**
 * The plan's refusal of a pushed mutation, or null. Read-only (past due beyond its grace) refuses
 * every change; otherwise only a creation (a row the server does not hold yet) is checked, against
 * the studio's count now, so a studio over its limits after a downgrade keeps and edits every row
 * but adds none. Runs inside the mutation's tenant transaction, in the studio's data database.
 */
export async function planRefusal(tx: Tx, tenantId: string, table: string, plan: StudioPlan, m: Pick<PushedMutation, "mutationId" | "entity" | "rowId" | "changes">): Promise<MutationResult | null> {
  const early = planRefusalWithoutLookup(plan, m);
  if (early !== PLAN_LOOKUP) return early;
  const kind = LIMITED[m.entity]!;
  const { rowCount } = await tx.query(`SELECT 1 FROM ${table} WHERE tenant_id = $1 AND id = $2`, [tenantId, m.rowId]);
  if (rowCount) return null;
  const used = await countCreations(tx, tenantId, kind, plan.nowMs);
  const hit = limitRefusal(plan.entitlements, { ...NO_USAGE, [LIMIT_OF[kind].used]: used }, kind);
  return hit ? { mutationId: m.mutationId, status: "rejected", code: "PLAN_LIMIT", message: hit.message } : null;
}

/** planRefusalWithoutLookup's answer when the decision needs the studio's stored rows. */
export const PLAN_LOOKUP = "lookup";

/**
 * What planRefusal decides without a query: read-only refuses everything; a change that is not a
 * limited creation, or a creation the plan does not limit, passes; PLAN_LOOKUP when the row's
 * existence and the studio's count decide it.
 */
export function planRefusalWithoutLookup(plan: StudioPlan, m: Pick<PushedMutation, "mutationId" | "entity" | "changes">): MutationResult | null | typeof PLAN_LOOKUP {
  if (plan.effective.access === "read_only") {
    return {
      mutationId: m.mutationId,
      status: "rejected",
      code: "PLAN_READ_ONLY",
      message: "The studio's subscription is unpaid past its grace period: nothing can be added or changed until it is paid in Settings → Plan & billing (nothing was deleted)",
    };
  }
  const kind = LIMITED[m.entity];
  // A tombstone takes no place.
  if (!kind || (typeof m.changes["deletedAt"] === "string" && m.changes["deletedAt"] !== "")) return null;
  // Unlimited on this plan: no query at all (the common case for paying studios).
  if (plan.entitlements[LIMIT_OF[kind].limit] === null) return null;
  return PLAN_LOOKUP;
}
