import type { BillingState } from "../../../shared/billing/billing-state";
import { effectivePlan, type EffectivePlan } from "../../../shared/billing/effective-plan";
import { entitlementsOf, type Entitlements } from "../../../shared/billing/entitlements";
import { withTenant } from "../db/with-tenant";
import { DEFAULT_PLAN_WITHOUT_BILLING } from "../runtime/billing-config";
import type { BillingDeps } from "./billing-deps";
import { readBillingState } from "./subscription-store";

/** A studio's plan now: what it is decided from, the plan and access it gives, and that plan's limits. */
export interface StudioPlan {
  state: BillingState;
  effective: EffectivePlan;
  entitlements: Entitlements;
  /** The server's clock when it was decided. */
  nowMs: number;
}

/**
 * Read once per request (a push, billing.status). A server started without billing services
 * (tests of other features, tools) counts as billing off on the default plan.
 */
export async function studioPlan(deps: BillingDeps | undefined, tenantId: string, nowMs: number = deps?.now() ?? Date.now()): Promise<StudioPlan> {
  const state: BillingState =
    deps?.stripe ? await withTenant(deps.databases.primary, tenantId, (tx) => readBillingState(tx, tenantId)) : { mode: "off", plan: deps?.defaultPlan ?? DEFAULT_PLAN_WITHOUT_BILLING };
  const effective = effectivePlan(state, nowMs, deps?.pastDueGraceMs);
  return { state, effective, entitlements: entitlementsOf(effective.plan), nowMs };
}
