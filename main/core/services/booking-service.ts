import {
  bookingDraftFields, cancelBookingInput, checkBookingInput, createBookingInput, createSeriesInput, moveBookingInput, quoteCancellationInput,
  recordPaymentInput, setStatusInput, updateBookingInput, type BookingDraft,
} from "../../../shared/booking/booking-input";
import { calendarViewInput, icsExportInput, listBookingsInput, staffScheduleInput } from "../../../shared/booking/booking-queries";
import type { BookingSettings } from "../../../shared/booking/booking-settings";
import { EDITABLE_STATUSES, canTransition, nextStatuses, type BookingStatus } from "../../../shared/booking/booking-status";
import type { BookingFailure } from "../../../shared/booking/booking-types";
import { hoursBeforeStart, quoteCancellation, quoteNoShow, type CancellationQuote } from "../../../shared/booking/cancellation";
import type { PriceBreakdown } from "../../../shared/booking/pricing";
import { byIdSchema } from "../../../shared/schemas/common";
import { HOUR_MS, wallDate } from "../../../shared/zoned-time";
import type { Db } from "../db/open-database";
import { AppError } from "../errors";
import type { LocalWriter } from "../sync/local-writer";
import { BlockoutStore } from "./booking/blockout-store";
import { NEW_BOOKING, canonical, draftOf, failuresOfEdit, priceValues, rediscounted, valuesFrom } from "./booking/booking-drafts";
import { BookingEvaluator, bookingRefused, candidateOf } from "./booking/booking-evaluator";
import type { BookingValues } from "./booking/booking-record";
import { BookingSettingsStore } from "./booking/booking-settings-store";
import { BookingStore, type StoredBooking } from "./booking/booking-store";
import { readDetail, type BookingDetail, type CalendarBooking } from "./booking/booking-views";
import { CalendarQueries, type CalendarView } from "./booking/calendar-queries";
import { CheckContextLoader } from "./booking/check-context-loader";
import { scheduleToIcs } from "./booking/schedule-export";
import { SeriesPlanner, type OccurrenceCheck } from "./booking/series-planner";
import { parseInput } from "./parse-input";
import type { StudioService } from "./studio-service";

export interface CheckOutcome {
  ok: boolean;
  failures: BookingFailure[];
  warnings: BookingFailure[];
  /** The price the booking would have, for the drawer's breakdown. */
  price: PriceBreakdown;
  currency: string;
  occupiedFrom: string;
  occupiedUntil: string;
  /** For a series move (scope following / all): each occurrence's verdict. */
  occurrences?: OccurrenceCheck[];
}

export interface WriteResult {
  booking: BookingDetail;
  warnings: BookingFailure[];
}

/** What cancelling (one or several occurrences) gives back or costs, summed, and per occurrence. */
export interface CancellationSummary {
  feeCents: number;
  refundCents: number;
  owedCents: number;
  paidCents: number;
  totalCents: number;
  depositCents: number;
  occurrences: { bookingId: string; date: string; startsAt: string; quote: CancellationQuote }[];
}

/** Status changes that re-check availability, and the failures that matter then (the slot is unchanged). */
const AVAILABILITY_CODES = new Set(["ROOM_BOOKED", "STAFF_BOOKED", "STAFF_TIME_OFF", "GEAR_SHORTAGE", "GEAR_MAINTENANCE", "ROOM_UNAVAILABLE", "STAFF_UNAVAILABLE", "GEAR_UNAVAILABLE"]);
const BOOKED_FIELDS: readonly (keyof BookingDraft)[] = ["locationId", "roomIds", "staffIds", "equipment", "clientId", "type", "startsAt", "endsAt"];
/** Whether a draft changes what the booking holds (and so is checked and priced again), over the stored booking. */
const booksAnew = (draft: BookingDraft, cur: BookingValues) => {
  const after = canonical(draft);
  const before = draftOf(cur);
  return BOOKED_FIELDS.some((f) => JSON.stringify(after[f]) !== JSON.stringify(before[f]));
};

const iso = (ms: number) => new Date(ms).toISOString();
const stripUndefined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Bookings: live checks, create / move / resize, the status lifecycle, cancellation with its quote,
 * recurring series, and the calendar's queries. Every write goes through the LocalWriter (outbox).
 */
