import type { CSSProperties, KeyboardEvent } from "react";
import { useLocale, useT } from "../../i18n";
import { isEditable } from "../../lib/booking-status";
import { readableTextOn } from "../../lib/colour";
import { formatDayTime, formatTime } from "../../lib/zoned-format";
import { PX_PER_MIN, type Segment } from "./calendar-layout";

interface Props {
  segment: Segment;
  timeZone: string;
  /** This booking is the one being dragged: it fades where it was. */
  dragging: boolean;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
}

/** One booking in a room column, drawn by status: hold hatched, confirmed solid, completed muted, conflict outlined. */
export function BookingBlock({ segment: s, timeZone, dragging, onKeyDown }: Props) {
  const t = useT();
  const locale = useLocale();
  const b = s.booking;
  const from = formatTime(b.startsAt, timeZone, locale);
  const to = formatTime(b.endsAt, timeZone, locale);
  const title = b.label || b.title || b.projectName || t("booking.untitled");
  const detail = [b.projectName && b.projectName !== title ? b.projectName : null, ...b.staff.map((p) => p.name)].filter(Boolean).join(" · ");
  const status = b.holdExpired ? t("booking.holdExpired") : t(`booking.status.${b.status}`);
  const holdLine = b.status === "hold" && b.holdExpiresAt
    ? t(b.holdExpired ? "booking.holdExpiredAt" : "booking.holdExpires", { at: formatDayTime(b.holdExpiresAt, timeZone, locale) })
    : null;
  // What the colour alone does not say: a session under way, or one the server refused.
  const flag = b.status === "checked_in" || b.status === "conflict" ? t(`booking.status.${b.status}`) : null;
  const height = (s.toMin - s.fromMin) * PX_PER_MIN;
  const style = {
    top: s.fromMin * PX_PER_MIN,
    height: Math.max(height - 2, 14),
    left: `calc(${s.lane} * 100% / ${s.lanes} + 2px)`,
    width: `calc(100% / ${s.lanes} - 4px)`,
    "--room": b.colour,
    "--on-room": readableTextOn(b.colour),
  } as CSSProperties;
  const classes = [
    "cal-event",
    `status-${b.status}`,
    b.holdExpired ? "hold-expired" : "",
    height < 40 ? "short" : "",
    dragging ? "drag-source" : "",
    s.startsHere ? "" : "continues-before",
    s.endsHere ? "" : "continues-after",
  ].filter(Boolean).join(" ");
  return (
    <div
      className={classes}
      style={style}
      data-booking-id={b.id}
      data-column={s.column}
      data-start-min={s.fromMin}
      tabIndex={0}
      role="button"
      aria-label={`${title}, ${from}–${to}, ${b.rooms.map((r) => r.name).join(", ")}, ${status}`}
      title={[`${from}–${to} · ${title}`, detail, status, holdLine].filter(Boolean).join("\n")}
      onKeyDown={onKeyDown}
    >
      <div className="ev-line">
        <span className="ev-time">{from}<span className="ev-to">–{to}</span></span>
      </div>
      <div className="ev-title">{title}</div>
      {(detail || flag) && (
        <div className="ev-sub">
          {flag && <span className={`ev-flag${b.status === "checked_in" ? " live" : ""}`}>{flag}</span>}
          {detail}
        </div>
      )}
      {holdLine && <div className="ev-sub ev-hold">{holdLine}</div>}
      {s.endsHere && isEditable(b.status) && <div className="ev-resize" data-resize aria-hidden="true" />}
    </div>
  );
}
