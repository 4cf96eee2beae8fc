import type { BookingDraft } from "../../../../shared/booking/booking-input";
import type { CandidateBooking, CheckContext, CheckResult, BookingFailure, ExistingBooking, Interval } from "../../../../shared/booking/booking-types";
import { checkBooking } from "../../../../shared/booking/check-booking";
import { depositRate, priceBooking, type PriceBreakdown } from "../../../../shared/booking/pricing";
import { describeFailure } from "../../../../shared/booking/rule-failure";
import { occupancyOf } from "../../../../shared/booking/rules/occupancy";
import { MINUTE_MS } from "../../../../shared/zoned-time";
import { AppError } from "../../errors";
import type { StudioService } from "../studio-service";
import type { BookingSettingsStore } from "./booking-settings-store";
import type { CheckContextLoader } from "./check-context-loader";

export interface Evaluation {
  result: CheckResult;
  context: CheckContext;
  occupied: Interval;
  price: PriceBreakdown;
  currency: string;
}

export interface EvaluateOptions {
  overridePast: boolean;
  /** Bookings not stored yet that the candidate must not collide with (earlier occurrences of a series). */
  extra?: ExistingBooking[];
  /** Stored bookings to leave out (a whole series being moved together). */
  exclude?: ReadonlySet<string>;
}

/** A draft's fields as the rules see them, and the discount its price takes. */
export function candidateOf(draft: BookingDraft, id: string | null, previous: Interval | null): CandidateBooking & { discountBp: number } {
  return {
    id, previous, discountBp: draft.discountBp,
    locationId: draft.locationId, roomIds: draft.roomIds, staffIds: draft.staffIds, equipment: draft.equipment,
    clientId: draft.clientId, type: draft.type, startMs: Date.parse(draft.startsAt), endMs: Date.parse(draft.endsAt),
  };
}

/** Runs the pure rules against the database's view of the candidate's neighbourhood, and prices it. */
export class BookingEvaluator {
  constructor(
    private readonly loader: CheckContextLoader,
    private readonly settings: BookingSettingsStore,
    private readonly studio: StudioService,
    private readonly now: () => number,
  ) {}

  evaluate(c: CandidateBooking & { discountBp: number }, options: EvaluateOptions): Evaluation {
    const studio = this.studio.get();
    const loaded = this.loader.load(c, {
      nowMs: this.now(), overridePast: options.overridePast, unpaidLimitCents: this.settings.get().unpaidBalanceLimitCents, extra: options.extra,
    });
    const context: CheckContext = options.exclude ? { ...loaded, existing: loaded.existing.filter((e) => !options.exclude!.has(e.id)) } : loaded;
    const result = checkBooking(c, context);
    const pick = <T extends { id: string }>(list: T[], ids: string[]) => ids.flatMap((id) => list.filter((x) => x.id === id));
    const price = priceBooking({
      minutes: Math.max(0, (c.endMs - c.startMs) / MINUTE_MS),
      type: c.type,
      rooms: pick(context.rooms, c.roomIds),
      staff: pick(context.staff, c.staffIds),
      equipment: c.equipment.flatMap((l) => context.equipment.filter((g) => g.id === l.equipmentId).map((info) => ({ info, quantity: l.quantity }))),
      defaultVatBp: studio.defaultVatBp,
      depositBp: depositRate(loaded.clientDepositBp, studio.defaultDepositBp),
      discountBp: c.discountBp,
    });
    return { result, context, occupied: occupancyOf(c, context.rooms), price, currency: studio.currency };
  }
}

/** The refusal the UI shows: every failure in `details`, the first one worded in the message. */
export function bookingRefused(failures: BookingFailure[], warnings: BookingFailure[], extra: Record<string, unknown> = {}): AppError {
  const first = failures[0];
  const message = first ? describeFailure(first) + (failures.length > 1 ? ` (and ${failures.length - 1} more)` : "") : "The booking was refused";
  return new AppError("BOOKING_REFUSED", message, undefined, { failures, warnings, ...extra });
}
