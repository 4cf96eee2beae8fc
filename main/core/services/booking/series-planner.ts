import type { BookingDraft, CreateSeriesInput } from "../../../../shared/booking/booking-input";
import type { BookingStatus } from "../../../../shared/booking/booking-status";
import type { BookingFailure, ExistingBooking } from "../../../../shared/booking/booking-types";
import { expandSeries, formatRrule, parseRrule, shiftRuleDays, withCount, type RecurrenceRule } from "../../../../shared/booking/rrule";
import { uuidv7 } from "../../../../shared/ids";
import { addDays, daysBetween, wallDate, wallMinutes, zonedToInstant } from "../../../../shared/zoned-time";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { AppError } from "../../errors";
import type { LocalWriter } from "../../sync/local-writer";
import { candidateOf, bookingRefused, type BookingEvaluator, type Evaluation } from "./booking-evaluator";
import { NEW_BOOKING, draftOf, failuresOfEdit, pendingAsExisting, valuesFrom } from "./booking-drafts";
import type { BookingStore, StoredBooking } from "./booking-store";
import type { CheckContextLoader } from "./check-context-loader";

/** One occurrence's verdict, as the series dialog lists them ("3 June: Studio A is booked…"). */
export interface OccurrenceCheck {
  seq: number;
  date: string;
  startsAt: string;
  endsAt: string;
  ok: boolean;
  failures: BookingFailure[];
  warnings: BookingFailure[];
}

interface Planned {
  check: OccurrenceCheck;
  draft: BookingDraft;
  ev: Evaluation;
}

export type SeriesScope = "one" | "following" | "all";

interface SeriesRow {
  id: string;
  location_id: string;
  rrule: string;
  time_zone: string;
  first_date: string;
  start_minute: number;
  duration_ms: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Occurrences that may still be moved or cancelled with their series. */
const OPEN_STATUSES: readonly BookingStatus[] = ["hold", "confirmed", "conflict"];

/** Each failure carries the date of the occurrence it belongs to, so a flat list still says which day. */
const dated = (failures: BookingFailure[], date: string) => failures.map((f) => (f.date ? f : { ...f, date }));

function occurrenceCheck(seq: number, date: string, draft: BookingDraft, failures: BookingFailure[], warnings: BookingFailure[]): OccurrenceCheck {
  return { seq, date, startsAt: draft.startsAt, endsAt: draft.endsAt, ok: failures.length === 0, failures: dated(failures, date), warnings: dated(warnings, date) };
}

/**
 * Recurring series: expanded on the location's clock, every occurrence checked (against stored
 * bookings and the series' own earlier occurrences), then moved or cancelled one, following or all.
 */
export class SeriesPlanner {
  constructor(
    private readonly db: Db,
    private readonly writer: LocalWriter,
    private readonly store: BookingStore,
    private readonly evaluator: BookingEvaluator,
    private readonly loader: CheckContextLoader,
    private readonly now: () => number,
  ) {}

  private rule(text: string): RecurrenceRule {
    const parsed = parseRrule(text);
    if (!parsed.ok) throw new AppError("VALIDATION_FAILED", "Invalid recurrence rule", { rrule: [parsed.message] });
    return parsed.rule;
  }

  /** Every occurrence of a new series with its verdict; nothing is written. */
  plan(data: CreateSeriesInput): { planned: Planned[]; rule: RecurrenceRule; timeZone: string } {
    const timeZone = this.loader.location(data.locationId).timeZone;
    const rule = this.rule(data.rrule);
    const startMs = Date.parse(data.startsAt);
    const durationMs = Date.parse(data.endsAt) - startMs;
    const { occurrences, tooMany } = expandSeries(rule, {
      timeZone, firstDate: wallDate(timeZone, startMs), startMinute: wallMinutes(timeZone, startMs), durationMs,
    });
    if (tooMany) throw new AppError("VALIDATION_FAILED", "The series has too many occurrences", { rrule: ["v.rruleTooMany"] });
    const accepted: ExistingBooking[] = [];
    const planned = occurrences.map((o) => {
      // The first occurrence is exactly as given (seconds included); the others follow the wall clock.
      const draft: BookingDraft = { ...data, startsAt: o.seq === 1 ? data.startsAt : iso(o.startMs), endsAt: o.seq === 1 ? data.endsAt : iso(o.endMs) };
      const ev = this.evaluator.evaluate(candidateOf(draft, null, null), { overridePast: data.overridePast ?? false, extra: accepted });
      if (ev.result.ok) accepted.push(pendingAsExisting(`series-occurrence-${o.seq}`, draft, ev, data.status));
      return { check: occurrenceCheck(o.seq, o.date, draft, ev.result.failures, ev.result.warnings), draft, ev };
    });
    return { planned, rule, timeZone };
  }

