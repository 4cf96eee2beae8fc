import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from "react";
import { useLocale, useT } from "../../i18n";
import { useBookingErrorText } from "../../lib/booking-errors";
import { useFailureText } from "../../lib/booking-failures";
import { HIDDEN_STATUSES, isEditable } from "../../lib/booking-status";
import type { CalendarBooking, CalendarView } from "../../lib/booking-types";
import { useBookingCheck, type CheckInput } from "../../lib/use-booking-check";
import { useNow } from "../../lib/use-now";
import { todayIn, zoneOffsetLabel } from "../../lib/zoned-format";
import { BookingBlock } from "./BookingBlock";
import { CalendarHeaderCells, HEADER_ROW_PX, useHeaderRows } from "./CalendarHeader";
import { DAY_MINUTES, HOUR_PX, PX_PER_MIN, buildColumns, firstOpenMinute, minuteOf, segmentsByColumn } from "./calendar-layout";
import { DragGhost, useDragVerdict } from "./DragGhost";
import { useCalendarDrag, type DragState, type DropResult } from "./use-calendar-drag";

interface Props {
  view: CalendarView;
  mode: "day" | "week";
  showCancelled: boolean;
  currency: string;
  /** A drop, with the core's verdict on it when it came in before the drop (null: not known yet). */
  onDrop(result: DropResult, refused: string | null): void;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

const checkInputOf = (drag: DragState, locationId: string): CheckInput => ({
  ...(drag.booking ? { bookingId: drag.booking.id } : { locationId }),
  roomIds: drag.roomIds,
  startsAt: new Date(drag.startMs).toISOString(),
  endsAt: new Date(drag.endMs).toISOString(),
});

/** Arrow keys walk the bookings: up and down within a room column, left and right to the nearest in the next columns. */
function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  const el = e.currentTarget;
  const grid = el.closest(".cal-grid");
  if (!grid) return;
  const all = [...grid.querySelectorAll<HTMLElement>(".cal-event")].map((b) => ({ el: b, col: Number(b.dataset.column), min: Number(b.dataset.startMin) }));
  const me = { col: Number(el.dataset.column), min: Number(el.dataset.startMin) };
  let next: HTMLElement | undefined;
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    const same = all.filter((b) => b.col === me.col).sort((a, b) => a.min - b.min);
    const i = same.findIndex((b) => b.el === el);
    next = same[i + (e.key === "ArrowDown" ? 1 : -1)]?.el;
  } else {
    const step = e.key === "ArrowRight" ? 1 : -1;
    const cols = [...new Set(all.map((b) => b.col))].sort((a, b) => a - b).filter((c) => (step > 0 ? c > me.col : c < me.col));
    const col = step > 0 ? cols[0] : cols.at(-1);
    next = all.filter((b) => b.col === col).sort((a, b) => Math.abs(a.min - me.min) - Math.abs(b.min - me.min))[0]?.el;
  }
  if (next) {
    e.preventDefault();
    next.focus();
    next.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

/**
 * Rooms as columns on each location's own clock, bookings drawn by status, opening hours shaded,
 * a "now" line; drag to create, move or resize with the core's live check shown before the drop.
 */
export function CalendarGrid({ view, mode, showCancelled, currency, onDrop }: Props) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => buildColumns(view), [view]);
  const shown = useMemo(
    () => (showCancelled ? view.bookings : view.bookings.filter((b) => !HIDDEN_STATUSES.includes(b.status))),
    [view, showCancelled],
  );
  const segments = useMemo(() => segmentsByColumn(columns, shown), [columns, shown]);
  const byId = useMemo(() => new Map(shown.map((b) => [b.id, b])), [shown]);
  const errorText = useBookingErrorText(currency);

  const verdictRef = useRef<{ key: string; refused: string | null } | null>(null);
  const { drag, handlers } = useCalendarDrag({
    columns,
    bookings: byId,
    scrollRef,
    canEdit: (b: CalendarBooking) => isEditable(b.status),
    onDrop: (result) => {
      const key = result.kind === "move" || result.kind === "resize" ? `${result.startMs}|${result.endMs}|${result.roomIds.join()}` : null;
      const known = key !== null && verdictRef.current?.key === key ? verdictRef.current.refused : null;
      onDrop(result, known);
    },
  });
  const dragColumn = drag ? columns[drag.column] : undefined;
  const check = useBookingCheck(drag && dragColumn ? checkInputOf(drag, dragColumn.location.id) : null);
  const failureText = useFailureText(currency, drag && dragColumn ? { startMs: drag.startMs, endMs: drag.endMs, timeZone: dragColumn.location.timeZone } : null);
  const verdict = useDragVerdict(check, failureText, errorText);
  verdictRef.current = drag ? { key: `${drag.startMs}|${drag.endMs}|${drag.roomIds.join()}`, refused: verdict.tone === "refused" ? verdict.lines.join(" · ") : null } : null;

  // Open on the studio's morning rather than at midnight; again when the view changes shape.
  const shapeKey = `${mode}|${view.locations.map((l) => l.id).join()}`;
  useEffect(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = Math.max(0, (firstOpenMinute(columns) - 60) * PX_PER_MIN);
  }, [shapeKey]);

  const headerRows = useHeaderRows(columns, view.locations.length > 1, mode === "week", now);
  const headRows = headerRows.length;
  const gridStyle = {
    gridTemplateColumns: `var(--cal-axis) repeat(${columns.length}, minmax(var(--cal-col-min), 1fr))`,
    gridTemplateRows: `repeat(${headRows}, ${HEADER_ROW_PX}px) ${DAY_MINUTES * PX_PER_MIN}px`,
    "--hour": `${HOUR_PX}px`,
  } as CSSProperties;

  return (
    <div className="cal-scroll" ref={scrollRef}>
      <div className={`cal-grid mode-${mode}${drag ? " dragging" : ""}`} style={gridStyle} {...handlers} role="region" aria-label={t("calendar.gridLabel")}>
        {/* One location: its zone's offset; several: each location's header says its own. */}
        <div className="cal-corner" style={{ gridRow: `1 / span ${headRows}`, gridColumn: 1 }} title={view.locations.map((l) => l.timeZone).join(", ")}>
          <span className="subtle">{view.locations.length === 1 ? zoneOffsetLabel(view.locations[0]!.timeZone, locale, now) : t("calendar.localTime")}</span>
        </div>
        <CalendarHeaderCells rows={headerRows} />
        <div className="cal-axis" style={{ gridRow: headRows + 1, gridColumn: 1 }} aria-hidden="true">
          {HOURS.map((h) => (
            <span key={h} className="cal-hour" style={{ top: h * HOUR_PX }}>{h === 0 ? "" : `${String(h).padStart(2, "0")}:00`}</span>
          ))}
        </div>
        {columns.map((c) => {
          const isToday = c.date === todayIn(c.location.timeZone, now);
          const nowMin = isToday ? minuteOf(c, now) : null;
          return (
            <div
              key={c.key}
              className={`cal-col${c.firstOfDay ? " first-of-day" : ""}${c.firstOfLocation ? " first-of-location" : ""}${isToday ? " today" : ""}`}
              style={{ gridRow: headRows + 1, gridColumn: c.index + 2 }}
              data-col={c.index}
              data-room={c.room.name}
              data-date={c.date}
            >
              {c.closed.map((span) => (
                <div key={span.from} className="cal-closed" style={{ top: span.from * PX_PER_MIN, height: (span.to - span.from) * PX_PER_MIN }} />
              ))}
              {c.closure !== null && mode === "day" && (
                <div className="cal-closure-label">{t("calendar.closed")}{c.closure ? ` — ${c.closure}` : ""}</div>
              )}
              {segments[c.index]!.map((s) => (
                <BookingBlock key={s.key} segment={s} timeZone={c.location.timeZone} dragging={drag?.booking?.id === s.booking.id}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      onDrop({ kind: "open", booking: s.booking }, null);
                    } else if (e.key.startsWith("Arrow")) moveFocus(e);
                  }} />
              ))}
              {nowMin !== null && <div className={`cal-now${c.firstOfDay ? " first" : ""}`} style={{ top: nowMin * PX_PER_MIN }} aria-hidden="true" />}
              {drag && drag.column === c.index && <DragGhost drag={drag} column={c} verdict={verdict} flip={c.index > columns.length * 0.55} />}
            </div>
          );
        })}
      </div>
    </div>
  );
}