export class BookingService {
  private readonly store: BookingStore;
  private readonly loader: CheckContextLoader;
  private readonly evaluator: BookingEvaluator;
  private readonly settingsStore: BookingSettingsStore;
  private readonly series: SeriesPlanner;
  private readonly queries: CalendarQueries;
  readonly blockouts: BlockoutStore;

  constructor(
    private readonly db: Db,
    writer: LocalWriter,
    studio: StudioService,
    private readonly now: () => number,
  ) {
    this.store = new BookingStore(db, writer);
    this.loader = new CheckContextLoader(db);
    this.settingsStore = new BookingSettingsStore(db, writer);
    this.evaluator = new BookingEvaluator(this.loader, this.settingsStore, studio, now);
    this.series = new SeriesPlanner(db, writer, this.store, this.evaluator, this.loader, now);
    this.queries = new CalendarQueries(db, now);
    this.blockouts = new BlockoutStore(db, writer);
  }

  settings(): BookingSettings {
    return this.settingsStore.get();
  }

  updateSettings(input: unknown): BookingSettings {
    return this.settingsStore.update(input);
  }

  get(id: string): BookingDetail {
    const detail = readDetail(this.db, id, this.now());
    if (!detail) throw new AppError("NOT_FOUND", `Booking ${id} does not exist`);
    return detail;
  }

  /** The live check the calendar runs while dragging and the drawer while editing; writes nothing. */
  check(input: unknown): CheckOutcome {
    const { bookingId, overridePast, ...fields } = parseInput(checkBookingInput, input, "booking");
    if (bookingId === undefined) {
      const draft = parseInput(bookingDraftFields, { staffIds: [], equipment: [], clientId: null, type: "hourly", discountBp: 0, ...stripUndefined(fields) }, "booking");
      return this.outcome(this.evaluator.evaluate(candidateOf(draft, null, null), { overridePast: overridePast ?? false }));
    }
    const stored = this.store.get(bookingId);
    const draft = parseInput(bookingDraftFields, { ...draftOf(stored.values), ...stripUndefined(fields) }, "booking");
    const previous = { startMs: stored.values.startsAt, endMs: stored.values.endsAt };
    const ev = this.evaluator.evaluate(candidateOf(draft, bookingId, previous), { overridePast: overridePast ?? false });
    const outcome = this.outcome(ev, failuresOfEdit(ev.result.failures, stored.values, draft, previous));
    // Nothing booked changes: the price is the stored one with the draft's discount, as saving would store it.
    return booksAnew(draft, stored.values) ? outcome : { ...outcome, price: rediscounted(stored.values, draft.discountBp) };
  }

  private outcome(ev: ReturnType<BookingEvaluator["evaluate"]>, failures = ev.result.failures): CheckOutcome {
    return {
      ok: failures.length === 0, failures, warnings: ev.result.warnings, price: ev.price, currency: ev.currency,
      occupiedFrom: iso(ev.occupied.startMs), occupiedUntil: iso(ev.occupied.endMs),
    };
  }

  private holdExpiry(status: BookingStatus, requested: string | null | undefined): number | null {
    if (status !== "hold") return null;
    const nowMs = this.now();
    const expires = requested ? Date.parse(requested) : nowMs + this.settingsStore.get().holdExpiryHours * HOUR_MS;
    if (expires <= nowMs) throw new AppError("VALIDATION_FAILED", "A hold must expire in the future", { holdExpiresAt: ["v.holdExpiry"] });
    return expires;
  }

  /** A new booking, as a hold (blocking until it expires) or confirmed. Refused with every failing rule. */
  create(input: unknown): WriteResult {
    const data = parseInput(createBookingInput, input, "booking");
    const holdExpiresAt = this.holdExpiry(data.status, data.holdExpiresAt);
    return this.db.transaction(() => {
      const ev = this.evaluator.evaluate(candidateOf(data, null, null), { overridePast: data.overridePast ?? false });
      if (!ev.result.ok) throw bookingRefused(ev.result.failures, ev.result.warnings);
      const id = this.store.insert(valuesFrom(data, ev, { ...NEW_BOOKING, status: data.status, holdExpiresAt, overridePast: false }));
      return { booking: this.get(id), warnings: ev.result.warnings };
    })();
  }

  /**
   * Edits the drawer's fields; times, rooms, staff, gear and client are checked again (and priced at
   * today's rates, less the discount). A new discount alone re-prices the booking's own lines.
   */
  update(input: unknown): WriteResult {
    const { id, patch, overridePast } = parseInput(updateBookingInput, input, "booking");
    return this.db.transaction(() => this.edit(this.store.get(id), stripUndefined(patch), overridePast ?? false))();
  }

