import { formatMoney } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";

/** Numbers of a report as this language writes them: euros (the studio's currency), hours, shares, changes. */
export function useReportFormat(currency: string) {
  const t = useT();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return {
    t,
    locale,
    money: (cents: number | undefined) => (cents === undefined ? "" : formatMoney(cents, currency, locale)),
    hours: (h: number) => t("reports.hours", { h: number.format(h) }),
    count: (n: number) => number.format(n),
    pct: (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? t("common.none") : percent.format(ratio)),
    /** "+12 % vs previous period", or why there is none. */
    change: (ratio: number | null | undefined) =>
      ratio === null || ratio === undefined ? t("reports.change.none") : Math.abs(ratio) < 0.005 ? t("reports.change.same") : t("reports.change.vs", { change: signed.format(ratio) }),
    /** "2026-03-01" → "1 mars 2026". */
    day: (iso: string) => date.format(Date.parse(`${iso}T00:00:00Z`)),
  };
}

export type ReportFormat = ReturnType<typeof useReportFormat>;
