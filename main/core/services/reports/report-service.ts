import { agingBucket, agingSummary, outstandingOn, type AgingBucket, type AgingSummary } from "../../../../shared/reports/aging";
import { bucketsOf } from "../../../../shared/reports/buckets";
import { changes, previousPeriod, type Change } from "../../../../shared/reports/compare";
import { depositReport, type DepositRow, type DepositSummary } from "../../../../shared/reports/deposits";
import { shownReport, type MoneyOptional } from "../../../../shared/reports/money-visibility";
import { agingInput, locationsInput, reportInput, topClientsInput, type Granularity, type Period } from "../../../../shared/reports/report-input";
import { reportScope } from "../../../../shared/reports/report-scope";
import { daysBetween, wallDate } from "../../../../shared/zoned-time";
import type { AccessStore } from "../../account/access-store";
import type { Db } from "../../db/open-database";
import { AppError } from "../../errors";
import type { DeviceClock } from "../../sync/device-clock";
import type { InvoiceService } from "../documents/invoice-service";
import { parseInput } from "../parse-input";
import {
  cancellationBody, engineerBody, loadSites, revenueBody, utilisationBody, type CancellationBody, type EngineerBody, type Labelled, type Names,
  type RevenueBody, type Site, type UtilisationBody,
} from "./report-builders";
import { ReportSource, type ReportLocation } from "./report-source";

/** What every report says about itself: what it covers, and whether it shows money. */
export interface ReportMeta {
  money: boolean;
  currency: string;
  locations: { id: string; name: string; timeZone: string }[];
}

export interface PeriodMeta extends ReportMeta {
  period: Period;
  granularity: Granularity;
  /** With `compare`: the same number of days just before, its totals (and series) and the change of each total. */
  previous: { period: Period; totals: object; series?: object[] } | null;
  changes: Record<string, Change> | null;
}

export type PeriodReport<B> = MoneyOptional<PeriodMeta & B>;

export interface TopClientRow {
  key: string;
  label: string;
  bookings: number;
  hours: number;
  totalCents: number;
  /** Share of the period's client revenue (of its hours when money is hidden). */
  share: number;
}

/** One unpaid invoice of the aging report: what is still due on it, and how late it is on `asOf`. */
export interface AgingRow {
  id: string;
  displayNumber: string | null;
  clientId: string;
  client: string | null;
  locationId: string | null;
  issuedOn: string;
  dueOn: string | null;
  /** Days past the due date (past the issue date without one) on `asOf`; 0 when not yet due. */
  daysOverdue: number;
  dueCents: number;
  bucket: AgingBucket;
}

export type AgingReport = MoneyOptional<ReportMeta & { asOf: string; totals: { invoices: number; outstandingCents: number }; buckets: AgingSummary["buckets"]; rows: AgingRow[] }>;

interface Context extends ReportMeta {
  scoped: ReportLocation[];
  names: Names;
}

/**
 * Studio reports, computed from the local database: revenue, utilisation, cancellations, deposits
 * held, top clients and engineers' hours, for the locations the acting person may see, with money
 * only for those who may see it (the rules are in shared/reports; this reads and assembles).
 */
export class ReportService {
  private readonly source: ReportSource;

  constructor(
    db: Db,
    private readonly access: AccessStore,
    private readonly clock: DeviceClock,
    /** The invoices as the documents side computes them (paid from payment rows, credit notes, due amount). */
    private readonly invoices?: Pick<InvoiceService, "list">,
  ) {
    this.source = new ReportSource(db);
  }