  private edit(stored: StoredBooking, patch: Partial<BookingDraft> & { holdExpiresAt?: string | null }, overridePast: boolean): WriteResult {
    const cur = stored.values;
    const { holdExpiresAt, ...fields } = patch;
    const draft = canonical(parseInput(bookingDraftFields, { ...draftOf(cur), ...fields }, "booking"));
    const booked = booksAnew(draft, cur);
    const discounted = draft.discountBp !== cur.discountBp;
    if ((booked || discounted) && !EDITABLE_STATUSES.includes(cur.status)) {
      throw new AppError("INVALID_TRANSITION", `A ${cur.status} booking can no longer be changed`, undefined, { from: cur.status });
    }
    if (cur.status === "checked_in" && Date.parse(draft.startsAt) !== cur.startsAt) {
      throw new AppError("INVALID_TRANSITION", "A session in progress keeps its start; change its end", undefined, { from: cur.status });
    }
    let next: BookingValues = { ...cur, title: draft.title, projectName: draft.projectName, notes: draft.notes };
    let warnings: BookingFailure[] = [];
    if (booked) {
      const previous = { startMs: cur.startsAt, endMs: cur.endsAt };
      const ev = this.evaluator.evaluate(candidateOf(draft, stored.row.id, previous), { overridePast });
      const failures = failuresOfEdit(ev.result.failures, cur, draft, previous);
      if (failures.length > 0) throw bookingRefused(failures, ev.result.warnings);
      next = valuesFrom(draft, ev, cur);
      warnings = ev.result.warnings;
    } else if (discounted) {
      // Only the discount: the lines keep the rates they were booked at, nothing is checked again.
      next = { ...next, ...priceValues(rediscounted(cur, draft.discountBp)) };
    }
    if (holdExpiresAt !== undefined) {
      if (cur.status !== "hold") throw new AppError("VALIDATION_FAILED", "Only a hold has an expiry", { holdExpiresAt: ["v.holdExpiry"] });
      next.holdExpiresAt = this.holdExpiry("hold", holdExpiresAt);
    }
    this.store.update(stored.row.id, next, cur);
    return { booking: this.get(stored.row.id), warnings };
  }

  /** Drag to move or resize; for a series, this occurrence, the following ones or all of them. */
  move(input: unknown): { bookings: BookingDetail[]; warnings: BookingFailure[] } {
    const data = parseInput(moveBookingInput, input, "move");
    const stored = this.store.get(data.id);
    const scope = data.scope ?? "one";
    if (scope === "one" || stored.values.seriesId === null) {
      const patch = { startsAt: data.startsAt, endsAt: data.endsAt, ...(data.roomIds ? { roomIds: data.roomIds } : {}) };
      const result = this.db.transaction(() => this.edit(stored, patch, data.overridePast ?? false))();
      return { bookings: [result.booking], warnings: result.warnings };
    }
    this.assertMovable(stored, data.startsAt);
    const moved = this.series.move(stored, { ...data, scope, overridePast: data.overridePast ?? false }, true);
    return { bookings: moved.bookingIds.map((id) => this.get(id)), warnings: moved.warnings };
  }

  /** A series move's dry run for the live check: each occurrence's verdict, nothing written. */
  checkMove(input: unknown): CheckOutcome & { occurrences: OccurrenceCheck[] } {
    const data = parseInput(moveBookingInput, input, "move");
    const stored = this.store.get(data.id);
    const dry = this.series.move(stored, { ...data, scope: data.scope ?? "one", overridePast: data.overridePast ?? false }, false);
    const single = this.check({ bookingId: data.id, startsAt: data.startsAt, endsAt: data.endsAt, roomIds: data.roomIds, overridePast: data.overridePast });
    const failures = dry.occurrences.flatMap((o) => o.failures);
    return { ...single, ok: failures.length === 0, failures, warnings: dry.warnings, occurrences: dry.occurrences };
  }

  private assertMovable(stored: StoredBooking, startsAt: string): void {
    const { status, startsAt: start } = stored.values;
    if (!EDITABLE_STATUSES.includes(status)) throw new AppError("INVALID_TRANSITION", `A ${status} booking can no longer be changed`, undefined, { from: status });
    if (status === "checked_in" && Date.parse(startsAt) !== start) {
      throw new AppError("INVALID_TRANSITION", "A session in progress keeps its start; change its end", undefined, { from: status });
    }
  }

