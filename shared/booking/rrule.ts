import { WEEKDAYS, type Weekday } from "../schemas/opening-hours";
import { addDays, daysBetween, mondayOf, weekdayOf, zonedToInstant } from "../zoned-time";
import { MAX_SERIES_OCCURRENCES } from "./booking-limits";

/**
 * The RFC 5545 RRULE subset a studio needs for recurring sessions: FREQ=DAILY or WEEKLY, INTERVAL,
 * COUNT or UNTIL (one of them: a booking series must end), BYDAY with plain weekdays. Weeks start
 * on Monday (the default WKST).
 */
export interface RecurrenceRule {
  freq: "DAILY" | "WEEKLY";
  interval: number;
  count: number | null;
  /** UNTIL as a local date (YYYYMMDD) or as a UTC instant (YYYYMMDDTHHMMSSZ), inclusive. */
  until: { date: string } | { ms: number } | null;
  byDay: Weekday[] | null;
}

export const RRULE_MESSAGES = { invalid: "v.rrule", noEnd: "v.rruleEnd", tooMany: "v.rruleTooMany" } as const;

const ICAL_DAYS: Record<string, Weekday> = { MO: "mon", TU: "tue", WE: "wed", TH: "thu", FR: "fri", SA: "sat", SU: "sun" };
const DAY_CODES = Object.fromEntries(Object.entries(ICAL_DAYS).map(([code, day]) => [day, code])) as Record<Weekday, string>;

export type ParsedRrule = { ok: true; rule: RecurrenceRule } | { ok: false; message: string };

export function parseRrule(text: string): ParsedRrule {
  const bad = { ok: false, message: RRULE_MESSAGES.invalid } as const;
  const parts = new Map<string, string>();
  for (const part of text.trim().replace(/^RRULE:/i, "").split(";")) {
    const [key, value, extra] = part.split("=");
    if (!key || value === undefined || extra !== undefined || parts.has(key.toUpperCase())) return bad;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const freq = parts.get("FREQ");
  if (freq !== "DAILY" && freq !== "WEEKLY") return bad;
  for (const key of parts.keys()) if (!["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST"].includes(key)) return bad;
  if (parts.has("WKST") && parts.get("WKST") !== "MO") return bad;
  const interval = parts.has("INTERVAL") ? Number(parts.get("INTERVAL")) : 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 52) return bad;
  const count = parts.has("COUNT") ? Number(parts.get("COUNT")) : null;
  if (count !== null && (!Number.isInteger(count) || count < 1)) return bad;
  if (count !== null && count > MAX_SERIES_OCCURRENCES) return { ok: false, message: RRULE_MESSAGES.tooMany };
  let until: RecurrenceRule["until"] = null;
  const untilText = parts.get("UNTIL");
  if (untilText !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(untilText);
    if (!m) return bad;
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || !new Date(`${date}T00:00:00Z`).toISOString().startsWith(date)) return bad;
    until = m[4] === undefined ? { date } : { ms: Date.parse(`${date}T${m[4]}:${m[5]}:${m[6]}Z`) };
    if ("ms" in until && Number.isNaN(until.ms)) return bad;
  }
  if (count !== null && until !== null) return bad;
  if (count === null && until === null) return { ok: false, message: RRULE_MESSAGES.noEnd };
  let byDay: Weekday[] | null = null;
  const byDayText = parts.get("BYDAY");
  if (byDayText !== undefined) {
    const days = byDayText.split(",").map((d) => ICAL_DAYS[d]);
    if (days.length === 0 || days.some((d) => d === undefined) || new Set(days).size !== days.length) return bad;
    byDay = WEEKDAYS.filter((d) => days.includes(d));
  }
  return { ok: true, rule: { freq, interval, count, until, byDay } };
}

export function formatRrule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay) parts.push(`BYDAY=${rule.byDay.map((d) => DAY_CODES[d]).join(",")}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until) {
    parts.push(
      "date" in rule.until
        ? `UNTIL=${rule.until.date.replace(/-/g, "")}`
        : `UNTIL=${new Date(rule.until.ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`,
    );
  }
  return parts.join(";");
}

export interface SeriesStart {
  timeZone: string;
  /** The first occurrence's local date and time of day (minutes): DTSTART on the location's clock. */
  firstDate: string;
  startMinute: number;
  /** Each occurrence lasts exactly as long as the first (RFC 5545), even across a DST change. */
  durationMs: number;
}

export interface Occurrence {
  /** 1 for the first occurrence; "this and following" is seq >= the chosen one. */
  seq: number;
  date: string;
  startMs: number;
  endMs: number;
}

function matches(rule: RecurrenceRule, start: SeriesStart, date: string): boolean {
  const days = rule.byDay ?? (rule.freq === "WEEKLY" ? [weekdayOf(start.firstDate)] : null);
  if (days && !days.includes(weekdayOf(date))) return false;
  const step = rule.freq === "DAILY" ? daysBetween(start.firstDate, date) : daysBetween(mondayOf(start.firstDate), mondayOf(date)) / 7;
  return step % rule.interval === 0;
}

/**
 * Occurrences on the location's wall clock, so a weekly 10:00 session stays at 10:00 local time
 * across DST changes (and its UTC instant moves by an hour). DTSTART is always the first occurrence.
 * Returns { tooMany } past MAX_SERIES_OCCURRENCES rather than a cut-off list.
 */
export function expandSeries(rule: RecurrenceRule, start: SeriesStart): { occurrences: Occurrence[]; tooMany: boolean } {
  const out: Occurrence[] = [];
  const untilDate = rule.until && "date" in rule.until ? rule.until.date : null;
  const untilMs = rule.until && "ms" in rule.until ? rule.until.ms : null;
  // With UNTIL, never look further than the cap allows at one occurrence per period.
  const lastDay = MAX_SERIES_OCCURRENCES * rule.interval * (rule.freq === "WEEKLY" ? 7 : 1) + 7;
  for (let i = 0; i <= lastDay; i++) {
    const date = addDays(start.firstDate, i);
    if (i > 0 && !matches(rule, start, date)) continue;
    if (untilDate !== null && date > untilDate) break;
    const startMs = zonedToInstant(start.timeZone, date, start.startMinute, "later");
    if (untilMs !== null && startMs > untilMs) break;
    if (out.length === MAX_SERIES_OCCURRENCES) return { occurrences: out, tooMany: true };
    out.push({ seq: out.length + 1, date, startMs, endMs: startMs + start.durationMs });
    if (rule.count !== null && out.length === rule.count) break;
  }
  return { occurrences: out, tooMany: false };
}

/** The rule with its weekdays moved by `days` (a series moved from Monday to Tuesday). */
export function shiftRuleDays(rule: RecurrenceRule, days: number): RecurrenceRule {
  if (!rule.byDay || days % 7 === 0) return rule;
  const shift = (d: Weekday) => WEEKDAYS[(((WEEKDAYS.indexOf(d) + days) % 7) + 7) % 7]!;
  return { ...rule, byDay: WEEKDAYS.filter((d) => rule.byDay!.map(shift).includes(d)) };
}

/** The rule limited to its first `count` occurrences (splitting a series at "this and following"). */
export function withCount(rule: RecurrenceRule, count: number): RecurrenceRule {
  return { ...rule, count, until: null };
}
