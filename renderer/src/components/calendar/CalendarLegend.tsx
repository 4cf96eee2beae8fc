import { useT } from "../../i18n";

const ITEMS = ["hold", "confirmed", "checked_in", "completed", "conflict", "cancelled"] as const;

/** What each way of drawing a booking means, and whether cancelled ones are drawn too. */
export function CalendarLegend({ showCancelled, onShowCancelled }: { showCancelled: boolean; onShowCancelled(show: boolean): void }) {
  const t = useT();
  return (
    <div className="cal-legend" aria-label={t("calendar.legend")}>
      {ITEMS.map((s) => (
        <span key={s} className="cal-legend-item">
          <span className={`cal-legend-swatch status-${s}`} />
          {t(`booking.status.${s}`)}
        </span>
      ))}
      <span className="cal-legend-item">
        <span className="cal-legend-swatch closed" />
        {t("calendar.closedHours")}
      </span>
      <span className="grow" />
      <label className="check">
        <input type="checkbox" checked={showCancelled} onChange={(e) => onShowCancelled(e.target.checked)} />
        {t("calendar.showCancelled")}
      </label>
    </div>
  );
}
