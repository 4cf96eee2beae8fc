import { addDays } from "../../../../shared/zoned-time";
import { useLocale, useT } from "../../i18n";
import { capitalize, formatDate } from "../../lib/zoned-format";
import type { CalendarMode, LocationChoice } from "../../store/calendar-store";
import type { LocationRow } from "../../lib/types";
import { Icon } from "../Icon";

interface Props {
  mode: CalendarMode;
  /** First shown date (Monday in week view). */
  start: string;
  date: string;
  today: string;
  onDate(date: string | null): void;
}

/** Previous / today / next and a date picker, with the shown day or week in words. */
export function CalendarToolbar(p: Props) {
  const t = useT();
  const locale = useLocale();
  const step = p.mode === "week" ? 7 : 1;
  const range = p.mode === "week"
    ? t("calendar.weekRange", { from: formatDate(p.start, locale, "short"), to: formatDate(addDays(p.start, 6), locale, "short") })
    : capitalize(formatDate(p.date, locale, "long"));
  return (
    <div className="toolbar cal-toolbar">
      <div className="cal-nav" role="group" aria-label={t("calendar.navigation")}>
        <button type="button" className="icon-btn" aria-label={t(p.mode === "week" ? "calendar.prevWeek" : "calendar.prevDay")} onClick={() => p.onDate(addDays(p.date, -step))}>
          <Icon name="chevronLeft" size={16} />
        </button>
        <button type="button" className="btn small" disabled={p.date === p.today} onClick={() => p.onDate(null)}>{t("calendar.today")}</button>
        <button type="button" className="icon-btn" aria-label={t(p.mode === "week" ? "calendar.nextWeek" : "calendar.nextDay")} onClick={() => p.onDate(addDays(p.date, step))}>
          <Icon name="chevronRight" size={16} />
        </button>
      </div>
      <h2 className="cal-range" aria-live="polite">{range}</h2>
      <span className="grow" />
      <input className="input date-input" type="date" aria-label={t("calendar.pickDate")} value={p.date}
        onChange={(e) => e.target.value && p.onDate(e.target.value)} />
    </div>
  );
}

/** One location or all of them side by side, and day or week: the shape of the grid. */
export function CalendarViewPicker(p: {
  mode: CalendarMode;
  onMode(mode: CalendarMode): void;
  locations: LocationRow[];
  location: LocationChoice;
  onLocation(location: LocationChoice): void;
}) {
  const t = useT();
  return (
    <>
      <select className="input location-select" aria-label={t("common.location")} value={p.location} onChange={(e) => p.onLocation(e.target.value)}>
        {p.locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        {p.locations.length > 1 && <option value="all">{t("calendar.allLocations")}</option>}
      </select>
      <div className="segmented" role="group" aria-label={t("calendar.view")}>
        <button type="button" aria-pressed={p.mode === "day"} onClick={() => p.onMode("day")}>{t("calendar.day")}</button>
        <button type="button" aria-pressed={p.mode === "week"} onClick={() => p.onMode("week")}>{t("calendar.week")}</button>
      </div>
    </>
  );
}
