import { initTRPC } from "@trpc/server";

/** What every request can see. Grows with auth and the tenant's database in later issues. */
export interface SyncContext {
  /** The server's version (package.json), reported by health checks. */
  version: string;
  /** When this server process started listening, in ms since the epoch. */
  startedAt: number;
}

export interface HealthReport {
  status: "ok";
  version: string;
  /** Seconds since the server started listening. */
  uptime: number;
}

export function healthReport(ctx: SyncContext, now: number = Date.now()): HealthReport {
  return { status: "ok", version: ctx.version, uptime: Math.max(0, Math.round((now - ctx.startedAt) / 1000)) };
}

const t = initTRPC.context<SyncContext>().create();

/** The sync server's API. Push, pull and live notifications arrive with the Postgres work. */
export const syncRouter = t.router({
  health: t.procedure.query(({ ctx }) => healthReport(ctx)),
});

export type SyncRouter = typeof syncRouter;
