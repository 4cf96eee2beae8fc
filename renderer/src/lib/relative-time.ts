const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/**
 * "il y a 3 minutes" / "3 minutes ago" for a past instant; under a minute (or a clock a little
 * ahead of this one) it is `justNow`, so the indicator does not tick through the seconds.
 */
export function relativeTime(instant: string, now: number, locale: string, justNow: string): string {
  let amount = (now - Date.parse(instant)) / 1000;
  if (!Number.isFinite(amount)) return "";
  if (amount < 60) return justNow;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of STEPS) {
    if (amount < size) return format.format(-Math.floor(amount), unit);
    amount /= size;
  }
  return justNow;
}
