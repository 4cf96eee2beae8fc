import { staffFields, type StaffFields } from "../../../shared/schemas/staff";
import type { Db } from "../db/open-database";
import type { EntityDef } from "./entity-store";
import { requireActiveLocation } from "./references";

export function staffDef(db: Db): EntityDef<StaffFields> {
  return {
    entity: "staff",
    table: "staff",
    schema: staffFields,
    fields: {
      name: { column: "name", kind: "text" },
      role: { column: "role", kind: "text" },
      email: { column: "email", kind: "text" },
      phone: { column: "phone", kind: "text" },
      hourlyRateCents: { column: "hourly_rate_cents", kind: "int" },
      dayRateCents: { column: "day_rate_cents", kind: "int" },
      locationId: { column: "location_id", kind: "text" },
      colour: { column: "colour", kind: "text" },
      notes: { column: "notes", kind: "text" },
    },
    sortable: { name: "name", role: "role", hourlyRate: "hourly_rate_cents" },
    defaultSort: "name",
    locationColumn: "location_id",
    check(fields) {
      if (fields.locationId) requireActiveLocation(db, fields.locationId);
    },
  };
}
