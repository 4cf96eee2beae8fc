import { initTRPC } from "@trpc/server";
import { appErrorData, rethrowAsTRPCError } from "../../../shared/trpc-error-data";
import type { SyncContext } from "./context";

/**
 * Every error leaves the server with `data.appCode` (the desktop translates it and knows when to
 * ask for a new login), `data.fieldErrors` for forms, and `data.details` (retry-after, studios).
 */
const t = initTRPC.context<SyncContext>().create({
  // Live streams (sync.live) stay quiet between pushes: a ping keeps proxies from cutting them, and
  // a client that hears nothing at all for a while reconnects (a connection lost without a word).
  sse: { ping: { enabled: true, intervalMs: 20_000 }, client: { reconnectAfterInactivityMs: 50_000 } },
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, ...appErrorData(error), stack: undefined } };
  },
});

export const router = t.router;

/** Turns a ServerError thrown below into a TRPCError of the matching HTTP meaning. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) rethrowAsTRPCError(result.error.cause);
  return result;
});

export const createCallerFactory = t.createCallerFactory;
