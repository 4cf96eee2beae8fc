import type { Bucket } from "../../../../shared/reports/buckets";
import type { Granularity } from "../../../../shared/reports/report-input";

/**
 * A bar's name under it: "25 nov." (day), the first day of the week inside the period (a week cut
 * by the period's start is named by its first day in it, not by a Monday before it), "nov. 2026" (month).
 */
export function bucketLabel(bucket: Pick<Bucket, "key" | "from">, granularity: Granularity, locale: string): string {
  const options: Intl.DateTimeFormatOptions = granularity === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { day: "numeric", month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(Date.parse(`${bucket.from}T00:00:00Z`));
}
