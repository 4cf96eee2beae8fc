import type { Granularity, Period } from "../../../../shared/reports/report-input";
import { MAX_PERIOD_DAYS } from "../../../../shared/reports/report-input";
import { addDays, daysBetween, mondayOf } from "../../../../shared/zoned-time";

export const PRESETS = ["week", "month", "lastMonth", "custom"] as const;
export type Preset = (typeof PRESETS)[number];

/** What the period picker holds: a preset, or the custom dates as people say them (both days included). */
export interface PeriodChoice {
  preset: Preset;
  /** Custom first day. */
  from: string;
  /** Custom last day, included. */
  last: string;
  granularity: Granularity;
  compare: boolean;
}

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
const nextMonth = (first: string) => {
  const [y, m] = first.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
};

/** The local dates [from, to) of a choice on `today` (the computer's date); null when the custom dates are not a period. */
export function periodOf(choice: Pick<PeriodChoice, "preset" | "from" | "last">, today: string): Period | null {
  switch (choice.preset) {
    case "week": {
      const monday = mondayOf(today);
      return { from: monday, to: addDays(monday, 7) };
    }
    case "month": {
      const first = firstOfMonth(today);
      return { from: first, to: nextMonth(first) };
    }
    case "lastMonth": {
      const first = firstOfMonth(addDays(firstOfMonth(today), -1));
      return { from: first, to: nextMonth(first) };
    }
    case "custom": {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(choice.from) || !/^\d{4}-\d{2}-\d{2}$/.test(choice.last)) return null;
      const to = addDays(choice.last, 1);
      const days = daysBetween(choice.from, to);
      return days >= 1 && days <= MAX_PERIOD_DAYS ? { from: choice.from, to } : null;
    }
  }
}

/** The computer's own date, "2026-11-25". */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
