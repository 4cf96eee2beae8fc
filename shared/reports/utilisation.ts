import type { Interval } from "../booking/booking-types";
import { mergeIntervals } from "../booking/intervals";
import { WEEKDAYS, type Weekday } from "../schemas/opening-hours";
import { HOUR_MS, addDays, weekdayOf } from "../zoned-time";
import type { Bucket } from "./buckets";
import { dayStartMs, gridEndMs, gridStartMs, spreadOverSlots, type HourGrid } from "./hour-grid";
import { isSession, type ReportBooking } from "./report-booking";

export interface UtilisationFigures {
  /** Room-hours open: each room counts the location's open hours. */
  openHours: number;
  /** Room-hours booked while open. */
  bookedHours: number;
  /** Room-hours booked while closed (late sessions): shown, not counted in the ratio. */
  outsideHours: number;
  /** bookedHours ÷ openHours, 0..1; null when nothing was open. */
  utilisation: number | null;
}

export interface HeatCell {
  weekday: Weekday;
  /** Hour of the local wall clock, 0–23. */
  hour: number;
  openHours: number;
  bookedHours: number;
  utilisation: number | null;
}

export interface UtilisationBreakdown {
  totals: UtilisationFigures;
  series: (Bucket & UtilisationFigures)[];
  /** Each location's figures, and its own series for the side-by-side view. */
  byLocation: (UtilisationFigures & { key: string; rooms: number; clockHours: number; series: (Bucket & UtilisationFigures)[] })[];
  byRoom: (UtilisationFigures & { key: string; locationId: string })[];
  /** 7 × 24 cells, Monday 00:00 first, each location read on its own wall clock. */
  heatmap: HeatCell[];
}

export interface UtilisationSite {
  locationId: string;
  grid: HourGrid;
  /** When the location is open, merged (openIntervals of its hours and closures). */
  open: readonly Interval[];
  rooms: readonly string[];
  /** Where each room was booked for a session (sessionSpans; the core reads them straight from SQL). */
  spans: readonly RoomSpan[];
}

/** A room held by a session over [startMs, endMs). */
export interface RoomSpan {
  roomId: string;
  startMs: number;
  endMs: number;
}

/** The room spans of the bookings that are sessions (holds, cancellations and no-shows free their rooms). */
export function sessionSpans(bookings: readonly ReportBooking[]): RoomSpan[] {
  return bookings.filter(isSession).flatMap((b) => b.roomIds.map((roomId) => ({ roomId, startMs: b.startMs, endMs: b.endMs })));
}

interface Tally {
  openMs: number;
  bookedMs: number;
  outsideMs: number;
}

const figures = (t: Tally): UtilisationFigures => ({
  openHours: t.openMs / HOUR_MS,
  bookedHours: t.bookedMs / HOUR_MS,
  outsideHours: t.outsideMs / HOUR_MS,
  utilisation: t.openMs > 0 ? t.bookedMs / t.openMs : null,
});
const tally = (): Tally => ({ openMs: 0, bookedMs: 0, outsideMs: 0 });

/** The parts of `booked` inside `open` (both sorted and merged), visited in order. */
function eachOverlap(booked: readonly Interval[], open: readonly Interval[], visit: (startMs: number, endMs: number) => void): void {
  let j = 0;
  for (const b of booked) {
    while (j < open.length && open[j]!.endMs <= b.startMs) j++;
    for (let k = j; k < open.length && open[k]!.startMs < b.endMs; k++) {
      const s = Math.max(b.startMs, open[k]!.startMs);
      const e = Math.min(b.endMs, open[k]!.endMs);
      if (e > s) visit(s, e);
    }
  }
}

/**
 * Room utilisation over the period: booked hours ÷ open hours, from the location's opening hours
 * and closures on its own clock, per room, location, bucket and weekday × hour.
 */
