import { can } from "../../../shared/permissions/access";
import type { Permission } from "../../../shared/permissions/permissions";
import { authenticate } from "../accounts/authenticate";
import { ServerError } from "../errors";
import { publicProcedure } from "./init";

/** Procedures that need the database: refused clearly on a server started without one. */
export const servicesProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.services) throw new ServerError("INTERNAL", "This server was started without a database");
  return next({ ctx: { services: ctx.services } });
});

/**
 * Any logged-in device, including a session restricted to setting up two-factor: only for what
 * such a session needs (who am I, my access, the two-factor setup itself).
 */
export const sessionProcedure = servicesProcedure.use(async ({ ctx, next }) => {
  const auth = await authenticate(ctx.services.accounts, ctx.authorization);
  return next({ ctx: { auth } });
});

/** A logged-in device of a studio: ctx.auth says who, and runs queries under the studio's RLS context. */
export const authedProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (ctx.auth.totpSetupOnly) throw new ServerError("TOTP_SETUP_REQUIRED", "This studio requires owners to use two-factor authentication: set it up first");
  return next();
});

/** A logged-in member with ctx.access: their current role, location scope and live delegations. */
export const accessProcedure = authedProcedure.use(async ({ ctx, next }) => next({ ctx: { access: await ctx.auth.access() } }));

/**
 * Callers whose current role, location scope or delegations give `permission` somewhere. Where a
 * permission is per location, the handler narrows further with ctx.access.
 */
export function permissionProcedure(permission: Permission) {
  return accessProcedure.use(({ ctx, next }) => {
    if (!can(ctx.access.subject, permission, { now: ctx.access.nowMs })) {
      throw new ServerError("FORBIDDEN", `Your role does not allow ${permission}`, { permission });
    }
    return next();
  });
}

/** A logged-in device's live stream, on a server that runs the live hub (every server with a database). */
export const liveProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.live) throw new ServerError("INTERNAL", "This server was started without live notifications");
  return next({ ctx: { live: ctx.live } });
});
