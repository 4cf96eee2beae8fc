import type { BillingState } from "./billing-state";
import { effectivePlan, type EffectivePlan } from "./effective-plan";
import { entitlementsOf, type Entitlements } from "./entitlements";

/** How long a desktop that cannot reach the server keeps the plan it last heard of. */
export const OFFLINE_GRACE_MS = 30 * 24 * 3600_000;

/** What the desktop keeps from its last billing.status. */
export interface KnownBilling {
  state: BillingState;
  /** The server's clock when it answered. */
  fetchedAt: number;
}

export type OfflinePlanSource = "unknown" | "last_known" | "offline_expired";

export interface OfflinePlan {
  source: OfflinePlanSource;
  /** Null when nothing was ever heard from the server: the desktop does not limit, the server will on push. */
  effective: EffectivePlan | null;
  entitlements: Entitlements | null;
  /** When the last known plan stops counting if the server is still not reached. */
  graceEndsAt: number | null;
}

/**
 * The plan a desktop applies by itself. Within the grace period after its last contact, the last
 * known billing state is re-read against the local clock, so a trial or a past-due grace that ends
 * offline ends here too. Past it, the plan cannot be confirmed, and the desktop applies Free's
 * limits — never read-only: a desk that lost its internet must keep working on what it has.
 * A clock set back before the last contact counts as that moment (it cannot extend the grace).
 * A server running with billing off gives its plan for good.
 */
export function offlinePlan(known: KnownBilling | null, nowMs: number, graceMs: number = OFFLINE_GRACE_MS): OfflinePlan {
  if (!known) return { source: "unknown", effective: null, entitlements: null, graceEndsAt: null };
  const now = Math.max(nowMs, known.fetchedAt);
  // Billing off: the server's plan lapses by no payment, so it holds however long the desk is offline.
  const graceEndsAt = known.state.mode === "off" ? null : known.fetchedAt + graceMs;
  if (graceEndsAt === null || now < graceEndsAt) {
    const effective = effectivePlan(known.state, now);
    return { source: "last_known", effective, entitlements: entitlementsOf(effective.plan), graceEndsAt };
  }
  const effective: EffectivePlan = { plan: "free", access: "full", reason: "no_subscription", trialEndsAt: null, graceEndsAt: null };
  return { source: "offline_expired", effective, entitlements: entitlementsOf("free"), graceEndsAt };
}