  private assertTransition(from: BookingStatus, to: BookingStatus): void {
    if (!canTransition(from, to)) {
      throw new AppError("INVALID_TRANSITION", `A ${from} booking cannot become ${to}`, undefined, { from, to, allowed: nextStatuses(from) });
    }
  }

  /** Confirm, check in, complete. Confirming re-checks availability (an expired hold may have lost its slot). */
  setStatus(input: unknown): BookingDetail {
    const { id, status } = parseInput(setStatusInput, input, "status change");
    return this.db.transaction(() => {
      const stored = this.store.get(id);
      const cur = stored.values;
      this.assertTransition(cur.status, status);
      const next: BookingValues = { ...cur, status };
      if (status === "confirmed") {
        next.holdExpiresAt = null;
        const failures = this.inTheWay(cur, id);
        if (failures.length > 0) throw bookingRefused(failures, []);
      }
      this.store.update(id, next, cur);
      return this.get(id);
    })();
  }

  /** What holds this booking's room, people or gear now: the conflicts inbox shows it, confirming refuses on it. */
  whatIsInTheWay(id: string): BookingFailure[] {
    return this.inTheWay(this.store.get(id).values, id);
  }

  private inTheWay(cur: BookingValues, id: string): BookingFailure[] {
    const previous = { startMs: cur.startsAt, endMs: cur.endsAt };
    const ev = this.evaluator.evaluate(candidateOf(draftOf(cur), id, previous), { overridePast: true });
    return ev.result.failures.filter((f) => AVAILABILITY_CODES.has(f.code));
  }

  private quoteFor(stored: StoredBooking): CancellationQuote {
    const v = stored.values;
    const timeZone = this.loader.location(v.locationId).timeZone;
    const hours = hoursBeforeStart(timeZone, this.now(), v.startsAt);
    return quoteCancellation(this.settingsStore.get().cancellationPolicy, v.status, hours, { totalCents: v.totalCents, depositCents: v.depositCents, paidCents: v.paidCents });
  }

  private summarise(targets: StoredBooking[], quotes: CancellationQuote[]): CancellationSummary {
    const sum = (pick: (q: CancellationQuote) => number) => quotes.reduce((s, q) => s + pick(q), 0);
    return {
      feeCents: sum((q) => q.feeCents), refundCents: sum((q) => q.refundCents), owedCents: sum((q) => q.owedCents),
      paidCents: sum((q) => q.paidCents), totalCents: sum((q) => q.totalCents), depositCents: sum((q) => q.depositCents),
      occurrences: targets.map((t, i) => ({
        bookingId: t.row.id, date: wallDate(this.loader.location(t.values.locationId).timeZone, t.values.startsAt), startsAt: iso(t.values.startsAt), quote: quotes[i]!,
      })),
    };
  }

  /** What cancelling would refund or cost, under the studio's policy, before the person confirms. */
  quoteCancellation(input: unknown): CancellationSummary {
    const { id, scope } = parseInput(quoteCancellationInput, input, "cancellation");
    const targets = this.series.targets(this.store.get(id), scope ?? "one");
    for (const t of targets) this.assertTransition(t.values.status, "cancelled");
    return this.summarise(targets, targets.map((t) => this.quoteFor(t)));
  }

  /** Cancels with the quoted fee kept on the booking; refused if the fee changed since the quote was shown. */
  cancel(input: unknown): { bookings: BookingDetail[]; summary: CancellationSummary } {
    const { id, scope, reason, expectedFeeCents } = parseInput(cancelBookingInput, input, "cancellation");
    return this.db.transaction(() => {
      const targets = this.series.targets(this.store.get(id), scope ?? "one");
      for (const t of targets) this.assertTransition(t.values.status, "cancelled");
      const quotes = targets.map((t) => this.quoteFor(t));
      const summary = this.summarise(targets, quotes);
      if (expectedFeeCents !== undefined && expectedFeeCents !== summary.feeCents) {
        throw new AppError("QUOTE_CHANGED", `The cancellation fee is now ${summary.feeCents} cents, not ${expectedFeeCents}`, undefined, { summary });
      }
      const cancelledAt = iso(this.now());
      targets.forEach((t, i) => {
        const next: BookingValues = { ...t.values, status: "cancelled", holdExpiresAt: null, cancelledAt, cancelReason: reason, cancellationFeeCents: quotes[i]!.feeCents };
        this.store.update(t.row.id, next, t.values);
      });
      return { bookings: targets.map((t) => this.get(t.row.id)), summary };
    })();
  }

