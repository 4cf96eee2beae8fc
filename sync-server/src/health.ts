import type { SyncContext } from "./trpc/context";

export interface HealthReport {
  status: "ok";
  version: string;
  /** Seconds since the server started listening. */
  uptime: number;
}

export function healthReport(ctx: Pick<SyncContext, "version" | "startedAt">, now: number = Date.now()): HealthReport {
  return { status: "ok", version: ctx.version, uptime: Math.max(0, Math.round((now - ctx.startedAt) / 1000)) };
}
