import { limitRefusal, type LimitedCreation } from "../../../shared/billing/limit-refusal";
import { offlinePlan } from "../../../shared/billing/offline-plan";
import { monthStartUtc, type PlanUsage } from "../../../shared/billing/usage";
import type { Db } from "../db/open-database";
import { prepareCached } from "../db/statement-cache";
import { AppError } from "../errors";
import type { DeviceClock } from "../sync/device-clock";
import type { WriteChange } from "../sync/local-writer";
import type { PlanStore } from "./plan-store";

/** The creations a plan limits, by the entity the desk writes. */
const LIMITED: Readonly<Record<string, LimitedCreation>> = { location: "location", room: "room", booking: "booking" };

/**
 * The plan's limits on this desk, as the server applies them on push: the last plan the server
 * told (re-read against the clock, with the offline grace of shared/billing/offline-plan.ts).
 * Nothing heard yet (no account, or never synced): no limit here, the server decides on push.
 */
export function planGuard(db: Db, plans: PlanStore, clock: DeviceClock, tenantId: () => string): (change: WriteChange, op: "insert" | "update") => void {
  return (change, op) => {
    const kind = LIMITED[change.entity];
    const stored = plans.stored();
    // The studio row itself is being created when nothing is stored yet: no tenant to ask for then.
    if (!stored || stored.tenantId !== tenantId()) return;
    const known = stored.status;
    const plan = offlinePlan({ state: known.state, fetchedAt: known.fetchedAt }, clock.boundedNow());
    if (!plan.effective || !plan.entitlements) return;
    if (plan.effective.access === "read_only") {
      throw new AppError("PLAN_READ_ONLY", "The studio's subscription is unpaid past its grace period: pay it in Settings → Plan & billing to make changes");
    }
    if (!kind || op !== "insert") return;
    const hit = limitRefusal(plan.entitlements, usageOf(db, clock.boundedNow()), kind);
    if (hit) throw new AppError("PLAN_LIMIT", hit.message, undefined, { limit: hit.limit, max: hit.max, used: hit.used, upgradeTo: hit.upgradeTo });
  };
}

/** What the server counts, from this desk's rows (archived and deleted ones take no place). */
function usageOf(db: Db, nowMs: number): PlanUsage {
  const row = prepareCached(
    db,
    `SELECT (SELECT count(*) FROM locations WHERE archived_at IS NULL AND deleted_at IS NULL) AS locations,
            (SELECT count(*) FROM rooms WHERE archived_at IS NULL AND deleted_at IS NULL) AS rooms,
            (SELECT count(*) FROM bookings WHERE deleted_at IS NULL AND created_at >= ?) AS bookings`,
  ).get(new Date(monthStartUtc(nowMs)).toISOString()) as { locations: number; rooms: number; bookings: number };
  return { locations: row.locations, rooms: row.rooms, users: 0, bookingsThisMonth: row.bookings };
}