  /** The client did not come: the policy's no-show share of the session is due. Only once it has started. */
  noShow(input: unknown): { booking: BookingDetail; quote: CancellationQuote } {
    const { id } = parseInput(byIdSchema, input, "no-show");
    return this.db.transaction(() => {
      const stored = this.store.get(id);
      const cur = stored.values;
      this.assertTransition(cur.status, "no_show");
      if (this.now() < cur.startsAt) throw new AppError("INVALID_TRANSITION", "The session has not started yet", undefined, { from: cur.status, to: "no_show" });
      const timeZone = this.loader.location(cur.locationId).timeZone;
      const quote = quoteNoShow(this.settingsStore.get().cancellationPolicy, hoursBeforeStart(timeZone, this.now(), cur.startsAt), {
        totalCents: cur.totalCents, depositCents: cur.depositCents, paidCents: cur.paidCents,
      });
      this.store.update(id, { ...cur, status: "no_show", cancellationFeeCents: quote.feeCents }, cur);
      return { booking: this.get(id), quote };
    })();
  }

  /**
   * Money received for a booking (the deposit, or the balance): a payment row, through the payments
   * service (set by the documents service), which also keeps paid_cents. This older input names no
   * method: the desk's drawer sends one through documents.payments.recordForBooking.
   */
  recordPayment(input: unknown): BookingDetail {
    const { id, amountCents } = parseInput(recordPaymentInput, input, "payment");
    if (!this.paymentRecorder) throw new AppError("INTERNAL", "No payment service");
    return this.paymentRecorder({ bookingId: id, amountCents, method: "cash" });
  }

  /** Where payments are recorded (the documents' PaymentService; set once at start-up). */
  paymentRecorder: ((input: { bookingId: string; amountCents: number; method: "cash" }) => BookingDetail) | null = null;

  /** The paid cache (bookings.paid_cents), as the payments service derives it from the payment rows; writes only a change. */
  storePaidCents(id: string, paidCents: number): void {
    const { values } = this.store.get(id);
    if (values.paidCents !== paidCents) this.store.update(id, { ...values, paidCents }, values);
  }

  /** Every occurrence of a would-be series with its verdict, for the series dialog. */
  checkSeries(input: unknown): { occurrences: OccurrenceCheck[] } {
    const data = parseInput(createSeriesInput, input, "series");
    return { occurrences: this.series.plan(data).planned.map((p) => p.check) };
  }

  createSeries(input: unknown): { seriesId: string; bookings: BookingDetail[]; skipped: OccurrenceCheck[] } {
    const data = parseInput(createSeriesInput, input, "series");
    const created = this.series.create(data, this.holdExpiry(data.status, data.holdExpiresAt));
    return { seriesId: created.seriesId, bookings: created.bookingIds.map((id) => this.get(id)), skipped: created.skipped };
  }

  view(input: unknown): CalendarView {
    return this.queries.view(parseInput(calendarViewInput, input, "calendar view"));
  }

  list(input: unknown = {}): { rows: CalendarBooking[]; total: number } {
    return this.queries.list(parseInput(listBookingsInput, input, "booking list"));
  }

  /** "My schedule": an engineer's bookings from a date. */
  schedule(input: unknown): CalendarBooking[] {
    const { staffId, from, days } = parseInput(staffScheduleInput, input, "schedule");
    return this.queries.staffBookings(staffId, from, days ?? 14);
  }

  /** The engineer's schedule as an iCalendar file (holds tentative, cancelled ones marked so). */
  exportIcs(input: unknown): { filename: string; text: string } {
    const { staffId, from, days } = parseInput(icsExportInput, input, "calendar export");
    const name = this.loader.staff([staffId])[0]?.name;
    if (!name) throw new AppError("NOT_FOUND", `Staff ${staffId} does not exist`);
    const start = from ?? wallDate(this.queries.staffTimeZone(staffId), this.now() - 30 * 24 * HOUR_MS);
    const bookings = this.queries.staffBookings(staffId, start, days ?? 400, ["hold", "confirmed", "checked_in", "completed", "cancelled"]);
    return scheduleToIcs(name, bookings, this.now());
  }
}
