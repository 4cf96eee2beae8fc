import { annualCents, isPaying, roundDiv, stateBefore, type StudioBillingHistory } from "./saas-history";
import { addMonths, monthOf, monthStart, monthsBetween, type Month, type MonthRange } from "./saas-months";

/**
 * The operator's view of the business, computed from every studio's billing history. All money is
 * integer euro cents; sums are made in annual cents and divided by 12 once (see annualCents).
 * Rates are plain fractions (0–1), or null when their denominator is 0. Months are UTC calendar
 * months; a month not over yet is read up to `asOf`. A state "at" an instant is the one set
 * strictly before it (stateBefore).
 */

/** MRR: the paying subscriptions' monthly-normalised price (yearly ÷ 12); trials excluded. ARR = 12 × MRR, taken before MRR is rounded to the cent. */
export interface Revenue {
  mrrCents: number;
  arrCents: number;
  paying: number;
}

export function revenueAt(histories: readonly StudioBillingHistory[], instant: number): Revenue {
  let annual = 0;
  let paying = 0;
  for (const h of histories) {
    const state = stateBefore(h, instant);
    if (!state || !isPaying(state)) continue;
    annual += annualCents(state);
    paying++;
  }
  return { mrrCents: roundDiv(BigInt(annual), 12n), arrCents: annual, paying };
}

/**
 * Studios by what they are on: paying Pro or Enterprise (monthly or yearly); in a trial (the studio's
 * own, or a trialing subscription) and not paying; Free = every other studio (no subscription, or
 * one canceled, unpaid, paused or never completed). pastDue: paying studios in dunning.
 */
export interface StudiosByPlan {
  free: number;
  trial: number;
  pro: { month: number; year: number };
  enterprise: { month: number; year: number };
  pastDue: number;
  dedicated: number;
  total: number;
}

export function studiosByPlan(histories: readonly StudioBillingHistory[], instant: number): StudiosByPlan {
  const out: StudiosByPlan = { free: 0, trial: 0, pro: { month: 0, year: 0 }, enterprise: { month: 0, year: 0 }, pastDue: 0, dedicated: 0, total: 0 };
  for (const h of histories) {
    if (h.signedUpAt >= instant) continue;
    out.total++;
    if (h.dedicated) out.dedicated++;
    const state = stateBefore(h, instant);
    if (state && isPaying(state)) {
      out[state.plan][state.interval]++;
      if (state.status === "past_due") out.pastDue++;
    } else if (state?.status === "trialing" || (h.trialEndsAt !== null && h.trialEndsAt > instant)) out.trial++;
    else out.free++;
  }
  return out;
}

/**
 * A month's churn. Logo churn: studios paying at the month's start that are not paying at its end
 * (canceled, unpaid or paused during it; one that cancels and comes back within the month has not
 * churned) ÷ studios paying at its start. Revenue churn: the MRR those studios lost (cancellations and
 * downgrades, expansion not netted) ÷ MRR at the start. New studios of the month count in neither.
 */
export interface MonthChurn {
  month: Month;
  payingAtStart: number;
  churned: number;
  churnRate: number | null;
  mrrAtStartCents: number;
  lostMrrCents: number;
  revenueChurnRate: number | null;
  /** MRR and paying studios at the month's end (or at asOf), for the trend. */
  mrrAtEndCents: number;
  payingAtEnd: number;
}

export function monthChurn(histories: readonly StudioBillingHistory[], month: Month, horizon: number): MonthChurn {
  const start = monthStart(month);
  const end = Math.min(monthStart(addMonths(month, 1)), horizon);
  let payingAtStart = 0;
  let churned = 0;
  let startAnnual = 0;
  let lostAnnual = 0;
  for (const h of histories) {
    const before = stateBefore(h, start);
    if (!isPaying(before)) continue;
    const after = stateBefore(h, end);
    payingAtStart++;
    if (!isPaying(after)) churned++;
    startAnnual += annualCents(before);
    lostAnnual += Math.max(0, annualCents(before) - annualCents(after));
  }
  const atEnd = revenueAt(histories, end);
  return {
    month, payingAtStart, churned, churnRate: payingAtStart ? churned / payingAtStart : null,
    mrrAtStartCents: roundDiv(BigInt(startAnnual), 12n), lostMrrCents: roundDiv(BigInt(lostAnnual), 12n),
    revenueChurnRate: startAnnual ? lostAnnual / startAnnual : null,
    mrrAtEndCents: atEnd.mrrCents, payingAtEnd: atEnd.paying,
  };
}

