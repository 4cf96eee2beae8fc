import { monthStartUtc, type PlanUsage } from "../../../shared/billing/usage";
import type { Tx } from "../db/with-tenant";

/** The creations counted in the studio's data database (members are counted in the primary). */
export type CountedCreation = "location" | "room" | "booking";

/** Archived locations and rooms free their place; a booking counts in the month the server received it. */
const COUNT_SQL: Readonly<Record<CountedCreation, string>> = {
  location: "SELECT count(*)::int AS n FROM locations WHERE tenant_id = $1 AND deleted_at IS NULL AND archived_at IS NULL",
  room: "SELECT count(*)::int AS n FROM rooms WHERE tenant_id = $1 AND deleted_at IS NULL AND archived_at IS NULL",
  booking: "SELECT count(*)::int AS n FROM bookings WHERE tenant_id = $1 AND deleted_at IS NULL AND created_at >= $2",
};

/** How many of `kind` the studio has now, in a transaction under its tenant context. */
export async function countCreations(tx: Tx, tenantId: string, kind: CountedCreation, nowMs: number): Promise<number> {
  const params: unknown[] = kind === "booking" ? [tenantId, new Date(monthStartUtc(nowMs))] : [tenantId];
  const { rows } = await tx.query<{ n: number }>(COUNT_SQL[kind], params);
  return rows[0]!.n;
}

/** The studio's members, from the directory in the primary database. */
export async function countMembers(primaryTx: Tx, tenantId: string): Promise<number> {
  const { rows } = await primaryTx.query<{ n: number }>("SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1", [tenantId]);
  return rows[0]!.n;
}

/** The data side of what Settings → Plan & billing meters (members are counted apart, in the primary). */
export async function dataUsage(tx: Tx, tenantId: string, nowMs: number): Promise<Omit<PlanUsage, "users">> {
  return {
    locations: await countCreations(tx, tenantId, "location", nowMs),
    rooms: await countCreations(tx, tenantId, "room", nowMs),
    bookingsThisMonth: await countCreations(tx, tenantId, "booking", nowMs),
  };
}
