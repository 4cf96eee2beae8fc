import type { Granularity } from "../../../../shared/reports/report-input";
import { GRANULARITIES } from "../../../../shared/reports/report-input";
import type { Translate } from "../../i18n";
import { PRESETS, type PeriodChoice } from "./period";

interface Props {
  t: Translate;
  choice: PeriodChoice;
  onChoice(next: PeriodChoice): void;
  locations: { id: string; name: string }[];
  locationId: string;
  onLocation(id: string): void;
  sideBySide: boolean;
  onSideBySide(on: boolean): void;
  /** The period is not one: say so under the dates. */
  invalid: boolean;
  /** Deposits are a balance as of now: the period does not apply. */
  periodless: boolean;
}

/** The period (preset or dates), its buckets and comparison; the locations, consolidated or side by side. */
export function ReportFilters({ t, choice, onChoice, locations, locationId, onLocation, sideBySide, onSideBySide, invalid, periodless }: Props) {
  const set = (patch: Partial<PeriodChoice>) => onChoice({ ...choice, ...patch });
  return (
    <div className="card report-filters">
      <div className="filter-group" aria-disabled={periodless}>
        <div className="segmented" role="group" aria-label={t("reports.period")}>
          {PRESETS.map((p) => (
            <button key={p} type="button" aria-pressed={choice.preset === p} disabled={periodless} onClick={() => set({ preset: p })}>{t(`reports.preset.${p}`)}</button>
          ))}
        </div>
        {choice.preset === "custom" && (
          <div className="date-range">
            <label>{t("reports.from")} <input className="input" type="date" value={choice.from} aria-invalid={invalid} disabled={periodless} onChange={(e) => set({ from: e.target.value })} /></label>
            <label>{t("reports.to")} <input className="input" type="date" value={choice.last} aria-invalid={invalid} disabled={periodless} onChange={(e) => set({ last: e.target.value })} /></label>
          </div>
        )}
      </div>
      <label className="filter-inline">
        {t("reports.granularity")}
        <select className="input" value={choice.granularity} disabled={periodless} onChange={(e) => set({ granularity: e.target.value as Granularity })}>
          {GRANULARITIES.map((g) => <option key={g} value={g}>{t(`reports.granularity.${g}`)}</option>)}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={choice.compare} disabled={periodless} onChange={(e) => set({ compare: e.target.checked })} />
        {t("reports.compare")}
      </label>
      {locations.length > 1 && (
        <>
          <label className="filter-inline">
            {t("reports.location")}
            <select className="input" value={locationId} onChange={(e) => onLocation(e.target.value)}>
              <option value="">{t("common.allLocations")}</option>
              {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </label>
          {locationId === "" && (
            <div className="segmented" role="group" aria-label={t("reports.view")}>
              <button type="button" aria-pressed={!sideBySide} onClick={() => onSideBySide(false)}>{t("reports.view.consolidated")}</button>
              <button type="button" aria-pressed={sideBySide} onClick={() => onSideBySide(true)}>{t("reports.view.sideBySide")}</button>
            </div>
          )}
        </>
      )}
      {invalid && !periodless && <div className="error full" role="alert">{t("reports.badPeriod")}</div>}
    </div>
  );
}
