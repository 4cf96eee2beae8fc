import { useLocale, useT } from "../../i18n";
import { failureText, useFailureText, type Slot } from "../../lib/booking-failures";
import type { BookingFailure, OccurrenceCheck } from "../../lib/booking-types";
import { formatDate } from "../../lib/zoned-format";

interface Props {
  failures: BookingFailure[];
  warnings: BookingFailure[];
  currency: string;
  /** Name the date of each failure (a series lists several days). */
  withDates?: boolean;
  /** The slot checked, so that a clash of setup or teardown only is said so. */
  slot?: Slot | null;
}

/** Why the core would refuse the booking, each rule in words; warnings (unpaid balance…) apart. */
export function FailureList({ failures, warnings, currency, withDates, slot }: Props) {
  const t = useT();
  const locale = useLocale();
  const text = useFailureText(currency, slot);
  const dated = (f: BookingFailure) => (withDates && f.date ? `${formatDate(f.date, locale, "short")} — ${text(f)}` : text(f));
  if (failures.length === 0 && warnings.length === 0) return null;
  return (
    <div className="failures">
      {failures.length > 0 && (
        <div className="banner error" role="alert" data-testid="booking-failures">
          <strong>{t("booking.refused", { n: failures.length })}</strong>
          <ul>{failures.map((f, i) => <li key={i}>{dated(f)}</li>)}</ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="banner warn" role="status" data-testid="booking-warnings">
          <ul>{warnings.map((f, i) => <li key={i}>{dated(f)}</li>)}</ul>
        </div>
      )}
    </div>
  );
}

/** A series' dates at a glance: how many are free, and each failing date with its reasons. */
export function OccurrenceSummary({ occurrences, currency, timeZone }: { occurrences: OccurrenceCheck[]; currency: string; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  const text = (f: BookingFailure, o: OccurrenceCheck) =>
    failureText(f, t, locale, currency, { startMs: Date.parse(o.startsAt), endMs: Date.parse(o.endsAt), timeZone });
  const failing = occurrences.filter((o) => !o.ok);
  return (
    <div className="occurrences" data-testid="series-check">
      <div className={failing.length ? "banner error" : "banner info"} role={failing.length ? "alert" : "status"}>
        {failing.length === 0
          ? t("series.allFree", { n: occurrences.length })
          : t("series.someFail", { n: failing.length, total: occurrences.length })}
        {failing.length > 0 && (
          <ul>
            {failing.map((o) => (
              <li key={o.seq}><strong>{formatDate(o.date, locale, "short")}</strong> — {o.failures.map((f) => text(f, o)).join(" · ")}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
