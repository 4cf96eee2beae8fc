import type { FieldErrors } from "../../../shared/errors";
import { WEEKDAYS, type WeeklyHours } from "../../../shared/schemas/opening-hours";
import { FieldError } from "../components/Fields";
import { useT } from "../i18n";

/** Weekly opening hours: each day closed or one to four spans, in the location's wall clock. */
export function HoursEditor({ value, onChange, errors }: { value: WeeklyHours; onChange(v: WeeklyHours): void; errors: FieldErrors }) {
  const t = useT();
  const setDay = (day: (typeof WEEKDAYS)[number], spans: WeeklyHours[typeof day]) => onChange({ ...value, [day]: spans });
  return (
    <div className="fieldset">
      <div className="fieldset-title">{t("locations.hours")}</div>
      {WEEKDAYS.map((day) => (
        <div className="hours-row" key={day} data-day={day}>
          <div style={{ paddingTop: 6, fontWeight: 560 }}>{t(`day.${day}`)}</div>
          <div>
            <div className="hours-spans">
              {value[day].length === 0 && <span className="muted">{t("locations.closed")}</span>}
              {value[day].map((span, i) => (
                <span className="span" key={i}>
                  <input className="input" aria-label={t("locations.spanOpen", { day: t(`day.${day}`), n: i + 1 })} value={span.open}
                    aria-invalid={Boolean(errors[`openingHours.${day}.${i}.open`])}
                    onChange={(e) => setDay(day, value[day].map((s, j) => (j === i ? { ...s, open: e.target.value } : s)))} />
                  –
                  <input className="input" aria-label={t("locations.spanClose", { day: t(`day.${day}`), n: i + 1 })} value={span.close}
                    aria-invalid={Boolean(errors[`openingHours.${day}.${i}.close`])}
                    onChange={(e) => setDay(day, value[day].map((s, j) => (j === i ? { ...s, close: e.target.value } : s)))} />
                  <button type="button" className="btn ghost small" onClick={() => setDay(day, value[day].filter((_, j) => j !== i))}>{t("locations.removeSpan")}</button>
                </span>
              ))}
              {value[day].length < 4 && (
                <button type="button" className="btn small" onClick={() => setDay(day, [...value[day], { open: value[day].length ? "19:00" : "10:00", close: value[day].length ? "23:00" : "19:00" }])}>
                  + {t("locations.addSpan")}
                </button>
              )}
            </div>
            {value[day].map((_, i) => (
              <div key={i}>
                <FieldError errors={errors} name={`openingHours.${day}.${i}.open`} />
                <FieldError errors={errors} name={`openingHours.${day}.${i}.close`} />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