  /**
   * Creates the series and its bookings in one transaction. Any failing date refuses the whole
   * series (details list each date), unless `skipFailing` creates the free dates and reports the rest.
   */
  create(data: CreateSeriesInput, holdExpiresAt: number | null): { seriesId: string; bookingIds: string[]; skipped: OccurrenceCheck[] } {
    return this.db.transaction(() => {
      const { planned, timeZone } = this.plan(data);
      const failing = planned.filter((p) => !p.check.ok).map((p) => p.check);
      const ok = planned.filter((p) => p.check.ok);
      if ((failing.length > 0 && !data.skipFailing) || ok.length === 0) {
        throw bookingRefused(failing.flatMap((f) => f.failures), [], { occurrences: failing });
      }
      const seriesId = uuidv7();
      const startMs = Date.parse(data.startsAt);
      this.writeSeries(seriesId, {
        locationId: data.locationId, rrule: data.rrule.trim().replace(/^RRULE:/i, "").toUpperCase(), timeZone,
        firstDate: wallDate(timeZone, startMs), startMinute: wallMinutes(timeZone, startMs), durationMs: Date.parse(data.endsAt) - startMs,
      });
      const bookingIds = ok.map((p) =>
        this.store.insert(
          valuesFrom(p.draft, p.ev, { ...NEW_BOOKING, status: data.status, holdExpiresAt, overridePast: false, seriesId, seriesSeq: p.check.seq }),
        ),
      );
      return { seriesId, bookingIds, skipped: failing };
    })();
  }

  private series(id: string): SeriesRow {
    const row = prepareCached(this.db, "SELECT * FROM booking_series WHERE id = ? AND deleted_at IS NULL").get(id) as SeriesRow | undefined;
    if (!row) throw new AppError("NOT_FOUND", `Series ${id} does not exist`);
    return row;
  }

  private writeSeries(
    id: string,
    f: { locationId: string; rrule: string; timeZone: string; firstDate: string; startMinute: number; durationMs: number },
  ): void {
    this.writer.insert({
      entity: "booking_series",
      table: "booking_series",
      rowId: id,
      fields: {
        locationId: ["location_id", f.locationId], rrule: ["rrule", f.rrule], timeZone: ["time_zone", f.timeZone],
        firstDate: ["first_date", f.firstDate], startMinute: ["start_minute", f.startMinute], durationMs: ["duration_ms", f.durationMs],
      },
    });
  }

  /** The occurrences an action on `selected` reaches: itself, or the open ones not yet started from it (or all). */
  targets(selected: StoredBooking, scope: SeriesScope): StoredBooking[] {
    const { seriesId, seriesSeq } = selected.values;
    if (scope === "one" || seriesId === null) return [selected];
    const ids = prepareCached(
      this.db,
      `SELECT id FROM bookings WHERE series_id = ? AND series_seq >= ? AND starts_at > ? AND deleted_at IS NULL
       AND status IN (${OPEN_STATUSES.map(() => "?").join(", ")}) ORDER BY series_seq`,
    )
      .pluck()
      .all(seriesId, scope === "all" ? 0 : (seriesSeq ?? 0), this.now(), ...OPEN_STATUSES) as string[];
    const found = ids.map((id) => this.store.get(id));
    // The chosen occurrence is always part of its own action, even if it has already started.
    return found.some((t) => t.row.id === selected.row.id) ? found : [selected, ...found];
  }

