import { entitlementsOf, type Entitlements } from "./entitlements";
import { PLAN_NAMES, PLAN_ORDER, type Plan } from "./plans";
import type { PlanUsage } from "./usage";

/** The creations a plan limits. */
export type LimitedCreation = "location" | "room" | "booking" | "user";

export type PlanLimit = "maxLocations" | "maxRooms" | "maxBookingsPerMonth" | "maxUsers";

export const LIMIT_OF: Readonly<Record<LimitedCreation, { limit: PlanLimit; used: keyof PlanUsage; one: string; many: string }>> = {
  location: { limit: "maxLocations", used: "locations", one: "location", many: "locations" },
  room: { limit: "maxRooms", used: "rooms", one: "room", many: "rooms" },
  booking: { limit: "maxBookingsPerMonth", used: "bookingsThisMonth", one: "booking a month", many: "bookings a month" },
  user: { limit: "maxUsers", used: "users", one: "user", many: "users" },
};

export interface LimitHit {
  limit: PlanLimit;
  max: number;
  used: number;
  /** The cheapest plan that allows one more, or null when none does. */
  upgradeTo: Plan | null;
  /** For logs and the push result; the desktop shows its own words from the fields above. */
  message: string;
}

/**
 * Whether one more `kind` would go over the plan: the limit hit and the plan that lifts it, or null.
 * `used` may already be above the limit (a downgrade keeps every row): still refused, never removed.
 */
export function limitRefusal(entitlements: Entitlements, usage: PlanUsage, kind: LimitedCreation): LimitHit | null {
  const { limit, used: usedKey, one, many } = LIMIT_OF[kind];
  const max = entitlements[limit];
  const used = usage[usedKey];
  if (max === null || used < max) return null;
  const upgradeTo = PLAN_ORDER.slice(PLAN_ORDER.indexOf(entitlements.plan) + 1).find((p) => {
    const next = entitlementsOf(p)[limit];
    return next === null || used < next;
  }) ?? null;
  const how = upgradeTo ? `upgrade to ${PLAN_NAMES[upgradeTo]} in Settings → Plan & billing` : "no plan allows more";
  return { limit, max, used, upgradeTo, message: `The ${PLAN_NAMES[entitlements.plan]} plan allows ${max} ${max === 1 ? one : many} (${used} in use): ${how}` };
}