  /**
   * Unpaid invoices on `asOf` (a local date, today by default) by age: 0–30, 31–60, 61–90 and 90+
   * days past due. "Due" is what was still due at the end of `asOf` (shared/reports/aging.ts,
   * outstandingOn): total less the payments received and credit notes issued by then, so a report
   * dated in the past is not emptied by money that came in later. Drafts, invoices issued after
   * `asOf` or voided by then, and those settled by then are left out.
   */
  aging(input?: unknown): AgingReport {
    const parsed = parseInput(agingInput, input ?? {}, "report");
    const ctx = this.context(parsed.locationIds);
    const asOf = parsed.asOf ?? wallDate(ctx.scoped[0]!.timeZone, this.clock.boundedNow());
    const covered = new Set(ctx.scoped.map((l) => l.id));
    const sites = this.source.locations();
    const zoneOf = new Map(sites.map((l) => [l.id, l.timeZone]));
    // An invoice without a location is the studio's: shown only to those covering every location.
    const everywhere = sites.every((l) => covered.has(l.id));
    const all = this.invoices?.list({}) ?? [];
    const payments = this.source.invoicePayments();
    const credits = new Map<string, { totalCents: number; issuedOn: string }[]>();
    for (const c of all) {
      if (c.kind !== "credit_note" || c.creditedInvoiceId === null || c.issuedOn === null || c.status === "void" || c.status === "draft") continue;
      credits.set(c.creditedInvoiceId, [...(credits.get(c.creditedInvoiceId) ?? []), { totalCents: c.totalCents, issuedOn: c.issuedOn }]);
    }
    const unpaid = all.flatMap((i) => {
      if (i.kind !== "invoice" || i.issuedOn === null || !(i.locationId === null ? everywhere : covered.has(i.locationId))) return [];
      // Voided: on the day it was voided in its location's calendar (one without a date counts as never issued).
      const voidedOn = i.status !== "void" ? null : i.voidedAt ? wallDate(zoneOf.get(i.locationId ?? "") ?? ctx.scoped[0]!.timeZone, Date.parse(i.voidedAt)) : i.issuedOn;
      const due = outstandingOn(asOf, { issuedOn: i.issuedOn, totalCents: i.totalCents, voidedOn, payments: payments.get(i.id) ?? [], credits: credits.get(i.id) ?? [] });
      return due !== null && due > 0 ? [{ ...i, issuedOn: i.issuedOn, dueCents: due }] : [];
    });
    const clients = this.source.clientNames(unpaid.map((i) => i.clientId));
    const rows: AgingRow[] = unpaid.map((i) => ({
      id: i.id, displayNumber: i.displayNumber, clientId: i.clientId, client: clients.get(i.clientId) ?? null, locationId: i.locationId,
      issuedOn: i.issuedOn, dueOn: i.dueOn, daysOverdue: Math.max(0, daysBetween(i.dueOn ?? i.issuedOn, asOf)), dueCents: i.dueCents,
      bucket: agingBucket(asOf, i.issuedOn, i.dueOn),
    })).sort((a, b) => b.daysOverdue - a.daysOverdue || b.dueCents - a.dueCents || a.id.localeCompare(b.id));
    const summary = agingSummary(asOf, rows.map((r) => ({ id: r.id, issuedOn: r.issuedOn, dueOn: r.dueOn, outstandingCents: r.dueCents })));
    const { scoped: _s, names: _n, ...meta } = ctx;
    return shownReport({ ...meta, asOf, totals: { invoices: summary.invoices, outstandingCents: summary.outstandingCents }, buckets: summary.buckets, rows }, ctx.money);
  }

  /** Which locations the person's reports cover and whether they show money: what the screens ask first. */
  scope(input?: unknown): ReportMeta {
    const { locationIds } = parseInput(locationsInput, input ?? {}, "report");
    const { scoped: _s, names: _n, ...meta } = this.context(locationIds);
    return meta;
  }

  revenue(input: unknown): PeriodReport<RevenueBody> {
    return this.periodReport(input, "bookings", (ctx, sites, period, g) => {
      const { buckets, bucketOfDay } = bucketsOf(period.from, daysBetween(period.from, period.to), g);
      return revenueBody(sites, buckets, bucketOfDay, ctx.names, ctx.money);
    });
  }

  utilisation(input: unknown): PeriodReport<UtilisationBody> {
    return this.periodReport(input, null, (ctx, _sites, period, g) => {
      const { buckets, bucketOfDay } = bucketsOf(period.from, daysBetween(period.from, period.to), g);
      return utilisationBody(this.source, ctx.scoped, period, buckets, bucketOfDay, ctx.names);
    });
  }

  cancellations(input: unknown): PeriodReport<CancellationBody> {
    return this.periodReport(input, "bookings", (ctx, sites) => cancellationBody(sites, ctx.names));
  }

  engineers(input: unknown): PeriodReport<EngineerBody> {
    return this.periodReport(input, "lines", (ctx, sites) => engineerBody(sites, ctx.names));
  }

