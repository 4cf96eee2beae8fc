import { formatMoney } from "../../../shared/money";
import { addDays, zonedToInstant } from "../../../shared/zoned-time";
import { isMessageKey, useLocale, useT, type Translate } from "../i18n";
import type { BookingFailure } from "./booking-types";
import { formatDuration } from "./duration";
import { formatDate } from "./zoned-format";

const WALL = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/;

/** "2026-06-04 00:00" (a wall date and time the core names) → "4 juin 2026 00:00". */
function wallText(value: string, locale: string): string {
  const m = WALL.exec(value);
  if (!m) return value;
  return m[2] ? `${formatDate(m[1]!, locale, "short")} ${m[2]}` : formatDate(m[1]!, locale, "short");
}

/** The slot being checked, to tell a clash of sessions from a clash of setup and teardown only. */
export interface Slot {
  startMs: number;
  endMs: number;
  timeZone: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the other booking's session itself (not its buffers) overlaps the slot. */
function sessionsOverlap(p: Record<string, string | number>, slot: Slot): boolean {
  const { date, from, to } = p;
  if (typeof date !== "string" || typeof from !== "string" || typeof to !== "string") return true;
  const start = zonedToInstant(slot.timeZone, date, minutesOf(from));
  const end = zonedToInstant(slot.timeZone, to > from ? date : addDays(date, 1), minutesOf(to));
  return start < slot.endMs && slot.startMs < end;
}

/**
 * One failing rule in words, from its message key and params: amounts in the studio's currency,
 * minutes as a duration, wall dates in the person's language, an empty reason left out.
 */
export function failureText(f: BookingFailure, t: Translate, locale: string, currency: string, slot?: Slot): string {
  const p = f.params;
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) {
    if (k.endsWith("Cents") && typeof v === "number") vars[k] = formatMoney(v, currency, locale);
    else if (k === "minutes" && typeof v === "number") vars[k] = formatDuration(v, t);
    else if (typeof v === "string" && k !== "hours" && WALL.test(v)) vars[k] = wallText(v, locale);
    else vars[k] = v;
  }
  if ("reason" in p) vars.reason = p.reason ? ` (${p.reason})` : "";
  if ("by" in p) vars.by = p.by || t("booking.untitled");
  if ("hours" in p) vars.hours = p.hours || t("calendar.closedAllDay");
  let text = isMessageKey(f.messageKey) ? t(f.messageKey, vars) : t("v.invalid");
  // Only the setup or teardown collides: say so, or "14:00 à 16:00" would look free at 16:00.
  const buffered = p.busyFrom !== p.from || p.busyTo !== p.to;
  if ((f.code === "ROOM_BOOKED" || f.code === "STAFF_BOOKED") && buffered && !(slot && sessionsOverlap(p, slot))) {
    text += ` ${t("calendar.buffers", { busyFrom: String(p.busyFrom), busyTo: String(p.busyTo) })}`;
  }
  return text;
}

export function useFailureText(currency: string, slot?: Slot | null): (f: BookingFailure) => string {
  const t = useT();
  const locale = useLocale();
  return (f) => failureText(f, t, locale, currency, slot ?? undefined);
}
