import type { BookingDraft } from "../../../../shared/booking/booking-input";
import type { BookingFailure, ExistingBooking, Interval } from "../../../../shared/booking/booking-types";
import { discountedPrice, type PriceBreakdown } from "../../../../shared/booking/pricing";
import type { Evaluation } from "./booking-evaluator";
import type { BookingValues } from "./booking-record";

const iso = (ms: number) => new Date(ms).toISOString();

/** The drawer's fields of a stored booking. */
export function draftOf(v: BookingValues): BookingDraft {
  return {
    locationId: v.locationId, roomIds: v.roomIds, staffIds: v.staffIds, equipment: v.equipment, clientId: v.clientId,
    title: v.title, projectName: v.projectName, type: v.type, startsAt: iso(v.startsAt), endsAt: iso(v.endsAt), notes: v.notes,
    discountBp: v.discountBp,
  };
}

/** The draft with its instants written one way ("…T14:00:00.000Z"), so equal times compare equal. */
export function canonical<D extends { startsAt: string; endsAt: string }>(draft: D): D {
  return { ...draft, startsAt: iso(Date.parse(draft.startsAt)), endsAt: iso(Date.parse(draft.endsAt)) };
}

/** What a booking keeps from before an edit: status, hold, series, payments, cancellation. */
export type KeptValues = Pick<
  BookingValues,
  "status" | "holdExpiresAt" | "overridePast" | "seriesId" | "seriesSeq" | "paidCents" | "cancelledAt" | "cancelReason" | "cancellationFeeCents"
>;

export const NEW_BOOKING: Omit<KeptValues, "status" | "holdExpiresAt" | "overridePast"> = {
  seriesId: null, seriesSeq: null, paidCents: 0, cancelledAt: null, cancelReason: null, cancellationFeeCents: null,
};

/** The values to store for a draft that passed its evaluation: times, occupancy and the price it was quoted. */
export function valuesFrom(draft: BookingDraft, ev: Evaluation, kept: KeptValues): BookingValues {
  return {
    ...kept,
    locationId: draft.locationId, roomIds: draft.roomIds, staffIds: draft.staffIds, equipment: draft.equipment, clientId: draft.clientId,
    title: draft.title, projectName: draft.projectName, notes: draft.notes, type: draft.type,
    startsAt: Date.parse(draft.startsAt), endsAt: Date.parse(draft.endsAt),
    occupiedFrom: ev.occupied.startMs, occupiedUntil: ev.occupied.endMs,
    overridePast: kept.overridePast || ev.result.warnings.some((w) => w.code === "PAST_OVERRIDDEN"),
    currency: ev.currency, ...priceValues(ev.price),
  };
}

/** A price as the booking stores it. */
export function priceValues(p: PriceBreakdown): Pick<BookingValues, "discountBp" | "netCents" | "vatCents" | "totalCents" | "depositBp" | "depositCents" | "priceLines"> {
  return { discountBp: p.discountBp, netCents: p.netCents, vatCents: p.vatCents, totalCents: p.totalCents, depositBp: p.depositBp, depositCents: p.depositCents, priceLines: p.lines };
}

/**
 * A stored booking's price with another discount: its own lines at the rate card they were priced
 * at, its own deposit rate. Changing only the discount must not re-price at today's rates.
 */
export function rediscounted(v: BookingValues, discountBp: number): PriceBreakdown {
  return discountedPrice(v.priceLines, discountBp, v.depositBp);
}

/** A booking about to be written, as the next candidates of the same batch must see it. */
export function pendingAsExisting(id: string, draft: BookingDraft, ev: Evaluation, status: BookingValues["status"]): ExistingBooking {
  return {
    id, label: ev.context.client?.name ?? draft.title ?? draft.projectName ?? "", status, holdExpiresMs: null,
    startMs: Date.parse(draft.startsAt), endMs: Date.parse(draft.endsAt), occupiedFromMs: ev.occupied.startMs, occupiedUntilMs: ev.occupied.endMs,
    roomIds: draft.roomIds, staffIds: draft.staffIds, equipment: draft.equipment,
  };
}

/**
 * The failures an edit is refused for: all of them when the times or location move; otherwise only
 * those about what the edit adds (a new room, engineer, more gear, another client), so an unrelated
 * edit is not refused because, say, opening hours changed since the booking was made.
 */
export function failuresOfEdit(failures: BookingFailure[], before: BookingValues, after: BookingDraft, previous: Interval): BookingFailure[] {
  const moved = Date.parse(after.startsAt) !== previous.startMs || Date.parse(after.endsAt) !== previous.endMs || after.locationId !== before.locationId;
  if (moved) return failures;
  const addedRooms = after.roomIds.filter((id) => !before.roomIds.includes(id));
  const addedStaff = after.staffIds.filter((id) => !before.staffIds.includes(id));
  const moreGear = after.equipment
    .filter((l) => l.quantity > (before.equipment.find((b) => b.equipmentId === l.equipmentId)?.quantity ?? 0))
    .map((l) => l.equipmentId);
  const clientChanged = after.clientId !== before.clientId;
  return failures.filter(
    (f) =>
      (f.roomId !== undefined && addedRooms.includes(f.roomId)) ||
      (f.staffId !== undefined && addedStaff.includes(f.staffId)) ||
      (f.equipmentId !== undefined && moreGear.includes(f.equipmentId)) ||
      (clientChanged && f.code === "CLIENT_UNAVAILABLE"),
  );
}
