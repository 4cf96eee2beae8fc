import type { z } from "zod";
import { bookingDraftFields, type SERIES_SCOPES } from "../../../../shared/booking/booking-input";
import type { BookingType } from "../../../../shared/booking/booking-status";
import type { FieldErrors } from "../../../../shared/errors";
import { basisPointsToInput, parsePercentToBasisPoints } from "../../../../shared/money";
import { addDays, wallDate, wallMinutes, wallTime, zonedToInstant } from "../../../../shared/zoned-time";
import type { BookingDetail } from "../../lib/booking-types";
import { schemaFieldErrors } from "../../lib/form-values";

export type SeriesScope = (typeof SERIES_SCOPES)[number];

/** Where a new booking starts from: a slot dragged on the calendar, or nothing. */
export interface BookingPrefill {
  locationId: string;
  roomIds: string[];
  startsAt: string;
  endsAt: string;
}

/** The drawer's fields as typed: times on the location's clock, quantities as text. */
export interface BookingFormValues {
  locationId: string;
  clientId: string | null;
  roomIds: string[];
  staffIds: string[];
  equipment: { equipmentId: string; quantity: string }[];
  type: BookingType;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  title: string;
  projectName: string;
  notes: string;
  /** The discount on the whole price, as a percentage typed ("10", "12,5"); empty is none. */
  discount: string;
  /** A new booking made as a hold (option) rather than confirmed. */
  hold: boolean;
  overridePast: boolean;
  repeat: boolean;
  repeatEnd: "until" | "count";
  repeatUntil: string;
  repeatCount: string;
  /** Create the free dates of a series and leave out the failing ones. */
  skipFailing: boolean;
  /** Which occurrences of a series a change of time or rooms applies to. */
  scope: SeriesScope;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Two instants as the dates and times of the location's clock (the drawer's fields; the quote form's too). */
export function wallTimes(timeZone: string, startsAt: string, endsAt: string) {
  const s = Date.parse(startsAt);
  const e = Date.parse(endsAt);
  return { startDate: wallDate(timeZone, s), startTime: wallTime(timeZone, s), endDate: wallDate(timeZone, e), endTime: wallTime(timeZone, e) };
}

/** Where a new booking starts when nothing was dragged: a date, and the next round hour when it is today. */
export interface BookingFallback {
  locationId: string;
  date: string;
}

function fallbackStart(timeZone: string, date: string, now: number): number {
  if (date !== wallDate(timeZone, now)) return 14 * 60;
  return Math.min(22 * 60, (Math.floor(wallMinutes(timeZone, now) / 60) + 1) * 60);
}

export function initialValues(detail: BookingDetail | null, prefill: BookingPrefill | null, timeZone: string, fallback: BookingFallback, now = Date.now(), locale = "fr"): BookingFormValues {
  const base = {
    hold: false, overridePast: false, repeat: false, skipFailing: false, repeatEnd: "count" as const, repeatCount: "4", scope: "one" as const,
  };
  if (detail) {
    return {
      ...base,
      locationId: detail.locationId, clientId: detail.clientId, roomIds: detail.rooms.map((r) => r.id), staffIds: detail.staff.map((s) => s.id),
      equipment: detail.equipment.map((l) => ({ equipmentId: l.equipmentId, quantity: String(l.quantity) })),
      type: detail.type, ...wallTimes(timeZone, detail.startsAt, detail.endsAt),
      title: detail.title ?? "", projectName: detail.projectName ?? "", notes: detail.notes ?? "",
      discount: basisPointsToInput(detail.price.discountBp, locale),
      repeatUntil: addDays(wallDate(timeZone, Date.parse(detail.startsAt)), 28),
    };
  }
  const start = fallbackStart(timeZone, fallback.date, now);
  const slot = prefill ?? {
    locationId: fallback.locationId, roomIds: [],
    startsAt: new Date(zonedToInstant(timeZone, fallback.date, start)).toISOString(),
    endsAt: new Date(zonedToInstant(timeZone, fallback.date, start + 120)).toISOString(),
  };
  const t = wallTimes(timeZone, slot.startsAt, slot.endsAt);
  return {
    ...base, ...t,
    locationId: slot.locationId, clientId: null, roomIds: slot.roomIds, staffIds: [], equipment: [], type: "hourly",
    title: "", projectName: "", notes: "", discount: "0", repeatUntil: addDays(t.startDate, 28),
  };
}

/** The instants of the typed times on the location's clock, or the fields that cannot be read. */
export function readTimes(v: Pick<BookingFormValues, "startDate" | "startTime" | "endDate" | "endTime">, timeZone: string): { startsAt: string; endsAt: string } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!DATE.test(v.startDate)) errors.startsAt = ["v.date"];
  else if (!TIME.test(v.startTime)) errors.startsAt = ["v.time"];
  if (!DATE.test(v.endDate)) errors.endsAt = ["v.date"];
  else if (!TIME.test(v.endTime)) errors.endsAt = ["v.time"];
  if (Object.keys(errors).length > 0) return { errors };
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return {
    startsAt: new Date(zonedToInstant(timeZone, v.startDate, minutes(v.startTime))).toISOString(),
    endsAt: new Date(zonedToInstant(timeZone, v.endDate, minutes(v.endTime))).toISOString(),
  };
}

