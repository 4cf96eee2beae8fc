import { bookingRuleMessageKey, type BookingRuleCode } from "../errors";
import type { BookingFailure, FailureParams } from "./booking-types";

type FailureRefs = Pick<BookingFailure, "conflictingBookingId" | "roomId" | "staffId" | "equipmentId" | "date">;

export function ruleFailure(code: BookingRuleCode, params: FailureParams, refs: FailureRefs = {}): BookingFailure {
  return { code, messageKey: bookingRuleMessageKey(code), params, ...refs };
}

/** English text of a failure, for logs and the AppError message; the UI translates messageKey instead. */
const ENGLISH: Record<BookingRuleCode, string> = {
  END_BEFORE_START: "The end must be after the start",
  TOO_LONG: "A booking cannot last more than {maxDays} days",
  IN_PAST: "The booking starts in the past ({date} {from})",
  PAST_OVERRIDDEN: "Booked in the past by override ({date} {from})",
  LOCATION_CLOSED: "{location} is closed on {date}{reason}",
  OUTSIDE_HOURS: "{location} is closed on {date} at {at} (hours: {hours})",
  ROOM_UNAVAILABLE: "{room} cannot be booked",
  ROOM_TOO_SHORT: "{room} is booked for at least {minutes} minutes",
  ROOM_TOO_LONG: "{room} is booked for at most {minutes} minutes",
  NOTICE_TOO_SHORT: "{room} needs {minutes} minutes' notice",
  BEYOND_HORIZON: "{room} is booked at most {days} days ahead",
  ROOM_BOOKED: "{room} is booked {from}–{to} by {by}",
  STAFF_UNAVAILABLE: "{staff} cannot be booked",
  STAFF_BOOKED: "{staff} is booked {from}–{to} by {by}",
  STAFF_TIME_OFF: "{staff} is off {from}–{to}{reason}",
  GEAR_UNAVAILABLE: "{gear} cannot be booked here",
  GEAR_MAINTENANCE: "{gear} is in maintenance {from}–{to}{reason}",
  GEAR_SHORTAGE: "{gear}: {requested} requested, {available} available (booked by {by})",
  CLIENT_UNAVAILABLE: "{client} is archived",
  CLIENT_OVER_LIMIT: "{client} owes {balanceCents} cents, above the limit of {limitCents}",
};

/** Params are worded as the UI does: a reason in brackets only when there is one. */
export function describeFailure(f: BookingFailure): string {
  const vars: Record<string, string | number> = { ...f.params };
  if ("reason" in vars) vars.reason = vars.reason ? ` (${vars.reason})` : "";
  if ("hours" in vars && !vars.hours) vars.hours = "closed all day";
  const text = ENGLISH[f.code].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? "?"));
  return f.date && !text.includes(f.date) ? `${f.date}: ${text}` : text;
}
