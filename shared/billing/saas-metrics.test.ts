import { describe, expect, it } from "vitest";
import type { SubscriptionStatus } from "./billing-state";
import type { BillingInterval, PaidPlan } from "./plans";
import { roundDiv, type StudioBillingHistory, type SubscriptionChange } from "./saas-history";
import { cohorts, lifetimeValue, monthChurn, revenueAt, saasMetrics, studiosByPlan, trialConversion } from "./saas-metrics";
import { monthRangeInput } from "./saas-months";

const at = (iso: string) => Date.parse(iso);
const ch = (when: string, status: SubscriptionStatus, plan: PaidPlan = "pro", interval: BillingInterval = "month", trialEnd: string | null = null): SubscriptionChange =>
  ({ at: at(when), status, plan, interval, trialEnd: trialEnd ? at(trialEnd) : null });
let n = 0;
const studio = (signedUp: string, changes: SubscriptionChange[] = [], trialEnds: string | null = null, dedicated = false): StudioBillingHistory =>
  ({ tenantId: `t${++n}`, signedUpAt: at(signedUp), trialEndsAt: trialEnds ? at(trialEnds) : null, dedicated, changes });

describe("revenueAt: MRR and ARR in integer cents", () => {
  it.each([
    ["nobody pays", [], { mrrCents: 0, arrCents: 0, paying: 0 }],
    ["Pro monthly", [studio("2026-01-02", [ch("2026-01-03", "active")])], { mrrCents: 1900, arrCents: 22_800, paying: 1 }],
    ["Enterprise yearly: 590 € ÷ 12, rounded once", [studio("2026-01-02", [ch("2026-01-03", "active", "enterprise", "year")])], { mrrCents: 4917, arrCents: 59_000, paying: 1 }],
    ["12 Pro yearly: exactly 190 €/month, no 1583.33 × 12 drift", Array.from({ length: 12 }, () => studio("2026-01-02", [ch("2026-01-03", "active", "pro", "year")])), { mrrCents: 19_000, arrCents: 228_000, paying: 12 }],
    ["mix: past due counts, trialing, canceled and unpaid do not", [
      studio("2026-01-02", [ch("2026-01-03", "active")]),
      studio("2026-01-02", [ch("2026-01-03", "active", "enterprise", "year")]),
      studio("2026-01-02", [ch("2026-01-03", "active", "pro", "year"), ch("2026-01-20", "past_due", "pro", "year")]),
      studio("2026-01-02", [ch("2026-01-03", "trialing", "enterprise", "month", "2026-02-20")]),
      studio("2026-01-02", [ch("2026-01-03", "active"), ch("2026-01-10", "canceled")]),
      studio("2026-01-02", [ch("2026-01-03", "active"), ch("2026-01-25", "unpaid")]),
    ], { mrrCents: 8400, arrCents: 100_800, paying: 3 }],
  ] as const)("%s", (_name, histories, expected) => {
    expect(revenueAt(histories as StudioBillingHistory[], at("2026-02-01"))).toEqual(expected);
  });

  it.each([
    ["a change at 23:59:59.999 on the last day counts for the month that ends", "2026-01-31T23:59:59.999Z", 1900],
    ["a change at midnight on the 1st belongs to the month it starts", "2026-02-01T00:00:00.000Z", 0],
  ])("month boundary: %s", (_name, when, mrr) => {
    expect(revenueAt([studio("2026-01-02", [ch(when, "active")])], at("2026-02-01")).mrrCents).toBe(mrr);
  });
});

describe("studiosByPlan", () => {
  it("counts paying studios by plan and interval, trials, Free (no or a lapsed subscription) and dedicated ones", () => {
    const s = studiosByPlan([
      studio("2026-01-02", [ch("2026-01-03", "active")]),
      studio("2026-01-02", [ch("2026-01-03", "past_due", "pro", "year")], null, true),
      studio("2026-01-02", [ch("2026-01-03", "active", "enterprise", "year")], null, true),
      studio("2026-01-25", [], "2026-02-08"), // its own trial still running
      studio("2026-01-02", [ch("2026-01-20", "trialing", "enterprise", "month", "2026-02-20")]),
      studio("2026-01-02", [], "2026-01-16"), // trial over, never subscribed
      studio("2026-01-02", [ch("2026-01-03", "active"), ch("2026-01-10", "canceled")]),
      studio("2026-02-05"), // after the instant: not yet a studio
    ], at("2026-02-01"));
    expect(s).toEqual({ free: 2, trial: 2, pro: { month: 1, year: 1 }, enterprise: { month: 0, year: 1 }, pastDue: 1, dedicated: 2, total: 7 });
  });
});

