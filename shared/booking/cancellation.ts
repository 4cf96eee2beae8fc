import { HOUR_MS, localMs } from "../zoned-time";
import type { BookingStatus } from "./booking-status";
import { roundHalfUp } from "./pricing";

/**
 * A studio's cancellation policy: tiers by how long before the session the booking is cancelled,
 * each charging a share (basis points) of the deposit or of the whole session. Tiers run from the
 * longest notice down to 0; cancelling after the start falls in the last tier.
 */
export interface CancellationTier {
  minHoursBefore: number;
  charge: "deposit" | "session";
  percentBp: number;
}

export interface CancellationPolicy {
  tiers: CancellationTier[];
  /** Share of the whole session due when the client does not come. */
  noShowPercentBp: number;
}

/** 7 days or more: deposit refunded; 3–7 days: half of it kept; 1–3 days: kept; under 24 h: the session is due. */
export const DEFAULT_CANCELLATION_POLICY: CancellationPolicy = {
  tiers: [
    { minHoursBefore: 168, charge: "deposit", percentBp: 0 },
    { minHoursBefore: 72, charge: "deposit", percentBp: 5000 },
    { minHoursBefore: 24, charge: "deposit", percentBp: 10_000 },
    { minHoursBefore: 0, charge: "session", percentBp: 10_000 },
  ],
  noShowPercentBp: 10_000,
};

export interface CancellationQuote {
  /** "free": a hold or a conflict, nothing was promised; "policy": a tier applies; "no_show". */
  kind: "free" | "policy" | "no_show";
  tier: CancellationTier | null;
  hoursBefore: number;
  totalCents: number;
  depositCents: number;
  paidCents: number;
  /** What the studio keeps or charges. */
  feeCents: number;
  /** Paid beyond the fee: given back. */
  refundCents: number;
  /** Fee beyond what was paid: still to pay. */
  owedCents: number;
}

interface Amounts {
  totalCents: number;
  depositCents: number;
  paidCents: number;
}

function settle(kind: CancellationQuote["kind"], tier: CancellationTier | null, hoursBefore: number, a: Amounts, feeCents: number): CancellationQuote {
  return {
    kind, tier, hoursBefore, ...a, feeCents,
    refundCents: Math.max(0, a.paidCents - feeCents),
    owedCents: Math.max(0, feeCents - a.paidCents),
  };
}

/**
 * Hours between now and the start on the location's wall clock, so "7 days before" is seven
 * calendar days even when a DST change makes them 167 or 169 real hours.
 */
export function hoursBeforeStart(timeZone: string, nowMs: number, startMs: number): number {
  return (localMs(timeZone, startMs) - localMs(timeZone, nowMs)) / HOUR_MS;
}

export function tierFor(policy: CancellationPolicy, hoursBefore: number): CancellationTier {
  const sorted = [...policy.tiers].sort((a, b) => b.minHoursBefore - a.minHoursBefore);
  return sorted.find((t) => hoursBefore >= t.minHoursBefore) ?? sorted.at(-1)!;
}

export function quoteCancellation(policy: CancellationPolicy, status: BookingStatus, hoursBefore: number, a: Amounts): CancellationQuote {
  if (status === "hold" || status === "conflict") return settle("free", null, hoursBefore, a, 0);
  const tier = tierFor(policy, hoursBefore);
  const base = tier.charge === "deposit" ? a.depositCents : a.totalCents;
  return settle("policy", tier, hoursBefore, a, roundHalfUp(base * tier.percentBp, 10_000));
}

export function quoteNoShow(policy: CancellationPolicy, hoursBefore: number, a: Amounts): CancellationQuote {
  return settle("no_show", null, hoursBefore, a, roundHalfUp(a.totalCents * policy.noShowPercentBp, 10_000));
}