  topClients(input: unknown): PeriodReport<{ totals: { clients: number; bookings: number; hours: number; totalCents: number }; rows: TopClientRow[] }> {
    const limit = parseInput(topClientsInput, input, "report").limit ?? 10;
    return this.periodReport(input, "bookings", (ctx, sites, period, g) => {
      const { buckets, bucketOfDay } = bucketsOf(period.from, daysBetween(period.from, period.to), g);
      const clients = revenueBody(sites, buckets, bucketOfDay, ctx.names, ctx.money).byClient.filter((r): r is Labelled<typeof r> & { key: string } => r.key !== null);
      const totals = { clients: clients.length, bookings: 0, hours: 0, totalCents: 0 };
      for (const c of clients) {
        totals.bookings += c.bookings;
        totals.hours += c.hours;
        totals.totalCents += c.totalCents;
      }
      const whole = ctx.money ? totals.totalCents : totals.hours;
      const rows = clients.slice(0, limit).map((c) => ({
        key: c.key, label: c.label ?? c.key, bookings: c.bookings, hours: c.hours, totalCents: c.totalCents,
        share: whole > 0 ? (ctx.money ? c.totalCents : c.hours) / whole : 0,
      }));
      return { totals, rows };
    });
  }

  /** Deposits of upcoming sessions as of now (the device's bounded clock), whatever the period. */
  deposits(input?: unknown): MoneyOptional<ReportMeta & { asOf: string; totals: DepositSummary; rows: (DepositRow & { startsAt: string; date: string; location: string | null; client: string | null })[] }> {
    const { locationIds } = parseInput(locationsInput, input ?? {}, "report");
    const ctx = this.context(locationIds);
    const now = this.clock.boundedNow();
    const zone = new Map(ctx.scoped.map((l) => [l.id, l.timeZone]));
    const r = depositReport(ctx.scoped.flatMap((l) => this.source.upcomingDeposits(l.id, now)));
    const clients = this.source.clientNames(r.rows.map((x) => x.clientId));
    const rows = r.rows.map((x) => ({
      ...x, startsAt: new Date(x.startMs).toISOString(), date: wallDate(zone.get(x.locationId)!, x.startMs),
      location: ctx.names.locations.get(x.locationId) ?? null, client: x.clientId ? (clients.get(x.clientId) ?? null) : null,
    }));
    const { scoped: _s, names: _n, ...meta } = ctx;
    return shownReport({ ...meta, asOf: new Date(now).toISOString(), totals: r.totals, rows }, ctx.money);
  }

  private context(requested: readonly string[] | undefined): Context {
    const locations = this.source.locations();
    const result = reportScope(this.access.subject(), this.clock.boundedNow(), locations.map((l) => l.id), requested);
    if (!result.ok) {
      const where = result.locationId ? ` at location ${result.locationId}` : "";
      if (result.code === "NOT_FOUND") throw new AppError("NOT_FOUND", `Location ${result.locationId} does not exist`);
      throw new AppError("FORBIDDEN", `Your role does not allow report.view${where}`, undefined, { permission: "report.view", locationId: result.locationId });
    }
    const scoped = locations.filter((l) => result.scope.locationIds.includes(l.id));
    return {
      money: result.scope.money,
      currency: this.source.currency(),
      locations: scoped.map((l) => ({ id: l.id, name: l.name, timeZone: l.timeZone })),
      scoped,
      names: {
        rooms: new Map(this.source.rooms().map((r) => [r.id, r])), staff: this.source.staffNames(),
        clients: new Map(), locations: new Map(locations.map((l) => [l.id, l.name])),
      },
    };
  }

  private periodReport<B extends { totals: object; series?: object[] }>(
    input: unknown,
    /** Which bookings to hand over one by one: none (the report sums in SQL), or with the engineers' price lines. */
    load: "bookings" | "lines" | null,
    build: (ctx: Context, sites: Site[], period: Period, granularity: Granularity) => B,
  ): PeriodReport<B> {
    const parsed = parseInput(reportInput, input, "report");
    const granularity = parsed.granularity ?? "day";
    const ctx = this.context(parsed.locationIds);
    const run = (period: Period): B => {
      const sites = load ? loadSites(this.source, ctx.scoped, period, load === "lines") : [];
      // Client names are looked up for the clients these bookings have, not the whole file.
      if (load) ctx.names.clients = this.source.clientNames(sites.flatMap((s) => s.bookings.map((b) => b.clientId)));
      return build(ctx, sites, period, granularity);
    };
    const body = run(parsed.period);
    let previous: PeriodMeta["previous"] = null;
    let changed: PeriodMeta["changes"] = null;
    if (parsed.compare) {
      const period = previousPeriod(parsed.period);
      const before = run(period);
      previous = { period, totals: before.totals, ...(before.series ? { series: before.series } : {}) };
      changed = changes(body.totals, before.totals);
    }
    const { scoped: _s, names: _n, ...meta } = ctx;
    return shownReport({ ...meta, period: parsed.period, granularity, previous, changes: changed, ...body }, ctx.money);
  }
}