  /**
   * Moves the chosen occurrences by the same change as `selected`: the same number of days, the same
   * new time of day on the location's clock (a 10:00 session moved to 11:00 is 11:00 on every date,
   * across DST), the same new length. All or nothing; refused with each failing date.
   */
  move(
    selected: StoredBooking,
    input: { startsAt: string; endsAt: string; roomIds?: string[]; scope: SeriesScope; overridePast: boolean },
    write: boolean,
  ): { bookingIds: string[]; occurrences: OccurrenceCheck[]; warnings: BookingFailure[] } {
    const targets = this.targets(selected, input.scope);
    const timeZone = this.loader.location(selected.values.locationId).timeZone;
    const newStart = Date.parse(input.startsAt);
    const durationMs = Date.parse(input.endsAt) - newStart;
    const dayShift = daysBetween(wallDate(timeZone, selected.values.startsAt), wallDate(timeZone, newStart));
    const startMinute = wallMinutes(timeZone, newStart);
    const moving = new Set(targets.map((t) => t.row.id));
    const accepted: ExistingBooking[] = [];
    const planned = targets.map((t) => {
      const date = addDays(wallDate(timeZone, t.values.startsAt), dayShift);
      const startMs = t.row.id === selected.row.id ? newStart : zonedToInstant(timeZone, date, startMinute, "later");
      const draft: BookingDraft = {
        ...draftOf(t.values), startsAt: iso(startMs), endsAt: iso(startMs + durationMs), roomIds: input.roomIds ?? t.values.roomIds,
      };
      const previous = { startMs: t.values.startsAt, endMs: t.values.endsAt };
      const ev = this.evaluator.evaluate(candidateOf(draft, t.row.id, previous), { overridePast: input.overridePast, exclude: moving, extra: accepted });
      const failures = failuresOfEdit(ev.result.failures, t.values, draft, previous);
      if (failures.length === 0) accepted.push(pendingAsExisting(t.row.id, draft, ev, t.values.status));
      return { target: t, draft, ev, check: occurrenceCheck(t.values.seriesSeq ?? 1, date, draft, failures, ev.result.warnings) };
    });
    const occurrences = planned.map((p) => p.check);
    const warnings = occurrences.flatMap((o) => o.warnings);
    if (!write) return { bookingIds: [], occurrences, warnings };
    const failing = occurrences.filter((o) => !o.ok);
    if (failing.length > 0) throw bookingRefused(failing.flatMap((f) => f.failures), warnings, { occurrences: failing });
    this.db.transaction(() => {
      const renumber = input.scope === "one" || selected.values.seriesId === null ? null : this.reshapeSeries(selected.values.seriesId, targets, dayShift, startMinute, durationMs);
      planned.forEach((p, i) => {
        const kept = { ...p.target.values, ...(renumber ? { seriesId: renumber, seriesSeq: i + 1 } : {}) };
        this.store.update(p.target.row.id, valuesFrom(p.draft, p.ev, kept), p.target.values);
      });
    })();
    return { bookingIds: targets.map((t) => t.row.id), occurrences, warnings };
  }

  /**
   * Keeps the series row describing its occurrences after a move of several: when the moved ones are
   * the whole open series, its rule moves with them; otherwise the series is split, the earlier part
   * keeping its rule up to the split and the moved part becoming a new series. Returns the id the
   * moved occurrences now belong to, or null when they stay in place.
   */
  private reshapeSeries(seriesId: string, targets: StoredBooking[], dayShift: number, startMinute: number, durationMs: number): string | null {
    const series = this.series(seriesId);
    const rule = this.rule(series.rrule);
    const firstMovedSeq = Math.min(...targets.map((t) => t.values.seriesSeq ?? 1));
    const earlier = prepareCached(this.db, "SELECT count(*) FROM bookings WHERE series_id = ? AND series_seq < ? AND deleted_at IS NULL")
      .pluck()
      .get(seriesId, firstMovedSeq) as number;
    const moved = {
      rrule: formatRrule(withCount(shiftRuleDays(rule, dayShift), targets.length)),
      firstDate: addDays(wallDate(series.time_zone, Math.min(...targets.map((t) => t.values.startsAt))), dayShift),
      startMinute,
      durationMs,
    };
    if (earlier === 0) {
      this.writer.update({
        entity: "booking_series", table: "booking_series", rowId: seriesId,
        fields: {
          rrule: ["rrule", moved.rrule], firstDate: ["first_date", moved.firstDate],
          startMinute: ["start_minute", moved.startMinute], durationMs: ["duration_ms", moved.durationMs],
        },
      });
      return null;
    }
    this.writer.update({ entity: "booking_series", table: "booking_series", rowId: seriesId, fields: { rrule: ["rrule", formatRrule(withCount(rule, firstMovedSeq - 1))] } });
    const newId = uuidv7();
    this.writeSeries(newId, { locationId: series.location_id, timeZone: series.time_zone, ...moved });
    return newId;
  }
}
