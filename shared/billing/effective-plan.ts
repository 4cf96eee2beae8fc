import type { BillingState } from "./billing-state";
import { TRIAL_PLAN, type Plan } from "./plans";

/** How long a past-due subscription keeps full access before the studio turns read-only. */
export const PAST_DUE_GRACE_MS = 7 * 24 * 3600_000;

/**
 * `read_only`: nothing new may be created or changed, nothing is ever deleted; paying again (or
 * the Portal) lifts it at once.
 */
export type PlanAccess = "full" | "read_only";

export type PlanReason =
  | "billing_off"
  | "subscription"
  | "subscription_trial"
  | "studio_trial"
  | "past_due_grace"
  | "past_due_read_only"
  | "no_subscription";

export interface EffectivePlan {
  plan: Plan;
  access: PlanAccess;
  reason: PlanReason;
  /** When the trial giving this plan ends (studio trial or Stripe trial), else null. */
  trialEndsAt: number | null;
  /** Past due: when read-only starts (in the future: still in grace). */
  graceEndsAt: number | null;
}

/**
 * The plan a studio gets now. Trialing and active subscriptions give their plan; past due keeps
 * it for the grace period, then turns read-only (so does `unpaid`, Stripe's state once retries
 * are exhausted). Canceled, incomplete, expired or paused subscriptions give nothing: the studio
 * falls back to its own trial while that runs, else Free.
 */
export function effectivePlan(state: BillingState, nowMs: number, graceMs: number = PAST_DUE_GRACE_MS): EffectivePlan {
  if (state.mode === "off") return { plan: state.plan, access: "full", reason: "billing_off", trialEndsAt: null, graceEndsAt: null };
  const sub = state.subscription;
  if (sub) {
    switch (sub.status) {
      case "active":
        return { plan: sub.plan, access: "full", reason: "subscription", trialEndsAt: null, graceEndsAt: null };
      case "trialing":
        return { plan: sub.plan, access: "full", reason: "subscription_trial", trialEndsAt: sub.trialEnd, graceEndsAt: null };
      case "past_due":
      case "unpaid": {
        const graceEndsAt = (sub.pastDueSince ?? nowMs) + graceMs;
        const inGrace = sub.status === "past_due" && nowMs < graceEndsAt;
        return { plan: sub.plan, access: inGrace ? "full" : "read_only", reason: inGrace ? "past_due_grace" : "past_due_read_only", trialEndsAt: null, graceEndsAt };
      }
      default:
        break;
    }
  }
  if (state.studioTrialEndsAt !== null && nowMs < state.studioTrialEndsAt) {
    return { plan: TRIAL_PLAN, access: "full", reason: "studio_trial", trialEndsAt: state.studioTrialEndsAt, graceEndsAt: null };
  }
  return { plan: "free", access: "full", reason: "no_subscription", trialEndsAt: null, graceEndsAt: null };
}