/**
 * LTV = ARPA ÷ monthly churn rate. ARPA: MRR ÷ paying studios at asOf. Monthly churn rate: the
 * range's churned studios ÷ the sum of its months' paying-at-start (a pooled average, so a month
 * with few studios weighs less). With no churn over the range LTV is not defined (not infinite):
 * cents is null and reason says why, as it does when no studio pays.
 */
export type Ltv = { cents: number; arpaCents: number; monthlyChurnRate: number } | { cents: null; reason: "no_churn" | "no_paying"; arpaCents: number | null };

export function lifetimeValue(now: Revenue, months: readonly MonthChurn[]): Ltv {
  if (now.paying === 0) return { cents: null, reason: "no_paying", arpaCents: null };
  const arpaCents = roundDiv(BigInt(now.arrCents), BigInt(12 * now.paying));
  const churned = months.reduce((s, m) => s + m.churned, 0);
  const exposed = months.reduce((s, m) => s + m.payingAtStart, 0);
  if (churned === 0) return { cents: null, reason: "no_churn", arpaCents };
  // ARR/(12·paying) × exposed/churned, in one exact division.
  const cents = roundDiv(BigInt(now.arrCents) * BigInt(exposed), BigInt(12 * now.paying) * BigInt(churned));
  return { cents, arpaCents, monthlyChurnRate: churned / exposed };
}

/**
 * Trial conversion over [start, end): trials that ended in it (the studio's trial ends at the later of
 * its own trial and its subscription's Stripe trial; only ended ones, end ≤ asOf) that became paid
 * — the studio paying at any time up to asOf — ÷ trials ended.
 */
export interface TrialConversion {
  ended: number;
  converted: number;
  rate: number | null;
}

export function trialEnd(h: StudioBillingHistory): number | null {
  let end = h.trialEndsAt;
  for (const c of h.changes) if (c.trialEnd !== null && (end === null || c.trialEnd > end)) end = c.trialEnd;
  return end;
}

export function trialConversion(histories: readonly StudioBillingHistory[], start: number, end: number, horizon: number): TrialConversion {
  let ended = 0;
  let converted = 0;
  for (const h of histories) {
    const t = trialEnd(h);
    if (t === null || t < start || t >= end || t >= horizon) continue;
    ended++;
    if (h.changes.some((c) => c.at < horizon && isPaying(c))) converted++;
  }
  return { ended, converted, rate: ended ? converted / ended : null };
}

/**
 * Monthly cohorts: studios by sign-up month; paying[k] = how many of them are paying at the end of
 * their k-th month (k = 0: the sign-up month itself), up to the month of asOf (a triangle).
 */
export interface Cohort {
  month: Month;
  size: number;
  paying: number[];
}

export function cohorts(histories: readonly StudioBillingHistory[], months: readonly Month[], horizon: number): Cohort[] {
  const lastMonth = monthOf(horizon - 1);
  return months.filter((m) => m <= lastMonth).map((month) => {
    const members = histories.filter((h) => monthOf(h.signedUpAt) === month && h.signedUpAt < horizon);
    const paying: number[] = [];
    for (let k = 0, m = month; m <= lastMonth; k++, m = addMonths(m, 1)) {
      const end = Math.min(monthStart(addMonths(m, 1)), horizon);
      paying.push(members.filter((h) => isPaying(stateBefore(h, end))).length);
    }
    return { month, size: members.length, paying };
  });
}

export interface SaasMetrics {
  asOf: number;
  currency: "EUR";
  range: MonthRange;
  /** At asOf. */
  revenue: Revenue;
  studios: StudiosByPlan;
  months: MonthChurn[];
  ltv: Ltv;
  trialConversion: TrialConversion;
  cohorts: Cohort[];
}

/** Everything the operator page shows, for the months of `range` up to `asOf` (later months are left out). */
export function saasMetrics(histories: readonly StudioBillingHistory[], range: MonthRange, asOf: number): SaasMetrics {
  // States "as of" asOf include a change stamped at asOf itself.
  const horizon = asOf + 1;
  const months = monthsBetween(range.from, range.to).filter((m) => monthStart(m) < horizon);
  const churn = months.map((m) => monthChurn(histories, m, horizon));
  const revenue = revenueAt(histories, horizon);
  const rangeEnd = Math.min(monthStart(addMonths(range.to, 1)), horizon);
  return {
    asOf, currency: "EUR", range, revenue,
    studios: studiosByPlan(histories, horizon),
    months: churn,
    ltv: lifetimeValue(revenue, churn),
    trialConversion: trialConversion(histories, monthStart(range.from), rangeEnd, horizon),
    cohorts: cohorts(histories, months, horizon),
  };
}
