import { initTRPC, TRPCError } from "@trpc/server";
import { appErrorData, rethrowAsTRPCError } from "../../../shared/trpc-error-data";
import { AppError } from "../errors";
import type { StudioCore } from "../studio-core";

export interface CoreContext {
  core: StudioCore;
}

/**
 * Every error leaves the core with `data.appCode` (translated by the UI), for forms `data.fieldErrors`,
 * and for refusals that name what is in the way (bookings) `data.details`.
 */
const t = initTRPC.context<CoreContext>().create({
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, ...appErrorData(error), stack: undefined } };
  },
});

export const router = t.router;

/**
 * Turns an AppError thrown by a service into a TRPCError with a matching code (never a bare 500),
 * and after a successful change asks sync to push it soon (a no-op without a studio account).
 */
export const procedure = t.procedure.use(async ({ ctx, type, next }) => {
  const result = await next();
  if (!result.ok) rethrowAsTRPCError(result.error.cause);
  if (type === "mutation") ctx.core.sync.kick();
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
