import type { BookingType } from "./booking-status";
import type { EquipmentInfo, RoomInfo, StaffInfo } from "./booking-types";

/** Room and engineer rate tiers: the half-day rate applies from 4 h, the day rate from 8 h. */
export const HALF_DAY_MINUTES = 240;
export const DAY_MINUTES = 480;
const MINUTES_PER_DAY = 1440;
/** Deposit when neither the client nor the studio sets one. */
export const DEFAULT_DEPOSIT_BP = 3000;

/** round(numerator / denominator), halves up, for non-negative integers: exact in integer cents. */
export function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export type PriceBasis = "hourly" | "half_day" | "day" | "lockout" | "daily";

export interface TimeCharge {
  cents: number;
  basis: PriceBasis;
  /** Minutes billed at the hourly rate on top of a half-day or day rate. */
  overtimeMinutes: number;
  /** Lockout days, or gear days. */
  days: number;
}

interface Rates {
  hourlyRateCents: number;
  halfDayRateCents: number;
  dayRateCents: number;
}

/**
 * What a span of `minutes` costs on a rate card. Below 4 h: hourly, pro rata to the minute, never
 * above the half-day (or day) rate. From 4 h: the half-day rate plus overtime, never above the day
 * rate. From 8 h: the day rate plus overtime. A rate of 0 is a tier the studio does not offer.
 * A lockout is a day rate per started 24 hours; a half-day or day booking costs at least its rate.
 */
export function timeCharge(minutes: number, rates: Rates, type: BookingType): TimeCharge {
  const hourly = (m: number) => roundHalfUp(rates.hourlyRateCents * m, 60);
  const { halfDayRateCents: half, dayRateCents: day } = rates;
  if (type === "lockout" && day > 0) {
    const days = Math.max(1, Math.ceil(minutes / MINUTES_PER_DAY));
    return { cents: days * day, basis: "lockout", overtimeMinutes: 0, days };
  }
  let charge: TimeCharge;
  if (day > 0 && minutes >= DAY_MINUTES) {
    charge = { cents: day + hourly(minutes - DAY_MINUTES), basis: "day", overtimeMinutes: minutes - DAY_MINUTES, days: 0 };
  } else if (half > 0 && minutes >= HALF_DAY_MINUTES) {
    charge = { cents: half + hourly(minutes - HALF_DAY_MINUTES), basis: "half_day", overtimeMinutes: minutes - HALF_DAY_MINUTES, days: 0 };
  } else {
    charge = { cents: hourly(minutes), basis: "hourly", overtimeMinutes: 0, days: 0 };
  }
  // Never dearer than the next tier up: 3 h 50 at the hourly rate must not cost more than a half day.
  if (charge.basis === "hourly" && half > 0 && charge.cents > half) charge = { cents: half, basis: "half_day", overtimeMinutes: 0, days: 0 };
  if (charge.basis !== "day" && day > 0 && charge.cents > day) charge = { cents: day, basis: "day", overtimeMinutes: 0, days: 0 };
  // A booking sold as a half day or a day costs at least that.
  if (type === "half_day" && half > 0 && charge.cents < half) charge = { cents: half, basis: "half_day", overtimeMinutes: 0, days: 0 };
  if (type === "day" && day > 0 && charge.cents < day) charge = { cents: day, basis: "day", overtimeMinutes: 0, days: 0 };
  return charge;
}

/** Gear is hired by the day: each started 24 hours is a day (a session across midnight is one day). */
export function gearDays(minutes: number): number {
  return Math.max(1, Math.ceil(minutes / MINUTES_PER_DAY));
}

export interface PriceLine {
  kind: "room" | "staff" | "equipment";
  refId: string;
  label: string;
  basis: PriceBasis;
  quantity: number;
  overtimeMinutes: number;
  days: number;
  netCents: number;
  vatBp: number;
  /** VAT of this line, rounded half up on its own (invoices show VAT per line). */
  vatCents: number;
  grossCents: number;
}

export interface PriceBreakdown {
  lines: PriceLine[];
  netCents: number;
  vatCents: number;
  totalCents: number;
  depositBp: number;
  depositCents: number;
}

export interface PriceInput {
  minutes: number;
  type: BookingType;
  rooms: RoomInfo[];
  staff: StaffInfo[];
  equipment: { info: EquipmentInfo; quantity: number }[];
  /** Engineers and gear carry the studio's default VAT; rooms their own. */
  defaultVatBp: number;
  depositBp: number;
}

function line(kind: PriceLine["kind"], refId: string, label: string, charge: TimeCharge, quantity: number, netCents: number, vatBp: number): PriceLine {
  const vatCents = roundHalfUp(netCents * vatBp, 10_000);
  return { kind, refId, label, basis: charge.basis, quantity, overtimeMinutes: charge.overtimeMinutes, days: charge.days, netCents, vatBp, vatCents, grossCents: netCents + vatCents };
}

/** The price of a booking in integer cents, line by line, and its deposit. */
export function priceBooking(input: PriceInput): PriceBreakdown {
  const lines: PriceLine[] = [];
  for (const room of input.rooms) {
    const charge = timeCharge(input.minutes, room, input.type);
    lines.push(line("room", room.id, room.name, charge, 1, charge.cents, room.vatRateBp));
  }
  // Engineers have an hourly and a day rate, no half-day rate; a dry hire has none to pay.
  for (const person of input.staff) {
    const charge = timeCharge(input.minutes, { ...person, halfDayRateCents: 0 }, input.type);
    lines.push(line("staff", person.id, person.name, charge, 1, charge.cents, input.defaultVatBp));
  }
  const days = gearDays(input.minutes);
  for (const { info, quantity } of input.equipment) {
    const charge: TimeCharge = { cents: info.dailyRateCents, basis: "daily", overtimeMinutes: 0, days };
    lines.push(line("equipment", info.id, info.name, charge, quantity, info.dailyRateCents * days * quantity, input.defaultVatBp));
  }
  const netCents = lines.reduce((s, l) => s + l.netCents, 0);
  const vatCents = lines.reduce((s, l) => s + l.vatCents, 0);
  const totalCents = netCents + vatCents;
  return { lines, netCents, vatCents, totalCents, depositBp: input.depositBp, depositCents: roundHalfUp(totalCents * input.depositBp, 10_000) };
}

/** The client's own deposit rate, else the studio's, else 30 %. */
export function depositRate(clientBp: number | null | undefined, studioBp: number | null | undefined): number {
  return clientBp ?? studioBp ?? DEFAULT_DEPOSIT_BP;
}
