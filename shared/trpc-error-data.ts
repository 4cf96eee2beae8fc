import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/unstable-core-do-not-import";
import { AppError, issuesToFieldErrors } from "./app-error";
import type { AppErrorCode, FieldErrors } from "./errors";

/** Every code's HTTP meaning: a person's mistake is a 4xx, never a bare 500. */
export const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_FAILED: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  ALREADY_INITIALIZED: "CONFLICT",
  NOT_INITIALIZED: "PRECONDITION_FAILED",
  DUPLICATE_NAME: "CONFLICT",
  LOCATION_ARCHIVED: "CONFLICT",
  IN_USE: "CONFLICT",
  CLOCK_SKEW: "BAD_REQUEST",
  INTERNAL: "INTERNAL_SERVER_ERROR",
  BOOKING_REFUSED: "CONFLICT",
  INVALID_TRANSITION: "CONFLICT",
  QUOTE_CHANGED: "CONFLICT",
  UNAUTHENTICATED: "UNAUTHORIZED",
  TOKEN_EXPIRED: "UNAUTHORIZED",
  DEVICE_REVOKED: "UNAUTHORIZED",
  SESSION_REVOKED: "UNAUTHORIZED",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  TOO_MANY_ATTEMPTS: "TOO_MANY_REQUESTS",
  EMAIL_TAKEN: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  TENANT_REQUIRED: "BAD_REQUEST",
  RESET_TOKEN_INVALID: "BAD_REQUEST",
  MAIL_DISABLED: "PRECONDITION_FAILED",
  MAIL_FAILED: "SERVICE_UNAVAILABLE",
  SERVER_UNREACHABLE: "SERVICE_UNAVAILABLE",
  LOGIN_REQUIRED: "UNAUTHORIZED",
  NOT_CONNECTED: "PRECONDITION_FAILED",
  OTHER_STUDIO_HERE: "CONFLICT",
  STUDIO_MISMATCH: "FORBIDDEN",
  LOCATION_FORBIDDEN: "FORBIDDEN",
  TOTP_REQUIRED: "UNAUTHORIZED",
  TOTP_INVALID: "UNAUTHORIZED",
  TOTP_SETUP_REQUIRED: "FORBIDDEN",
  TOTP_ALREADY_ENABLED: "CONFLICT",
  TOTP_NOT_ENABLED: "CONFLICT",
  INVITATION_INVALID: "BAD_REQUEST",
  INVITATION_CANCELLED: "BAD_REQUEST",
  ALREADY_MEMBER: "CONFLICT",
  LAST_OWNER: "CONFLICT",
  BILLING_DISABLED: "PRECONDITION_FAILED",
  BILLING_ALREADY_SUBSCRIBED: "CONFLICT",
  BILLING_NO_CUSTOMER: "PRECONDITION_FAILED",
  BILLING_FAILED: "SERVICE_UNAVAILABLE",
  PLAN_LIMIT: "PAYMENT_REQUIRED",
  PLAN_READ_ONLY: "PAYMENT_REQUIRED",
  CONTRACT_SIGNED: "CONFLICT",
  DOCUMENT_LOCKED: "CONFLICT",
  QUOTE_NOT_DRAFT: "CONFLICT",
  CREDIT_EXCEEDS_INVOICE: "BAD_REQUEST",
  PAYMENT_EXCEEDS_DUE: "BAD_REQUEST",
  MERGE_FIELDS_UNKNOWN: "BAD_REQUEST",
  NO_RECIPIENT: "BAD_REQUEST",
  OPERATOR_DISABLED: "PRECONDITION_FAILED",
};

export interface AppErrorData {
  appCode: AppErrorCode;
  fieldErrors: FieldErrors | null;
  details: unknown;
}

function hasIssues(cause: unknown): cause is { issues: { path?: PropertyKey[]; message: string }[] } {
  return typeof cause === "object" && cause !== null && Array.isArray((cause as { issues?: unknown }).issues);
}

/**
 * What every tRPC error carries for the UI, on both the desktop core and the sync server: the
 * `appCode` it translates, `fieldErrors` for forms, and the refusal's `details`.
 */
export function appErrorData(error: { code: TRPC_ERROR_CODE_KEY; cause?: unknown }): AppErrorData {
  const cause = error.cause;
  if (cause instanceof AppError) return { appCode: cause.code, fieldErrors: cause.fieldErrors ?? null, details: cause.details ?? null };
  if (error.code === "BAD_REQUEST" && hasIssues(cause)) return { appCode: "VALIDATION_FAILED", fieldErrors: issuesToFieldErrors(cause.issues), details: null };
  return { appCode: error.code === "NOT_FOUND" ? "NOT_FOUND" : "INTERNAL", fieldErrors: null, details: null };
}

/** An AppError thrown below a procedure, as the TRPCError of its HTTP meaning; anything else stays as it is. */
export function rethrowAsTRPCError(cause: unknown): void {
  if (cause instanceof AppError) throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
}
