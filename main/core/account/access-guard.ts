import { can, locationsWhere } from "../../../shared/permissions/access";
import { mutationPermissions, type WrittenEntity } from "../../../shared/permissions/mutation-permissions";
import type { Db } from "../db/open-database";
import { prepareCached } from "../db/statement-cache";
import { AppError } from "../errors";
import type { DeviceClock } from "../sync/device-clock";
import type { ColumnValue, WriteChange } from "../sync/local-writer";
import type { AccessStore } from "./access-store";

/** Tables whose rows belong to a location through a location_id column. */
const LOCATED_TABLES = new Set(["rooms", "equipment", "staff", "bookings", "booking_series"]);

/**
 * The core's side of the permission rules (the server applies the same ones to every push): a
 * write the acting person may not make is refused before anything is written or queued.
 */
export function accessGuard(db: Db, access: AccessStore, clock: DeviceClock): (change: WriteChange, op: "insert" | "update") => void {
  return (change, op) => {
    const subject = access.subject();
    const changes: Record<string, ColumnValue> = Object.fromEntries(Object.entries(change.fields).map(([field, [, value]]) => [field, value]));
    const needs = mutationPermissions(change.entity as WrittenEntity, op, changes);
    // Only a delegation depends on the time; reading the bounded clock is skipped without one.
    const now = subject.delegations.length > 0 ? clock.boundedNow() : 0;
    // The common case, an owner or an unscoped role: no location to look up.
    if (needs.every((p) => locationsWhere(subject, p, now) === null)) return;
    const locations = locationsOf(db, change, op, changes);
    for (const permission of needs) {
      for (const locationId of locations.length > 0 ? locations : [null]) {
        if (!can(subject, permission, { locationId, now })) {
          throw new AppError("FORBIDDEN", `Your role does not allow ${permission}${locationId ? ` at location ${locationId}` : ""}`, undefined, { permission, locationId });
        }
      }
    }
  };
}

/** The locations a change touches: the row's own (a location), the one it has, and the one it moves to. */
function locationsOf(db: Db, change: WriteChange, op: "insert" | "update", changes: Record<string, ColumnValue>): string[] {
  if (change.table === "locations") return [change.rowId];
  if (!LOCATED_TABLES.has(change.table)) return [];
  const out = new Set<string>();
  if (typeof changes["locationId"] === "string") out.add(changes["locationId"]);
  if (op === "update") {
    const row = prepareCached(db, `SELECT location_id FROM ${change.table} WHERE id = ?`).get(change.rowId) as { location_id: string | null } | undefined;
    if (row?.location_id) out.add(row.location_id);
  }
  return [...out];
}
