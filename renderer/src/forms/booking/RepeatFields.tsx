import type { FieldErrors } from "../../../../shared/errors";
import { CheckField, FieldError } from "../../components/Fields";
import { useT } from "../../i18n";
import type { OccurrenceCheck } from "../../lib/booking-types";
import type { BookingFormValues } from "./booking-form-values";
import { OccurrenceSummary } from "./FailureList";

interface Props {
  values: BookingFormValues;
  set<K extends keyof BookingFormValues>(field: K, value: BookingFormValues[K]): void;
  errors: FieldErrors;
  occurrences: OccurrenceCheck[] | null;
  currency: string;
  timeZone: string;
}

/** "Every week", until a date or a number of times; each date's verdict is shown before saving. */
export function RepeatFields({ values: v, set, errors, occurrences, currency, timeZone }: Props) {
  const t = useT();
  return (
    <div className="fieldset repeat">
      <CheckField name="repeat" label={t("series.repeatWeekly")} checked={v.repeat} onChange={(x) => set("repeat", x)} />
      {v.repeat && (
        <>
          <div className="repeat-end" role="radiogroup" aria-label={t("series.ends")}>
            <label className="check">
              <input type="radio" name="repeat-end" checked={v.repeatEnd === "count"} onChange={() => set("repeatEnd", "count")} />
              {t("series.times")}
            </label>
            <input className="input small-input" inputMode="numeric" aria-label={t("series.count")} value={v.repeatCount} disabled={v.repeatEnd !== "count"}
              onChange={(e) => set("repeatCount", e.target.value)} />
            <label className="check">
              <input type="radio" name="repeat-end" checked={v.repeatEnd === "until"} onChange={() => set("repeatEnd", "until")} />
              {t("series.until")}
            </label>
            <input className="input date-input" type="date" aria-label={t("series.untilDate")} value={v.repeatUntil} disabled={v.repeatEnd !== "until"}
              onChange={(e) => set("repeatUntil", e.target.value)} />
          </div>
          <FieldError errors={errors} name="rrule" />
          {occurrences && <OccurrenceSummary occurrences={occurrences} currency={currency} timeZone={timeZone} />}
          {occurrences?.some((o) => !o.ok) && occurrences.some((o) => o.ok) && (
            <CheckField name="skipFailing" label={t("series.skipFailing")} checked={v.skipFailing} onChange={(x) => set("skipFailing", x)} />
          )}
        </>
      )}
    </div>
  );
}
