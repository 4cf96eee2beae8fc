/**
 * Error codes the core and server attach to every refusal. The UI translates the code;
 * the message is for logs and developers.
 */
export const APP_ERROR_CODES = [
  "VALIDATION_FAILED",
  "NOT_FOUND",
  "ALREADY_INITIALIZED",
  "NOT_INITIALIZED",
  "DUPLICATE_NAME",
  "LOCATION_ARCHIVED",
  "IN_USE",
  "CLOCK_SKEW",
  "INTERNAL",
  // Bookings: a rule refused the booking (details.failures name each one, with the other booking).
  "BOOKING_REFUSED",
  // A status change the transition table does not allow, or an edit of a closed booking.
  "INVALID_TRANSITION",
  // The cancellation fee changed between the quote the person saw and the confirmation.
  "QUOTE_CHANGED",
  // Sync server accounts. The first four mean "log in again" to the desktop.
  "UNAUTHENTICATED",
  "TOKEN_EXPIRED",
  "DEVICE_REVOKED",
  // A refresh token was used twice (stolen, or replayed): its whole session was ended.
  "SESSION_REVOKED",
  "INVALID_CREDENTIALS",
  // Too many failed logins: details.retryAfterSeconds says when to try again.
  "TOO_MANY_ATTEMPTS",
  "EMAIL_TAKEN",
  "FORBIDDEN",
  // The person belongs to several studios: details.tenants lists them to choose from.
  "TENANT_REQUIRED",
  "RESET_TOKEN_INVALID",
  // The server has no SMTP configured, or sending failed: no mail will arrive.
  "MAIL_DISABLED",
  "MAIL_FAILED",
  // The desktop's account link: the sync server did not answer (offline, wrong address).
  "SERVER_UNREACHABLE",
  // The server no longer accepts this computer's session: log in again (pending changes are kept).
  "LOGIN_REQUIRED",
  // A sync action before "Connect to studio account".
  "NOT_CONNECTED",
  // Logging in to studio B on a computer that holds studio A's data.
  "OTHER_STUDIO_HERE",
  // Sync push: a studio row other than the caller's own studio (its id is the tenant id).
  "STUDIO_MISMATCH",
  // Sync push: a row of a location outside the person's permitted locations.
  "LOCATION_FORBIDDEN",
  // Two-factor: the account has it on and no code was given (ask for one), or the code is wrong or used.
  "TOTP_REQUIRED",
  "TOTP_INVALID",
  // The studio requires owners to use two-factor: this session may only set it up.
  "TOTP_SETUP_REQUIRED",
  "TOTP_ALREADY_ENABLED",
  "TOTP_NOT_ENABLED",
  // An invitation link that is wrong, used or expired.
  "INVITATION_INVALID",
  // An invitation cancelled by the studio, or replaced by a resent one (its new code is in a newer mail).
  "INVITATION_CANCELLED",
  "ALREADY_MEMBER",
  // The studio's last owner cannot be demoted or removed.
  "LAST_OWNER",
  // Plans and billing: the server runs without Stripe (every studio on its configured plan).
  "BILLING_DISABLED",
  // Checkout asked while a subscription is live: changes go through the Customer Portal.
  "BILLING_ALREADY_SUBSCRIBED",
  // The Portal or invoices asked before the studio ever went through Checkout.
  "BILLING_NO_CUSTOMER",
  // Stripe refused or could not be reached: nothing was bought or changed.
  "BILLING_FAILED",
  // Sync push: a creation over the plan's limits (details name the limit and the plan lifting it).
  "PLAN_LIMIT",
  // Sync push: the subscription is past due beyond its grace period; nothing changes until it is paid.
  "PLAN_READ_ONLY",
  // Documents: a signed contract can no longer change (only countersigning or voiding it).
  "CONTRACT_SIGNED",
  // Documents: an issued invoice, a sent quote or a settled document can no longer be edited.
  "DOCUMENT_LOCKED",
  // Quotes: only a draft can be edited (a sent, accepted, rejected or expired quote stays as the client saw it).
  "QUOTE_NOT_DRAFT",
  // A credit note larger than what is left of its invoice.
  "CREDIT_EXCEEDS_INVOICE",
  // A payment larger than what is left to pay on the invoice.
  "PAYMENT_EXCEEDS_DUE",
  // A contract's template names merge fields the studio's data does not have (details.fields).
  "MERGE_FIELDS_UNKNOWN",
  // Sending a document to a client without an email address, and none given.
  "NO_RECIPIENT",
  // The SaaS operator's API (/operator, operator.*) is off: the server has no OPERATOR_TOKEN.
  "OPERATOR_DISABLED",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && (APP_ERROR_CODES as readonly string[]).includes(value);
}

/** Field path ("openingHours.mon.0.close") → list of message keys, as the error formatter sends it. */
export type FieldErrors = Record<string, string[]>;

/**
 * What a booking check can report, one code per way a booking fails (or is warned about). The UI
 * translates `booking.rule.<CODE>` with the failure's params (room, times, other booking's name).
 */
export const BOOKING_RULE_CODES = [
  "END_BEFORE_START",
  "TOO_LONG",
  "IN_PAST",
  "PAST_OVERRIDDEN",
  "LOCATION_CLOSED",
  "OUTSIDE_HOURS",
  "ROOM_UNAVAILABLE",
  "ROOM_TOO_SHORT",
  "ROOM_TOO_LONG",
  "NOTICE_TOO_SHORT",
  "BEYOND_HORIZON",
  "ROOM_BOOKED",
  "STAFF_UNAVAILABLE",
  "STAFF_BOOKED",
  "STAFF_TIME_OFF",
  "GEAR_UNAVAILABLE",
  "GEAR_MAINTENANCE",
  "GEAR_SHORTAGE",
  "CLIENT_UNAVAILABLE",
  "CLIENT_OVER_LIMIT",
] as const;
export type BookingRuleCode = (typeof BOOKING_RULE_CODES)[number];

export const bookingRuleMessageKey = <C extends BookingRuleCode>(code: C): `booking.rule.${C}` => `booking.rule.${code}`;
