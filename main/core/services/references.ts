import type { Db } from "../db/open-database";
import { AppError } from "../errors";
import { prepareCached } from "../db/statement-cache";

/** A room or piece of gear must belong to a location that exists and is not archived. */
export function requireActiveLocation(db: Db, locationId: string): void {
  const row = prepareCached(db, "SELECT archived_at FROM locations WHERE id = ? AND deleted_at IS NULL").get(locationId) as
    | { archived_at: string | null }
    | undefined;
  if (!row) throw new AppError("NOT_FOUND", `Location ${locationId} does not exist`, { locationId: ["v.invalid"] });
  if (row.archived_at) throw new AppError("LOCATION_ARCHIVED", "That location is archived", { locationId: ["v.locationArchived"] });
}

/** Names must be unique among active rows (per location when scoped), compared without case or accents. */
export function refuseDuplicateName(
  db: Db,
  table: string,
  name: string,
  existingId: string | null,
  scope: { column: string; value: string } | null,
): void {
  const row = prepareCached(
    db,
      `SELECT id FROM ${table} WHERE fold(name) = fold(?) AND id != ? AND archived_at IS NULL AND deleted_at IS NULL
       ${scope ? `AND ${scope.column} = ?` : ""} LIMIT 1`,
    )
    .get(...[name, existingId ?? "", ...(scope ? [scope.value] : [])]);
  if (row) throw new AppError("DUPLICATE_NAME", `"${name}" already exists`, { name: ["v.duplicateName"] });
}
