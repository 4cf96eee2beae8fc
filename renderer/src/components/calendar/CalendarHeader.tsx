import type { ReactNode } from "react";
import { useLocale, useT } from "../../i18n";
import { formatDate, todayIn, zoneOffsetLabel } from "../../lib/zoned-format";
import type { CalendarColumn } from "./calendar-layout";

export const HEADER_ROW_PX = 30;

interface Cell {
  key: string;
  start: number;
  span: number;
  className: string;
  title?: string;
  content: ReactNode;
}

/** "Studio A — Neve" → "SA", "Salle de répétition" → "SR": a room's name where only two letters fit. */
function roomInitials(name: string): string {
  const words = name.split(/[\s—–-]+/).filter((w) => /^\p{L}|^\d/u.test(w) && !/^(de|du|des|la|le|les|the|of|d')$/i.test(w));
  return words.slice(0, 2).map((w) => w[0]!.toUpperCase()).join("") || name.slice(0, 2);
}

/** Runs of consecutive columns sharing a group key (a location, or a location's day). */
function groups(columns: CalendarColumn[], keyOf: (c: CalendarColumn) => string): { first: CalendarColumn; span: number }[] {
  const out: { first: CalendarColumn; span: number }[] = [];
  for (const c of columns) {
    const last = out.at(-1);
    if (last && keyOf(last.first) === keyOf(c)) last.span++;
    else out.push({ first: c, span: 1 });
  }
  return out;
}

/**
 * The grid's sticky header: a row of locations (all side by side), a row of days (week view),
 * then the rooms. Returns the rows' cells and how many rows there are.
 */
export function useHeaderRows(columns: CalendarColumn[], showLocations: boolean, showDays: boolean, now: number): Cell[][] {
  const t = useT();
  const locale = useLocale();
  const rows: Cell[][] = [];
  if (showLocations) {
    rows.push(
      groups(columns, (c) => c.location.id).map(({ first, span }) => ({
        key: `loc|${first.location.id}`, start: first.index, span, className: "cal-h-location",
        title: `${first.location.name} — ${first.location.timeZone}`,
        content: (
          <>
            <strong>{first.location.name}</strong>
            <span className="subtle">{zoneOffsetLabel(first.location.timeZone, locale, now)}</span>
          </>
        ),
      })),
    );
  }
  if (showDays) {
    rows.push(
      groups(columns, (c) => `${c.location.id}|${c.date}`).map(({ first, span }) => {
        const today = first.date === todayIn(first.location.timeZone, now);
        return {
          key: `day|${first.location.id}|${first.date}`, start: first.index, span,
          className: `cal-h-day${today ? " today" : ""}${first.closure !== null ? " closed" : ""}`,
          title: first.closure !== null ? `${t("calendar.closed")}${first.closure ? ` — ${first.closure}` : ""}` : undefined,
          content: (
            <>
              <span className="cal-h-day-name">{formatDate(first.date, locale, "weekday")}</span>
              {first.closure !== null && <span className="badge muted">{t("calendar.closed")}</span>}
            </>
          ),
        };
      }),
    );
  }
  rows.push(
    columns.map((c) => ({
      key: `room|${c.key}`, start: c.index, span: 1, className: `cal-h-room${c.firstOfDay ? " first-of-day" : ""}`, title: c.room.name,
      content: (
        <>
          <span className="swatch" style={{ background: c.room.colour }} />
          <span className="cal-h-room-name full">{c.room.name}</span>
          <span className="cal-h-room-name short" aria-hidden="true">{roomInitials(c.room.name)}</span>
        </>
      ),
    })),
  );
  return rows;
}

export function CalendarHeaderCells({ rows }: { rows: Cell[][] }) {
  return (
    <>
      {rows.map((cells, r) =>
        cells.map((cell) => (
          <div
            key={cell.key}
            className={`cal-h ${cell.className}`}
            title={cell.title}
            style={{ gridRow: r + 1, gridColumn: `${cell.start + 2} / span ${cell.span}`, top: r * HEADER_ROW_PX }}
          >
            {cell.content}
          </div>
        )),
      )}
    </>
  );
}
