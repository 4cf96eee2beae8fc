import { authenticate } from "../accounts/authenticate";
import { ServerError } from "../errors";
import { publicProcedure } from "./init";

/** Procedures that need the database: refused clearly on a server started without one. */
export const servicesProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.services) throw new ServerError("INTERNAL", "This server was started without a database");
  return next({ ctx: { services: ctx.services } });
});

/** A logged-in device of a studio: ctx.auth says who, and runs queries under the studio's RLS context. */
export const authedProcedure = servicesProcedure.use(async ({ ctx, next }) => {
  const auth = await authenticate(ctx.services.accounts, ctx.authorization);
  return next({ ctx: { auth } });
});

/** The studio's owner only (devices, and later plan and billing). */
export const ownerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.auth.role !== "owner") throw new ServerError("FORBIDDEN", "Only the studio owner may do this");
  return next();
});

/** A logged-in device's live stream, on a server that runs the live hub (every server with a database). */
export const liveProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.live) throw new ServerError("INTERNAL", "This server was started without live notifications");
  return next({ ctx: { live: ctx.live } });
});
