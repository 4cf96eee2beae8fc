import { wallDate } from "../../../shared/zoned-time";

/**
 * Dates and times as a location's clock shows them, whatever the computer's own zone: every
 * formatter names its time zone. Formatters are cached, the week view formats hundreds of times.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

const ms = (instant: string | number) => (typeof instant === "number" ? instant : Date.parse(instant));

/** "14:00" on the location's clock. */
export function formatTime(instant: string | number, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms(instant));
}

/** "mer. 2 déc. 2026, 14:00" on the location's clock. */
export function formatDateTime(instant: string | number, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms(instant));
}

/** "27 nov., 13:35": short enough for a booking block. */
export function formatDayTime(instant: string | number, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms(instant));
}

/** "mer. 2 déc. 2026": the day of an instant on the location's clock. */
export function formatDayOf(instant: string | number, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(ms(instant));
}

/** A calendar date ("2026-12-02") as words; it names a day, not an instant, so it is read in UTC. */
export function formatDate(date: string, locale: string, style: "long" | "short" | "weekday" | "dayMonth" = "long"): string {
  const styles: Record<typeof style, Intl.DateTimeFormatOptions> = {
    long: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
    short: { day: "numeric", month: "short", year: "numeric" },
    weekday: { weekday: "short", day: "numeric" },
    dayMonth: { weekday: "long", day: "numeric", month: "long" },
  };
  return formatter(locale, "UTC", styles[style]).format(Date.parse(`${date}T12:00:00Z`));
}

/** The zone's offset right now, e.g. "UTC+1", to label a location's time axis. */
export function zoneOffsetLabel(timeZone: string, locale: string, at = Date.now()): string {
  const part = formatter(locale, timeZone, { timeZoneName: "shortOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value.replace("GMT", "UTC") ?? timeZone;
}

/** "mercredi 25 novembre" → "Mercredi 25 novembre": a date that starts a heading. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function todayIn(timeZone: string, now = Date.now()): string {
  return wallDate(timeZone, now);
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
