import type { Bucket } from "../../../../shared/reports/buckets";
import { cancellationReport, type CancellationRow, type CancellationSummary } from "../../../../shared/reports/cancellations";
import { engineerHours, type EngineerLine, type EngineerRow } from "../../../../shared/reports/engineer-hours";
import { gridEndMs, gridStartMs, hourGrid, type HourGrid } from "../../../../shared/reports/hour-grid";
import type { ReportBooking } from "../../../../shared/reports/report-booking";
import type { Period } from "../../../../shared/reports/report-input";
import { revenueBreakdown, type RevenueFigures, type RevenueRow } from "../../../../shared/reports/revenue";
import { utilisationBreakdown, type UtilisationBreakdown } from "../../../../shared/reports/utilisation";
import { openIntervals } from "../../../../shared/booking/open-intervals";
import { addDays, wallDate, wallTime } from "../../../../shared/zoned-time";
import type { ReportLocation, ReportRoom, ReportSource } from "./report-source";

/** One location's bookings over a period, on its own clock. */
export interface Site {
  location: ReportLocation;
  grid: HourGrid;
  bookings: ReportBooking[];
  lines: EngineerLine[];
}

export function loadSites(source: ReportSource, locations: readonly ReportLocation[], period: Period, withLines = false): Site[] {
  return locations.map((location) => {
    const grid = hourGrid(location.timeZone, period.from, period.to);
    return { location, grid, ...source.bookings(location.id, gridStartMs(grid), gridEndMs(grid), withLines) };
  });
}

/** Names for the keys of a breakdown: rooms, engineers, clients, locations. */
export interface Names {
  rooms: Map<string, ReportRoom>;
  staff: Map<string, string>;
  clients: Map<string, string>;
  locations: Map<string, string>;
}

export type Labelled<R> = R & { label: string | null };

const label = <R extends { key: string | null }>(rows: readonly R[], names: Map<string, string>, money: boolean): Labelled<R>[] =>
  sortRows(rows.map((r) => ({ ...r, label: r.key === null ? null : (names.get(r.key) ?? r.key) })), money);

/** Largest first: by amount when money is shown, else by hours (an order by amount would tell the amounts). */
function sortRows<R extends { label: string | null; totalCents?: number; hours?: number }>(rows: R[], money: boolean): R[] {
  const weight = (r: R) => (money ? (r.totalCents ?? 0) : (r.hours ?? 0));
  return rows.sort((a, b) => weight(b) - weight(a) || String(a.label).localeCompare(String(b.label)));
}

export interface RevenueBody {
  totals: RevenueFigures;
  series: (Bucket & RevenueFigures)[];
  seriesByLocation: { key: string; label: string; series: (Bucket & RevenueFigures)[] }[];
  byLocation: Labelled<RevenueRow>[];
  byRoom: Labelled<RevenueRow>[];
  byEngineer: Labelled<RevenueRow>[];
  byClient: Labelled<RevenueRow>[];
  byType: Labelled<RevenueRow>[];
}

export function revenueBody(sites: readonly Site[], buckets: Bucket[], bucketOfDay: number[], names: Names, money: boolean): RevenueBody {
  const r = revenueBreakdown(sites, buckets, bucketOfDay);
  const roomNames = new Map([...names.rooms].map(([id, room]) => [id, room.name]));
  return {
    totals: r.totals, series: r.series,
    seriesByLocation: r.seriesByLocation.map((x) => ({ ...x, label: names.locations.get(x.key) ?? x.key })),
    byLocation: label(r.byLocation, names.locations, money), byRoom: label(r.byRoom, roomNames, money), byEngineer: label(r.byEngineer, names.staff, money),
    byClient: label(r.byClient, names.clients, money), byType: label(r.byType, new Map(), money),
  };
}

export interface UtilisationBody extends Omit<UtilisationBreakdown, "byLocation" | "byRoom"> {
  byLocation: Labelled<UtilisationBreakdown["byLocation"][number]>[];
  byRoom: Labelled<UtilisationBreakdown["byRoom"][number]>[];
}

/** Utilisation: every active room of each location, and any other room that had a session. */
export function utilisationBody(source: ReportSource, locations: readonly ReportLocation[], period: Period, buckets: Bucket[], bucketOfDay: number[], names: Names): UtilisationBody {
  const rooms = [...names.rooms.values()];
  const r = utilisationBreakdown(
    locations.map((location) => {
      const grid = hourGrid(location.timeZone, period.from, period.to);
      const spans = source.roomSpans(location.id, gridStartMs(grid), gridEndMs(grid));
      const used = new Set(spans.map((s) => s.roomId));
      return {
        locationId: location.id, grid, spans,
        open: openIntervals(location.timeZone, location.openingHours, location.closures, period.from, addDays(period.to, -1)),
        rooms: rooms.filter((room) => room.locationId === location.id && (room.active || used.has(room.id))).map((room) => room.id),
      };
    }),
    buckets, bucketOfDay,
  );
  const withLabel = <R extends { key: string }>(rows: R[], name: (key: string) => string | undefined) => rows.map((x) => ({ ...x, label: name(x.key) ?? x.key }));
  return { ...r, byLocation: withLabel(r.byLocation, (k) => names.locations.get(k)), byRoom: withLabel(r.byRoom, (k) => names.rooms.get(k)?.name) };
}

export interface CancellationBody {
  totals: CancellationSummary;
  rows: (CancellationRow & { startsAt: string; date: string; time: string; location: string | null; client: string | null; rooms: string[] })[];
}

export function cancellationBody(sites: readonly Site[], names: Names): CancellationBody {
  const r = cancellationReport(sites);
  const zone = new Map(sites.map((s) => [s.location.id, s.location.timeZone]));
  const roomsOf = new Map(sites.flatMap((s) => s.bookings.map((b) => [b.id, b.roomIds] as const)));
  return {
    totals: r.totals,
    rows: r.rows.map((row) => {
      const tz = zone.get(row.locationId)!;
      return {
        ...row, startsAt: new Date(row.startMs).toISOString(), date: wallDate(tz, row.startMs), time: wallTime(tz, row.startMs),
        location: names.locations.get(row.locationId) ?? null, client: row.clientId ? (names.clients.get(row.clientId) ?? null) : null,
        rooms: (roomsOf.get(row.bookingId) ?? []).map((id) => names.rooms.get(id)?.name ?? id),
      };
    }),
  };
}

export interface EngineerBody {
  totals: { sessions: number; hours: number; billableHours: number; completedHours: number; billedNetCents: number };
  rows: Labelled<EngineerRow>[];
}

export function engineerBody(sites: readonly Site[], names: Names): EngineerBody {
  const rows = engineerHours(sites, sites.flatMap((s) => s.lines)).map((r) => ({ ...r, label: names.staff.get(r.key) ?? r.key }));
  rows.sort((a, b) => b.hours - a.hours || a.label.localeCompare(b.label));
  const totals = { sessions: 0, hours: 0, billableHours: 0, completedHours: 0, billedNetCents: 0 };
  for (const r of rows) {
    totals.sessions += r.sessions;
    totals.hours += r.hours;
    totals.billableHours += r.billableHours;
    totals.completedHours += r.completedHours;
    totals.billedNetCents += r.billedNetCents;
  }
  return { totals, rows };
}