/** Gear lines with a readable quantity; an unreadable one is reported on its line. */
export function readEquipment(v: BookingFormValues): { lines: { equipmentId: string; quantity: number }[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const lines = v.equipment.flatMap((l, i) => {
    const q = l.quantity.trim();
    if (!/^\d+$/.test(q) || Number(q) < 1) {
      errors[`equipment.${i}.quantity`] = [q === "" ? "v.required" : "v.atLeastOne"];
      return [];
    }
    return [{ equipmentId: l.equipmentId, quantity: Number(q) }];
  });
  return { lines, errors };
}

/** "Every week until…" or "… times" as the RRULE the core expands on the location's clock. */
export function weeklyRule(v: BookingFormValues): { rrule: string } | { errors: FieldErrors } {
  if (v.repeatEnd === "count") {
    const n = v.repeatCount.trim();
    if (!/^\d+$/.test(n) || Number(n) < 1) return { errors: { rrule: [n === "" ? "v.required" : "v.atLeastOne"] } };
    return { rrule: `FREQ=WEEKLY;COUNT=${Number(n)}` };
  }
  if (!DATE.test(v.repeatUntil)) return { errors: { rrule: ["v.date"] } };
  if (v.repeatUntil < v.startDate) return { errors: { rrule: ["v.endAfterStart"] } };
  return { rrule: `FREQ=WEEKLY;UNTIL=${v.repeatUntil.replace(/-/g, "")}` };
}

export type DraftInput = z.output<typeof bookingDraftFields>;


/** The typed discount in basis points ("10" → 1000, "12,5 %" → 1250, empty → none), or null when it cannot be read. */
export function readDiscount(text: string): number | null {
  return text.trim() === "" ? 0 : parsePercentToBasisPoints(text);
}

/** What the person typed as the core's booking draft, or the fields to fix first. */
export function readDraft(v: BookingFormValues, timeZone: string): { draft: DraftInput | null; errors: FieldErrors } {
  const when = readTimes(v, timeZone);
  const gear = readEquipment(v);
  const discountBp = readDiscount(v.discount);
  const readErrors: FieldErrors = { ...("errors" in when ? when.errors : {}), ...gear.errors, ...(discountBp === null ? { discountBp: ["v.percent"] } : {}) };
  const input = {
    locationId: v.locationId, roomIds: v.roomIds, staffIds: v.staffIds, equipment: gear.lines, clientId: v.clientId, type: v.type,
    startsAt: "startsAt" in when ? when.startsAt : "", endsAt: "endsAt" in when ? when.endsAt : "",
    title: v.title, projectName: v.projectName, notes: v.notes, discountBp: discountBp ?? 0,
  };
  const errors = { ...schemaFieldErrors(bookingDraftFields, input), ...readErrors };
  if (Object.keys(errors).length > 0) return { draft: null, errors };
  return { draft: bookingDraftFields.parse(input), errors: {} };
}

/** The draft's fields that differ from the stored booking. */
export function changedFields(draft: DraftInput, d: BookingDetail): Set<keyof DraftInput> {
  const stored: DraftInput = {
    locationId: d.locationId, roomIds: d.rooms.map((r) => r.id), staffIds: d.staff.map((s) => s.id),
    equipment: d.equipment.map(({ equipmentId, quantity }) => ({ equipmentId, quantity })), clientId: d.clientId, type: d.type,
    startsAt: new Date(d.startsAt).toISOString(), endsAt: new Date(d.endsAt).toISOString(),
    title: d.title, projectName: d.projectName, notes: d.notes, discountBp: d.price.discountBp,
  };
  const keys = Object.keys(stored) as (keyof DraftInput)[];
  return new Set(keys.filter((k) => JSON.stringify(draft[k]) !== JSON.stringify(stored[k])));
}

/** Fields that change what the booking holds and costs (not its title or notes). */
export const PRICED_FIELDS: readonly (keyof DraftInput)[] = ["locationId", "roomIds", "staffIds", "equipment", "clientId", "type", "startsAt", "endsAt", "discountBp"];
export const MOVE_FIELDS: readonly (keyof DraftInput)[] = ["startsAt", "endsAt", "roomIds"];
