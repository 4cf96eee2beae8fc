import { z } from "zod";

/** A calendar month in UTC, "YYYY-MM": operator metrics are one business, read in one calendar. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const MAX_MONTHS = 36;

export function monthStart(month: Month): number {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`Not a month: "${month}" (expected YYYY-MM)`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
}

export function monthOf(instant: number): Month {
  return new Date(instant).toISOString().slice(0, 7);
}

export function addMonths(month: Month, n: number): Month {
  const d = new Date(monthStart(month));
  return monthOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Months since year 0, NaN for a malformed month (zod runs refinements even when a field failed). */
function monthIndex(month: string): number {
  const m = MONTH.exec(month);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : Number.NaN;
}

/** operator.metrics' input: a month range, oldest first, at most MAX_MONTHS long. */
export const monthRangeInput = z
  .object({ from: z.string().regex(MONTH, "v.month"), to: z.string().regex(MONTH, "v.month") })
  .refine((r) => r.from <= r.to, { message: "v.monthOrder", path: ["to"] })
  .refine((r) => !(monthIndex(r.to) - monthIndex(r.from) >= MAX_MONTHS), { message: "v.monthRangeTooLong", path: ["from"] });
export type MonthRange = z.infer<typeof monthRangeInput>;