describe("monthChurn", () => {
  const histories = [
    studio("2025-12-01", [ch("2025-12-02", "active")]), // stays
    studio("2025-12-01", [ch("2025-12-02", "active"), ch("2026-02-10", "canceled")]), // churns in February
    studio("2025-12-01", [ch("2025-12-02", "active", "enterprise", "year"), ch("2026-02-15", "active", "pro", "year")]), // downgrade: revenue churn only
    studio("2025-12-01", [ch("2025-12-02", "active"), ch("2026-02-03", "canceled"), ch("2026-02-20", "active")]), // left and came back within the month
    studio("2025-12-01", [ch("2025-12-02", "active"), ch("2026-03-01T00:00:00Z", "canceled")]), // cancelled at midnight on 1 March: March's churn
    studio("2026-02-02", [ch("2026-02-05", "active", "enterprise")]), // new in February: not in the denominator
  ];
  const horizon = at("2026-06-01");

  it("February: 5 paying at the start, 1 churned; MRR lost by the cancellation and the downgrade", () => {
    const feb = monthChurn(histories, "2026-02", horizon);
    // Start: 3 Pro monthly (5700) + Enterprise yearly (59000/12) + Pro monthly = 4 × 1900 + 4916.67 = 12 516.67 → 12 517.
    // Lost: 1900 (cancel) + (59000 − 19000)/12 = 3333.33 → 5233.33 → 5233.
    expect(feb).toMatchObject({ payingAtStart: 5, churned: 1, churnRate: 0.2, mrrAtStartCents: 12_517, lostMrrCents: 5233, payingAtEnd: 5 });
    expect(feb.revenueChurnRate).toBeCloseTo((22_800 + 40_000) / (4 * 22_800 + 59_000), 12);
    // End: 3 Pro monthly + Pro yearly + Enterprise monthly = 5700 + 1583.33 + 5900 = 13 183.33.
    expect(feb.mrrAtEndCents).toBe(13_183);
  });

  it("March: the cancellation stamped at 00:00 on the 1st counts in March, not February", () => {
    expect(monthChurn(histories, "2026-03", horizon)).toMatchObject({ payingAtStart: 5, churned: 1, churnRate: 0.2 });
  });

  it("a month nobody paid at the start has no rate", () => {
    expect(monthChurn(histories, "2025-11", horizon)).toMatchObject({ payingAtStart: 0, churned: 0, churnRate: null, revenueChurnRate: null });
  });

  it("the current month is read up to asOf", () => {
    const mid = monthChurn(histories, "2026-02", at("2026-02-12"));
    expect(mid).toMatchObject({ payingAtStart: 5, churned: 2 }); // the one who comes back on the 20th has not yet
  });
});

describe("lifetimeValue", () => {
  const revenue = { mrrCents: 8400, arrCents: 100_800, paying: 3 };
  const month = (payingAtStart: number, churned: number) => ({ payingAtStart, churned }) as Parameters<typeof lifetimeValue>[1][number];
  it.each([
    ["ARPA 28 € ÷ 1/10 monthly churn = 280 €", revenue, [month(5, 0), month(5, 1)], { cents: 28_000, arpaCents: 2800, monthlyChurnRate: 0.1 }],
    ["rounded once: ARPA 4916.67 ÷ (1/3)", { mrrCents: 4917, arrCents: 59_000, paying: 1 }, [month(3, 1)], { cents: 14_750, arpaCents: 4917, monthlyChurnRate: 1 / 3 }],
    ["no churn over the range: not defined", revenue, [month(5, 0)], { cents: null, reason: "no_churn", arpaCents: 2800 }],
    ["nobody pays", { mrrCents: 0, arrCents: 0, paying: 0 }, [month(2, 2)], { cents: null, reason: "no_paying", arpaCents: null }],
  ] as const)("%s", (_name, rev, months, expected) => {
    expect(lifetimeValue(rev, months as never)).toEqual(expected);
  });
});

