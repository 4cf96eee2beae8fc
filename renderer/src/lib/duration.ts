import type { Translate } from "../i18n";

/** 90 → "1 h 30", 120 → "2 h", 45 → "45 min": how a studio says a session's length. */
export function formatDuration(minutes: number, t: Translate): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return t("duration.minutes", { m });
  if (m === 0) return t("duration.hours", { h });
  return t("duration.hoursMinutes", { h, m: String(m).padStart(2, "0") });
}
