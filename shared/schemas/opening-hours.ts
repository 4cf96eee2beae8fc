import { z } from "zod";
import { V, isoDate, optionalText } from "./common";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, V.time);
export const toMinutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const openingSpanSchema = z
  .object({ open: hhmm, close: hhmm })
  .refine((s) => toMinutes(s.close) > toMinutes(s.open), { message: V.closeAfterOpen, path: ["close"] });

const daySpans = z.array(openingSpanSchema).max(4, V.tooLarge).superRefine((spans, ctx) => {
  const sorted = [...spans].sort((a, b) => toMinutes(a.open) - toMinutes(b.open));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && toMinutes(cur.open) < toMinutes(prev.close)) {
      ctx.addIssue({ code: "custom", message: V.overlappingHours, path: [spans.indexOf(cur), "open"] });
    }
  }
});

/** Weekly opening hours, in the location's wall clock. An empty day is closed. */
export const weeklyHoursSchema = z.object({
  mon: daySpans, tue: daySpans, wed: daySpans, thu: daySpans, fri: daySpans, sat: daySpans, sun: daySpans,
});
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

export const closureSchema = z
  .object({ from: isoDate, to: isoDate, reason: optionalText(120) })
  .refine((c) => c.to >= c.from, { message: V.closureOrder, path: ["to"] });
export type Closure = z.infer<typeof closureSchema>;

export function defaultWeeklyHours(): WeeklyHours {
  const day = [{ open: "10:00", close: "22:00" }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [{ open: "12:00", close: "20:00" }], sun: [] };
}