describe("trialConversion", () => {
  const histories = [
    studio("2026-01-01", [ch("2026-01-10", "active")], "2026-01-15"), // paid during the trial: converted
    studio("2026-01-05", [], "2026-01-19"), // ended, never paid
    studio("2026-01-20", [ch("2026-02-10", "active")], "2026-02-03"), // paid a week after its trial (ended in February)
    studio("2026-01-20", [ch("2026-01-25", "trialing", "pro", "month", "2026-02-08"), ch("2026-02-08", "active")], "2026-02-03"), // Stripe trial extends it to 8 Feb
    studio("2026-01-28", [], "2026-02-11"), // still in trial at asOf
  ];
  it.each([
    ["January", "2026-01-01", "2026-02-01", { ended: 2, converted: 1, rate: 0.5 }],
    ["February (up to asOf): the trial still running is not counted", "2026-02-01", "2026-03-01", { ended: 2, converted: 2, rate: 1 }],
    ["a period with no trial ending", "2025-06-01", "2025-07-01", { ended: 0, converted: 0, rate: null }],
  ])("%s", (_name, from, to, expected) => {
    expect(trialConversion(histories, at(from), at(to), at("2026-02-10T12:00:00Z"))).toEqual(expected);
  });
});

describe("cohorts", () => {
  it("a triangle: each sign-up month's studios still paying at the end of month 0, 1, 2 … up to asOf", () => {
    const histories = [
      studio("2026-01-05", [ch("2026-01-06", "active")]),
      studio("2026-01-31T23:00:00Z", [ch("2026-02-10", "active", "pro", "year"), ch("2026-03-15", "canceled", "pro", "year")]),
      studio("2026-01-15"),
      studio("2026-02-01T00:00:00Z", [ch("2026-02-02", "active", "enterprise")]), // February's
      studio("2026-03-03", [ch("2026-03-04", "trialing", "pro", "month", "2026-03-18")]),
    ];
    expect(cohorts(histories, ["2026-01", "2026-02", "2026-03"], at("2026-03-20"))).toEqual([
      { month: "2026-01", size: 3, paying: [1, 2, 1] },
      { month: "2026-02", size: 1, paying: [1, 1] },
      { month: "2026-03", size: 1, paying: [0] },
    ]);
  });
});

describe("saasMetrics", () => {
  it("leaves months after asOf out and reads everything at asOf", () => {
    const m = saasMetrics([studio("2026-01-05", [ch("2026-01-06", "active", "enterprise", "year")], "2026-01-19")], { from: "2026-01", to: "2026-06" }, at("2026-02-10"));
    expect(m.months.map((x) => x.month)).toEqual(["2026-01", "2026-02"]);
    expect(m.revenue).toEqual({ mrrCents: 4917, arrCents: 59_000, paying: 1 });
    expect(m.ltv).toEqual({ cents: null, reason: "no_churn", arpaCents: 4917 });
    expect(m.trialConversion).toEqual({ ended: 1, converted: 1, rate: 1 });
    expect(m.cohorts).toEqual([{ month: "2026-01", size: 1, paying: [1, 1] }, { month: "2026-02", size: 0, paying: [0] }]);
  });
});

describe("monthRangeInput and roundDiv", () => {
  it.each([
    [{ from: "2026-01", to: "2026-03" }, true],
    [{ from: "2026-03", to: "2026-01" }, false],
    [{ from: "2026-13", to: "2027-01" }, false],
    [{ from: "2023-01", to: "2025-12" }, true],
    [{ from: "2023-01", to: "2026-01" }, false],
  ])("%j valid: %s", (input, ok) => {
    expect(monthRangeInput.safeParse(input).success).toBe(ok);
  });
  it.each([[7n, 2n, 4], [5n, 2n, 3], [4n, 3n, 1], [59_000n, 12n, 4917], [190_000n, 12n, 15_833]])("%s ÷ %s = %s", (a, b, q) => {
    expect(roundDiv(a, b)).toBe(q);
  });
});
