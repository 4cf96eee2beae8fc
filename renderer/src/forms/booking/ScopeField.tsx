import { SERIES_SCOPES } from "../../../../shared/booking/booking-input";
import { useT } from "../../i18n";
import type { SeriesScope } from "./booking-form-values";

/** This occurrence, this and the following ones, or the whole series. */
export function ScopeField({ value, onChange, label }: { value: SeriesScope; onChange(v: SeriesScope): void; label: string }) {
  const t = useT();
  return (
    <div className="field" role="radiogroup" aria-label={label}>
      <span className="label">{label}</span>
      <div className="scope-options">
        {SERIES_SCOPES.map((s) => (
          <label key={s} className="check">
            <input type="radio" name="series-scope" checked={value === s} onChange={() => onChange(s)} />
            {t(`series.scope.${s}`)}
          </label>
        ))}
      </div>
    </div>
  );
}
