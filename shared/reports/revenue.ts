import { HOUR_MS } from "../zoned-time";
import type { Bucket } from "./buckets";
import { dayOf, type HourGrid } from "./hour-grid";
import { isSession, type ReportBooking } from "./report-booking";
import { splitCents } from "./split-cents";

export interface RevenueFigures {
  /** Sessions counted (confirmed, checked in, completed). */
  bookings: number;
  hours: number;
  netCents: number;
  vatCents: number;
  /** Net + VAT of the sessions. */
  grossCents: number;
  cancellationFeesCents: number;
  noShowFeesCents: number;
  /** Gross plus the fees kept. */
  totalCents: number;
}

export interface RevenueRow extends RevenueFigures {
  /** The room, engineer, client, location or booking type; null: none (no engineer, no client). */
  key: string | null;
}

export interface RevenueBreakdown {
  totals: RevenueFigures;
  series: (Bucket & RevenueFigures)[];
  /** Each location's own series, for the side-by-side view. */
  seriesByLocation: { key: string; series: (Bucket & RevenueFigures)[] }[];
  byLocation: RevenueRow[];
  byRoom: RevenueRow[];
  byEngineer: RevenueRow[];
  byClient: RevenueRow[];
  byType: RevenueRow[];
}

/** One location's bookings with its own clock: each booking counts on the local day it starts. */
export interface RevenueSite {
  grid: HourGrid;
  bookings: readonly ReportBooking[];
}

export const emptyRevenue = (): RevenueFigures => ({
  bookings: 0, hours: 0, netCents: 0, vatCents: 0, grossCents: 0, cancellationFeesCents: 0, noShowFeesCents: 0, totalCents: 0,
});

/**
 * A booking's own contribution, written into `f` (one scratch object for a whole month of bookings):
 * a session's hours and amounts, or the fee kept on a cancellation or no-show; false for the rest.
 */
function contribution(b: ReportBooking, f: RevenueFigures): boolean {
  f.bookings = f.hours = f.netCents = f.vatCents = f.grossCents = f.cancellationFeesCents = f.noShowFeesCents = 0;
  if (isSession(b)) {
    f.bookings = 1;
    f.hours = (b.endMs - b.startMs) / HOUR_MS;
    f.netCents = b.netCents;
    f.vatCents = b.vatCents;
    f.grossCents = b.totalCents;
  } else if (b.status === "cancelled") f.cancellationFeesCents = b.feeCents;
  else if (b.status === "no_show") f.noShowFeesCents = b.feeCents;
  else return false;
  f.totalCents = f.grossCents + f.cancellationFeesCents + f.noShowFeesCents;
  return true;
}

// Field by field: this runs several times per booking over a month of thousands.
function add(into: RevenueFigures, f: RevenueFigures): void {
  into.bookings += f.bookings;
  into.hours += f.hours;
  into.netCents += f.netCents;
  into.vatCents += f.vatCents;
  into.grossCents += f.grossCents;
  into.cancellationFeesCents += f.cancellationFeesCents;
  into.noShowFeesCents += f.noShowFeesCents;
  into.totalCents += f.totalCents;
}

const MONEY = ["netCents", "vatCents", "grossCents", "cancellationFeesCents", "noShowFeesCents"] as const;

function rowOf(rows: Map<string | null, RevenueFigures>, key: string | null): RevenueFigures {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = emptyRevenue()));
  return row;
}

/**
 * `f` shared out over `keys`: money split to the cent so each breakdown adds up to the total,
 * while every room (engineer) keeps the whole session's count and hours, which it really had.
 */
function addShared(rows: Map<string | null, RevenueFigures>, keys: readonly (string | null)[], f: RevenueFigures): void {
  if (keys.length === 1) return add(rowOf(rows, keys[0]!), f);
  const shares = MONEY.map((k) => splitCents(f[k], keys.length));
  keys.forEach((key, i) => {
    const row = rowOf(rows, key);
    row.bookings += f.bookings;
    row.hours += f.hours;
    MONEY.forEach((k, m) => (row[k] += shares[m]![i]!));
    row.totalCents = row.grossCents + row.cancellationFeesCents + row.noShowFeesCents;
  });
}

const rowsOf = (map: Map<string | null, RevenueFigures>): RevenueRow[] => [...map].map(([key, f]) => ({ key, ...f }));

const NO_ENGINEER: readonly null[] = [null];

/**
 * Revenue of the period: sessions' net, VAT and gross, plus the cancellation and no-show fees
 * kept, each counted on the local day its session starts, in buckets and by location, room,
 * engineer, client and booking type. Holds and conflicts bring nothing until confirmed.
 */
export function revenueBreakdown(sites: readonly RevenueSite[], buckets: readonly Bucket[], bucketOfDay: readonly number[]): RevenueBreakdown {
  const totals = emptyRevenue();
  const series = buckets.map((b) => ({ ...b, ...emptyRevenue() }));
  const byLocation = new Map<string | null, RevenueFigures>();
  const byRoom = new Map<string | null, RevenueFigures>();
  const byEngineer = new Map<string | null, RevenueFigures>();
  const byClient = new Map<string | null, RevenueFigures>();
  const byType = new Map<string | null, RevenueFigures>();
  const f = emptyRevenue();
  const seriesByLocation = new Map<string, (Bucket & RevenueFigures)[]>();
  const seriesOf = (locationId: string) => {
    let own = seriesByLocation.get(locationId);
    if (!own) seriesByLocation.set(locationId, (own = buckets.map((b) => ({ ...b, ...emptyRevenue() }))));
    return own;
  };
  for (const { grid, bookings } of sites) {
    for (const b of bookings) {
      const day = dayOf(grid, b.startMs);
      if (day < 0) continue;
      if (!contribution(b, f)) continue;
      add(totals, f);
      add(series[bucketOfDay[day]!]!, f);
      add(seriesOf(b.locationId)[bucketOfDay[day]!]!, f);
      add(rowOf(byLocation, b.locationId), f);
      addShared(byRoom, b.roomIds, f);
      addShared(byEngineer, b.staffIds.length > 0 ? b.staffIds : NO_ENGINEER, f);
      add(rowOf(byClient, b.clientId), f);
      add(rowOf(byType, b.type), f);
    }
  }
  return {
    totals, series, seriesByLocation: [...seriesByLocation].map(([key, own]) => ({ key, series: own })), byLocation: rowsOf(byLocation), byRoom: rowsOf(byRoom), byEngineer: rowsOf(byEngineer), byClient: rowsOf(byClient), byType: rowsOf(byType),
  };
}
