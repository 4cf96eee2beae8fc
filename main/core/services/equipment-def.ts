import { equipmentFields, type EquipmentFields } from "../../../shared/schemas/equipment";
import type { Db } from "../db/open-database";
import type { EntityDef } from "./entity-store";
import { requireActiveLocation } from "./references";

export function equipmentDef(db: Db): EntityDef<EquipmentFields> {
  return {
    entity: "equipment",
    table: "equipment",
    schema: equipmentFields,
    fields: {
      locationId: { column: "location_id", kind: "text" },
      name: { column: "name", kind: "text" },
      category: { column: "category", kind: "text" },
      serialNumber: { column: "serial_number", kind: "text" },
      quantity: { column: "quantity", kind: "int" },
      dailyRateCents: { column: "daily_rate_cents", kind: "int" },
      lastMaintenance: { column: "last_maintenance", kind: "text" },
      nextMaintenance: { column: "next_maintenance", kind: "text" },
      notes: { column: "notes", kind: "text" },
    },
    sortable: { name: "name", category: "category", quantity: "quantity", nextMaintenance: "next_maintenance" },
    defaultSort: "name",
    locationColumn: "location_id",
    check(fields) {
      requireActiveLocation(db, fields.locationId);
    },
  };
}
