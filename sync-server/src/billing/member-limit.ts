import { limitRefusal } from "../../../shared/billing/limit-refusal";
import type { Tx } from "../db/with-tenant";
import { ServerError } from "../errors";
import type { StudioPlan } from "./studio-plan";
import { countMembers } from "./usage-counts";

/**
 * People are not pushed: they join through invitations. This is what the invitation code throws
 * (PLAN_LIMIT, with the limit and the plan lifting it in details) before adding one more member,
 * inside its primary-database transaction under the studio's context; null when there is room.
 */
export async function memberLimitRefusal(primaryTx: Tx, tenantId: string, plan: StudioPlan): Promise<ServerError | null> {
  if (plan.effective.access === "read_only") return new ServerError("PLAN_READ_ONLY", "The studio's subscription is unpaid past its grace period: pay it in Settings → Plan & billing to add people");
  if (plan.entitlements.maxUsers === null) return null;
  const hit = limitRefusal(plan.entitlements, { locations: 0, rooms: 0, bookingsThisMonth: 0, users: await countMembers(primaryTx, tenantId) }, "user");
  return hit && new ServerError("PLAN_LIMIT", hit.message, { limit: hit.limit, max: hit.max, used: hit.used, upgradeTo: hit.upgradeTo });
}