export function utilisationBreakdown(sites: readonly UtilisationSite[], buckets: readonly Bucket[], bucketOfDay: readonly number[]): UtilisationBreakdown {
  const totals = tally();
  const series = buckets.map(tally);
  const cells = Array.from({ length: 7 * 24 }, tally);
  const byLocation: UtilisationBreakdown["byLocation"] = [];
  const byRoom: UtilisationBreakdown["byRoom"] = [];
  for (const site of sites) {
    const { grid } = site;
    const periodStart = gridStartMs(grid);
    const periodEnd = gridEndMs(grid);
    const open = site.open.map((i) => ({ startMs: Math.max(i.startMs, periodStart), endMs: Math.min(i.endMs, periodEnd) })).filter((i) => i.endMs > i.startMs);
    const openSlots = new Float64Array(grid.starts.length - 1);
    const bookedSlots = new Float64Array(grid.starts.length - 1);
    const allSlots = new Float64Array(grid.starts.length - 1);
    let openMs = 0;
    for (const i of open) {
      openMs += i.endMs - i.startMs;
      spreadOverSlots(grid, i.startMs, i.endMs, (slot, ms) => (openSlots[slot]! += ms));
    }
    const byRoomSpans = new Map<string, Interval[]>(site.rooms.map((r) => [r, []]));
    for (const s of site.spans) byRoomSpans.get(s.roomId)?.push({ startMs: Math.max(s.startMs, periodStart), endMs: Math.min(s.endMs, periodEnd) });
    const siteTally = tally();
    for (const [roomId, spans] of byRoomSpans) {
      const room = tally();
      room.openMs = openMs;
      const booked = mergeIntervals(spans);
      for (const i of booked) {
        room.outsideMs += i.endMs - i.startMs;
        spreadOverSlots(grid, i.startMs, i.endMs, (slot, ms) => (allSlots[slot]! += ms));
      }
      eachOverlap(booked, open, (s, e) => {
        room.bookedMs += e - s;
        spreadOverSlots(grid, s, e, (slot, ms) => (bookedSlots[slot]! += ms));
      });
      room.outsideMs -= room.bookedMs;
      byRoom.push({ key: roomId, locationId: site.locationId, ...figures(room) });
      siteTally.openMs += room.openMs;
      siteTally.bookedMs += room.bookedMs;
      siteTally.outsideMs += room.outsideMs;
    }
    const rooms = byRoomSpans.size;
    const own = buckets.map(tally);
    for (let day = 0; day < grid.days; day++) {
      const bucket = series[bucketOfDay[day]!]!;
      const mine = own[bucketOfDay[day]!]!;
      const weekday = WEEKDAYS.indexOf(weekdayOf(addDays(grid.from, day)));
      for (let hour = 0; hour < 24; hour++) {
        const slot = day * 24 + hour;
        const open = openSlots[slot]! * rooms;
        const booked = bookedSlots[slot]!;
        bucket.openMs += open;
        bucket.bookedMs += booked;
        bucket.outsideMs += allSlots[slot]! - booked;
        mine.openMs += open;
        mine.bookedMs += booked;
        mine.outsideMs += allSlots[slot]! - booked;
        const cell = cells[weekday * 24 + hour]!;
        cell.openMs += open;
        cell.bookedMs += booked;
      }
    }
    byLocation.push({
      key: site.locationId, rooms, clockHours: (dayStartMs(grid, grid.days) - periodStart) / HOUR_MS, ...figures(siteTally),
      series: buckets.map((b, i) => ({ ...b, ...figures(own[i]!) })),
    });
    totals.openMs += siteTally.openMs;
    totals.bookedMs += siteTally.bookedMs;
    totals.outsideMs += siteTally.outsideMs;
  }
  return {
    totals: figures(totals),
    series: buckets.map((b, i) => ({ ...b, ...figures(series[i]!) })),
    byLocation,
    byRoom,
    heatmap: cells.map((c, i) => ({ weekday: WEEKDAYS[Math.floor(i / 24)]!, hour: i % 24, ...figures(c) })).map(({ outsideHours: _o, ...cell }) => cell),
  };
}
