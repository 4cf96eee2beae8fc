import type { PlanView } from "../../../../main/core/account/plan-view";
import { LIVE_STATUSES } from "../../../../shared/billing/billing-state";
import type { Entitlements } from "../../../../shared/billing/entitlements";
import type { PlanLimit } from "../../../../shared/billing/limit-refusal";
import type { PlanUsage } from "../../../../shared/billing/usage";

export type { PlanView };

/** A meter turns to a warning at this share of its limit, before anyone hits it. */
export const NEAR_LIMIT_RATIO = 0.8;

export type MeterLevel = "ok" | "near" | "full" | "over";

export interface Meter {
  used: number;
  /** Null: unlimited. */
  max: number | null;
  /** Share of the limit in use, 0..1 (capped), for the bar; null when unlimited. */
  ratio: number | null;
  level: MeterLevel;
}

/** How full one limit is: "near" from 80 %, "full" at the limit (the next one is refused), "over" after a downgrade. */
export function meterOf(used: number, max: number | null): Meter {
  if (max === null) return { used, max, ratio: null, level: "ok" };
  const ratio = max === 0 ? 1 : Math.min(1, used / max);
  const level: MeterLevel = used > max ? "over" : used === max ? "full" : used >= max * NEAR_LIMIT_RATIO ? "near" : "ok";
  return { used, max, ratio, level };
}

/** The four meters of Settings → Plan & billing, in the order shown. */
export const USAGE_ROWS: readonly { usage: keyof PlanUsage; limit: PlanLimit }[] = [
  { usage: "locations", limit: "maxLocations" },
  { usage: "rooms", limit: "maxRooms" },
  { usage: "users", limit: "maxUsers" },
  { usage: "bookingsThisMonth", limit: "maxBookingsPerMonth" },
];

export function metersOf(usage: PlanUsage, entitlements: Entitlements): { usage: keyof PlanUsage; meter: Meter }[] {
  return USAGE_ROWS.map((row) => ({ usage: row.usage, meter: meterOf(usage[row.usage], entitlements[row.limit]) }));
}

/**
 * What the owner may do from here. Buying goes through Checkout only without a live subscription
 * (the server answers BILLING_ALREADY_SUBSCRIBED otherwise): changes then go through the Portal,
 * which exists once the studio has been through Checkout. Nothing is bought offline.
 */
export function billingActions(view: PlanView, canManage: boolean): { checkout: boolean; portal: boolean; invoices: boolean } {
  const status = view.status;
  if (!canManage || view.source !== "live" || !status || status.billing === "off") return { checkout: false, portal: false, invoices: false };
  const sub = status.subscription;
  return { checkout: !sub || !LIVE_STATUSES.has(sub.status), portal: sub !== null, invoices: true };
}

/** Stripe's invoice statuses the app names; anything else is shown as Stripe gives it. */
export const INVOICE_STATUSES = ["draft", "open", "paid", "uncollectible", "void"] as const;
export type KnownInvoiceStatus = (typeof INVOICE_STATUSES)[number];

export function knownInvoiceStatus(status: string | null): KnownInvoiceStatus | null {
  return status !== null && (INVOICE_STATUSES as readonly string[]).includes(status) ? (status as KnownInvoiceStatus) : null;
}
