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
  /** The line's price after the booking's discount, before VAT. */
  netCents: number;
  /**
   * The rate card's price before the discount, and the discount taken off it (rounded half up on
   * its own line, as a quote's lines are). Absent on lines priced before discounts existed: their
   * net is the rate card's price.
   */
  listCents?: number;
  discountCents?: number;
  vatBp: number;
  /** VAT of this line, on its discounted net, rounded half up on its own (invoices show VAT per line). */
  vatCents: number;
  grossCents: number;
}

export interface PriceBreakdown {
  lines: PriceLine[];
  /** The booking's discount on every line, in basis points (1000 = 10 %), and what it takes off the net. */
  discountBp: number;
  discountCents: number;
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
  /** The booking's discount on every line, in basis points; none when absent. */
  discountBp?: number;
}

function line(kind: PriceLine["kind"], refId: string, label: string, charge: TimeCharge, quantity: number, listCents: number, vatBp: number): PriceLine {
  return { kind, refId, label, basis: charge.basis, quantity, overtimeMinutes: charge.overtimeMinutes, days: charge.days, netCents: listCents, listCents, discountCents: 0, vatBp, vatCents: 0, grossCents: 0 };
}

/**
 * Lines priced at the rate card, with `discountBp` taken off each, and the totals and deposit.
 * Each line is rounded on its own, as a quote's and an invoice's lines are (document-totals.ts):
 * discount = list × rate, net = list − discount, VAT = net × VAT rate, each half up; totals are
 * plain sums. So a hold booked from a quote with a session discount costs what the quote's session
 * lines say, to the cent. Lines stored before discounts existed count their net as the list price.
 */
export function discountedPrice(lines: readonly PriceLine[], discountBp: number, depositBp: number): PriceBreakdown {
  const priced = lines.map((l): PriceLine => {
    const listCents = l.listCents ?? l.netCents;
    const discountCents = roundHalfUp(listCents * discountBp, 10_000);
    const netCents = listCents - discountCents;
    const vatCents = roundHalfUp(netCents * l.vatBp, 10_000);
    return { ...l, listCents, discountCents, netCents, vatCents, grossCents: netCents + vatCents };
  });
  const sum = (pick: (l: PriceLine) => number) => priced.reduce((s, l) => s + pick(l), 0);
  const totalCents = sum((l) => l.grossCents);
  return {
    lines: priced, discountBp, discountCents: sum((l) => l.discountCents ?? 0), netCents: sum((l) => l.netCents), vatCents: sum((l) => l.vatCents),
    totalCents, depositBp, depositCents: roundHalfUp(totalCents * depositBp, 10_000),
  };
}

/** What a stored price's discount took off: the sum of its lines' discounts (none on lines priced before discounts). */
export function discountOfLines(lines: readonly PriceLine[]): number {
  return lines.reduce((s, l) => s + (l.discountCents ?? 0), 0);
}

/** The price of a booking in integer cents, line by line, less its discount, and its deposit. */
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
  return discountedPrice(lines, input.discountBp ?? 0, input.depositBp);
}

/** The client's own deposit rate, else the studio's, else 30 %. */
export function depositRate(clientBp: number | null | undefined, studioBp: number | null | undefined): number {
  return clientBp ?? studioBp ?? DEFAULT_DEPOSIT_BP;
}
