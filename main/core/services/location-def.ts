import { locationFields, type LocationFields } from "../../../shared/schemas/location";
import type { Db } from "../db/open-database";
import { AppError } from "../errors";
import type { EntityDef } from "./entity-store";
import { refuseDuplicateName } from "./references";

export function locationDef(db: Db): EntityDef<LocationFields> {
  return {
    entity: "location",
    table: "locations",
    schema: locationFields,
    fields: {
      name: { column: "name", kind: "text" },
      timeZone: { column: "time_zone", kind: "text" },
      address: { column: "address", kind: "text" },
      phone: { column: "phone", kind: "text" },
      email: { column: "email", kind: "text" },
      openingHours: { column: "opening_hours", kind: "json" },
      closures: { column: "closures", kind: "json" },
    },
    sortable: { name: "name", timeZone: "time_zone", createdAt: "created_at" },
    defaultSort: "name",
    check(fields, existingId) {
      refuseDuplicateName(db, "locations", fields.name, existingId, null);
    },
    checkArchive(id) {
      const { n } = db
        .prepare("SELECT count(*) AS n FROM rooms WHERE location_id = ? AND archived_at IS NULL AND deleted_at IS NULL")
        .get(id) as { n: number };
      if (n > 0) throw new AppError("IN_USE", `The location still has ${n} active room(s); archive them first`);
    },
  };
}
