import type { BookingRuleCode } from "../errors";
import type { Closure, WeeklyHours } from "../schemas/opening-hours";
import type { BookingStatus, BookingType } from "./booking-status";

/** A half-open span of time [startMs, endMs) in epoch ms (UTC instants). */
export interface Interval {
  startMs: number;
  endMs: number;
}

export interface EquipmentLine {
  equipmentId: string;
  quantity: number;
}

/** The booking being checked: a new one, or an existing one moved, resized or re-staffed. */
export interface CandidateBooking {
  /** Null for a new booking; an existing booking never conflicts with itself. */
  id: string | null;
  locationId: string;
  roomIds: string[];
  staffIds: string[];
  equipment: EquipmentLine[];
  clientId: string | null;
  type: BookingType;
  startMs: number;
  endMs: number;
  /** The stored times of an existing booking: an edge that did not move is not re-checked against "now". */
  previous: Interval | null;
}

export interface LocationInfo {
  id: string;
  name: string;
  timeZone: string;
  openingHours: WeeklyHours;
  closures: Closure[];
}

export interface RoomInfo {
  id: string;
  name: string;
  locationId: string;
  active: boolean;
  bookable: boolean;
  setupMinutes: number;
  teardownMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  minNoticeMinutes: number;
  maxHorizonDays: number;
  hourlyRateCents: number;
  halfDayRateCents: number;
  dayRateCents: number;
  vatRateBp: number;
}

export interface StaffInfo {
  id: string;
  name: string;
  active: boolean;
  hourlyRateCents: number;
  dayRateCents: number;
}

export interface EquipmentInfo {
  id: string;
  name: string;
  locationId: string;
  active: boolean;
  quantity: number;
  dailyRateCents: number;
}

/** Another booking near the candidate, as the rules need it. */
export interface ExistingBooking extends Interval {
  id: string;
  /** Who or what it is for, shown in the refusal: the client's name, else the title. */
  label: string;
  status: BookingStatus;
  holdExpiresMs: number | null;
  /** The span it keeps its rooms, staff and gear: the session plus setup and teardown buffers. */
  occupiedFromMs: number;
  occupiedUntilMs: number;
  roomIds: string[];
  staffIds: string[];
  equipment: EquipmentLine[];
}

export interface TimeOff extends Interval {
  id: string;
  staffId: string;
  reason: string | null;
}

/** Units of a piece of gear out for maintenance; `quantity` null takes every unit. */
export interface MaintenanceWindow extends Interval {
  id: string;
  equipmentId: string;
  quantity: number | null;
  reason: string | null;
}

export interface ClientInfo {
  id: string;
  name: string;
  active: boolean;
  unpaidCents: number;
}

/** Everything the rules read besides the candidate; the core loads it, tests write it by hand. */
export interface CheckContext {
  nowMs: number;
  /** A person allowed to book in the past said so (until roles exist: an explicit flag). */
  overridePast: boolean;
  location: LocationInfo;
  rooms: RoomInfo[];
  staff: StaffInfo[];
  equipment: EquipmentInfo[];
  /** Bookings that may overlap the candidate; the rules filter by status, expiry and time themselves. */
  existing: ExistingBooking[];
  timeOff: TimeOff[];
  maintenance: MaintenanceWindow[];
  client: ClientInfo | null;
  /** Above this unpaid balance a booking for the client is warned about; null: no limit. */
  unpaidLimitCents: number | null;
}

export type FailureParams = Record<string, string | number>;

/** One reason a booking cannot be made (or, as a warning, should be looked at). */
export interface BookingFailure {
  code: BookingRuleCode;
  /** i18n key, `booking.rule.<code>`, translated with `params`. */
  messageKey: string;
  params: FailureParams;
  conflictingBookingId?: string;
  roomId?: string;
  staffId?: string;
  equipmentId?: string;
  /** The location's calendar date the failure is about. */
  date?: string;
}

export interface CheckResult {
  ok: boolean;
  failures: BookingFailure[];
  warnings: BookingFailure[];
}
