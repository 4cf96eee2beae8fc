import { initTRPC, TRPCError } from "@trpc/server";
import type { AppErrorCode, FieldErrors } from "../../../shared/errors";
import { issuesToFieldErrors } from "../../../main/core/errors";
import { ServerError, TRPC_CODE } from "../errors";
import type { SyncContext } from "./context";

function hasIssues(cause: unknown): cause is { issues: { path?: PropertyKey[]; message: string }[] } {
  return typeof cause === "object" && cause !== null && Array.isArray((cause as { issues?: unknown }).issues);
}

/**
 * Every error leaves the server with `data.appCode` (the desktop translates it and knows when to
 * ask for a new login), `data.fieldErrors` for forms, and `data.details` (retry-after, studios).
 */
const t = initTRPC.context<SyncContext>().create({
  errorFormatter({ shape, error }) {
    let appCode: AppErrorCode = "INTERNAL";
    let fieldErrors: FieldErrors | undefined;
    let details: unknown;
    const cause = error.cause;
    if (cause instanceof ServerError) {
      appCode = cause.code;
      fieldErrors = cause.fieldErrors;
      details = cause.details;
    } else if (error.code === "BAD_REQUEST" && hasIssues(cause)) {
      appCode = "VALIDATION_FAILED";
      fieldErrors = issuesToFieldErrors(cause.issues);
    } else if (error.code === "NOT_FOUND") {
      appCode = "NOT_FOUND";
    }
    return { ...shape, data: { ...shape.data, appCode, fieldErrors: fieldErrors ?? null, details: details ?? null, stack: undefined } };
  },
});

export const router = t.router;

/** Turns a ServerError thrown below into a TRPCError of the matching HTTP meaning. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof ServerError) throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createCallerFactory = t.createCallerFactory;
