import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/unstable-core-do-not-import";
import type { AppErrorCode, FieldErrors } from "../../../shared/errors";
import { AppError, issuesToFieldErrors } from "../errors";
import type { StudioCore } from "../studio-core";

export interface CoreContext {
  core: StudioCore;
}

const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
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
  // Raised by the sync server only; listed so every code has its HTTP meaning here too.
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

function hasIssues(cause: unknown): cause is { issues: { path?: PropertyKey[]; message: string }[] } {
  return typeof cause === "object" && cause !== null && Array.isArray((cause as { issues?: unknown }).issues);
}

/**
 * Every error leaves the core with `data.appCode` (translated by the UI), for forms `data.fieldErrors`,
 * and for refusals that name what is in the way (bookings) `data.details`.
 */
const t = initTRPC.context<CoreContext>().create({
  errorFormatter({ shape, error }) {
    let appCode: AppErrorCode = "INTERNAL";
    let fieldErrors: FieldErrors | undefined;
    let details: unknown;
    const cause = error.cause;
    if (cause instanceof AppError) {
      appCode = cause.code;
      fieldErrors = cause.fieldErrors;
      details = cause.details;
    } else if (error.code === "BAD_REQUEST" && hasIssues(cause)) {
      appCode = "VALIDATION_FAILED";
      fieldErrors = issuesToFieldErrors(cause.issues);
    } else if (error.code === "NOT_FOUND") {
      appCode = "NOT_FOUND";
    }
    // `details`: what a refusal names for the UI to show (a booking's failing rules, with the other booking).
    return { ...shape, data: { ...shape.data, appCode, fieldErrors: fieldErrors ?? null, details: details ?? null, stack: undefined } };
  },
});

export const router = t.router;

/** Turns an AppError thrown by a service into a TRPCError with a matching code (never a bare 500). */
export const procedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

/** For everything but first-run setup: the studio must exist. */
export const studioProcedure = procedure.use(({ ctx, next }) => {
  if (!ctx.core.studio.find()) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The studio has not been set up yet", cause: new AppError("NOT_INITIALIZED", "The studio has not been set up yet") });
  }
  return next();
});

export const createCallerFactory = t.createCallerFactory;
