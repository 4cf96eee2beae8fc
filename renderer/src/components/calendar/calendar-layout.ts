import { MINUTE_MS, wallMinutes, zonedToInstant } from "../../../../shared/zoned-time";
import type { CalendarBooking, CalendarLocation, CalendarRoom, CalendarView } from "../../lib/booking-types";

/** Drags snap to a quarter hour; every zone offset in use is a multiple of 15 minutes, so UTC snapping is local snapping. */
export const SNAP_MINUTES = 15;
export const SNAP_MS = SNAP_MINUTES * MINUTE_MS;
export const HOUR_PX = 48;
export const PX_PER_MIN = HOUR_PX / 60;
export const DAY_MINUTES = 1440;

export interface MinuteSpan {
  from: number;
  to: number;
}

/** One room on one local day of one location: the grid's unit of layout and of drop targets. */
export interface CalendarColumn {
  index: number;
  key: string;
  location: CalendarLocation;
  date: string;
  room: CalendarRoom;
  dayStartMs: number;
  dayEndMs: number;
  /** Minutes of the day outside opening hours (all of it on a closure day), shaded. */
  closed: MinuteSpan[];
  closure: string | null;
  firstOfDay: boolean;
  firstOfLocation: boolean;
}

export const snapMs = (ms: number): number => Math.round(ms / SNAP_MS) * SNAP_MS;
export const floorSnapMs = (ms: number): number => Math.floor(ms / SNAP_MS) * SNAP_MS;

/** Position of an instant in a column, in minutes from its local midnight (clamped to the day). */
export function minuteOf(column: Pick<CalendarColumn, "dayStartMs" | "dayEndMs" | "location">, ms: number): number {
  if (ms <= column.dayStartMs) return 0;
  if (ms >= column.dayEndMs) return DAY_MINUTES;
  return wallMinutes(column.location.timeZone, ms);
}

/** The instant at `minute` of the column's day, on its location's clock. */
export function instantAt(column: CalendarColumn, minute: number): number {
  const m = Math.max(0, Math.min(DAY_MINUTES, minute));
  return zonedToInstant(column.location.timeZone, column.date, m, "later");
}

function closedSpans(column: Omit<CalendarColumn, "closed">, open: { startsAt: string; endsAt: string }[]): MinuteSpan[] {
  if (column.closure !== null) return [{ from: 0, to: DAY_MINUTES }];
  const opens = open
    .map((o) => ({ from: minuteOf(column, Date.parse(o.startsAt)), to: minuteOf(column, Date.parse(o.endsAt)) }))
    .filter((o) => o.to > o.from)
    .sort((a, b) => a.from - b.from);
  const closed: MinuteSpan[] = [];
  let cursor = 0;
  for (const o of opens) {
    if (o.from > cursor) closed.push({ from: cursor, to: o.from });
    cursor = Math.max(cursor, o.to);
  }
  if (cursor < DAY_MINUTES) closed.push({ from: cursor, to: DAY_MINUTES });
  return closed;
}

/** Columns in reading order: location, then day, then room. */
export function buildColumns(view: CalendarView): CalendarColumn[] {
  const columns: CalendarColumn[] = [];
  for (const location of view.locations) {
    location.days.forEach((day, d) => {
      location.rooms.forEach((room, r) => {
        const dayStartMs = zonedToInstant(location.timeZone, day.date, 0, "clock");
        const dayEndMs = zonedToInstant(location.timeZone, day.date, DAY_MINUTES, "clock");
        const base = {
          index: columns.length,
          key: `${location.id}|${day.date}|${room.id}`,
          location, date: day.date, room, dayStartMs, dayEndMs,
          closure: day.closure,
          firstOfDay: r === 0,
          firstOfLocation: d === 0 && r === 0,
        };
        columns.push({ ...base, closed: closedSpans(base, day.open) });
      });
    });
  }
  return columns;
}

/** A booking's part in one column (a session across midnight has one per day), and its lane. */
export interface Segment {
  key: string;
  booking: CalendarBooking;
  column: number;
  fromMin: number;
  toMin: number;
  startsHere: boolean;
  endsHere: boolean;
  lane: number;
  lanes: number;
}

/**
 * Overlapping bookings of a column sit side by side: each cluster of overlaps is split into as
 * many lanes as it needs at its busiest, each booking in the first lane free when it starts.
 */
export function layoutLanes(segments: Segment[]): void {
  const sorted = [...segments].sort((a, b) => a.fromMin - b.fromMin || b.toMin - a.toMin);
  let cluster: Segment[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const s of cluster) s.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const s of sorted) {
    if (s.fromMin >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= s.fromMin);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(s.toMin);
    } else laneEnds[lane] = s.toMin;
    s.lane = lane;
    cluster.push(s);
    clusterEnd = Math.max(clusterEnd, s.toMin);
  }
  close();
}

/** Each column's segments, laid out in lanes. */
export function segmentsByColumn(columns: CalendarColumn[], bookings: CalendarBooking[]): Segment[][] {
  const out: Segment[][] = columns.map(() => []);
  for (const b of bookings) {
    const start = Date.parse(b.startsAt);
    const end = Date.parse(b.endsAt);
    for (const c of columns) {
      if (c.location.id !== b.locationId || !b.rooms.some((r) => r.id === c.room.id)) continue;
      if (end <= c.dayStartMs || start >= c.dayEndMs) continue;
      const fromMin = minuteOf(c, start);
      const toMin = Math.max(fromMin + 1, minuteOf(c, end));
      out[c.index]!.push({
        key: `${b.id}|${c.key}`, booking: b, column: c.index, fromMin, toMin,
        startsHere: start >= c.dayStartMs, endsHere: end <= c.dayEndMs, lane: 0, lanes: 1,
      });
    }
  }
  for (const list of out) layoutLanes(list);
  return out;
}

/** The earliest opening of the shown days, to scroll the grid to when it opens (08:00 when nothing opens). */
export function firstOpenMinute(columns: CalendarColumn[]): number {
  let first = DAY_MINUTES;
  for (const c of columns) {
    const open = c.closed[0]?.from === 0 ? c.closed[0].to : 0;
    if (open < DAY_MINUTES) first = Math.min(first, open);
  }
  return first === DAY_MINUTES ? 8 * 60 : first;
}
