import type { BillingStatus } from "../../../shared/billing/billing-api";
import type { EffectivePlan } from "../../../shared/billing/effective-plan";
import type { Entitlements } from "../../../shared/billing/entitlements";
import { offlinePlan, type OfflinePlanSource } from "../../../shared/billing/offline-plan";
import type { AppErrorCode } from "../../../shared/errors";
import type { AuthorizedServer } from "./authorized-server";
import type { PlanStore } from "./plan-store";
import { asAppError } from "./server-client";

/**
 * What Settings → Plan & billing shows: the server's billing.status when it answered ("live"), else
 * the last answer kept on this computer, re-read against its clock with offlinePlan()'s grace rule.
 */
export interface PlanView {
  source: "live" | OfflinePlanSource;
  /** The server's answer: just now (live) or the last one kept here (usage as of `fetchedAt`); null when none ever came. */
  status: BillingStatus | null;
  /** The plan that holds now; null when nothing was ever heard from the server (no local limits). */
  effective: EffectivePlan | null;
  entitlements: Entitlements | null;
  /** Offline: when the last known plan stops counting (null when live, or for billing off, which holds for good). */
  offlineGraceEndsAt: number | null;
  /** Offline: why the server was not read. */
  offlineCode: AppErrorCode | null;
}

/** Failures after which the last known plan is shown rather than an error: the server is out of reach for now. */
export const OFFLINE_CODES: readonly AppErrorCode[] = ["SERVER_UNREACHABLE", "LOGIN_REQUIRED"];

export function liveView(status: BillingStatus): PlanView {
  return { source: "live", status, effective: status.effective, entitlements: status.entitlements, offlineGraceEndsAt: null, offlineCode: null };
}

export function offlineView(last: BillingStatus | null, nowMs: number, code: AppErrorCode): PlanView {
  const plan = offlinePlan(last && { state: last.state, fetchedAt: last.fetchedAt }, nowMs);
  return { source: plan.source, status: last, effective: plan.effective, entitlements: plan.entitlements, offlineGraceEndsAt: plan.graceEndsAt, offlineCode: code };
}

/** billing.status from the server (kept for next time), or the last known one when the server is out of reach. */
export async function readPlan(server: AuthorizedServer, store: PlanStore, tenantId: string, nowMs: () => number): Promise<PlanView> {
  try {
    const status = await server.call((c) => c.billing.status.query());
    store.save(tenantId, status);
    return liveView(status);
  } catch (e) {
    const err = asAppError(e);
    if (!OFFLINE_CODES.includes(err.code)) throw err;
    return offlineView(store.last(tenantId), nowMs(), err.code);
  }
}
