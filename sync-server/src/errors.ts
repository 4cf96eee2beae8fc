import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/unstable-core-do-not-import";
import type { AppErrorCode, FieldErrors } from "../../shared/errors";

/**
 * A refusal the person (or the desktop) can act on: a code the UI translates, and details
 * (retry-after, the studios to choose from). Never a bare 500 for a user's mistake.
 */
export class ServerError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "ServerError";
  }
}

/** Every code's HTTP meaning, as the desktop core's router gives it. */
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
};
