import { roomFields, type RoomFields } from "../../../shared/schemas/room";
import type { Db } from "../db/open-database";
import type { EntityDef } from "./entity-store";
import { refuseDuplicateName, requireActiveLocation } from "./references";

export function roomDef(db: Db): EntityDef<RoomFields> {
  return {
    entity: "room",
    table: "rooms",
    schema: roomFields,
    fields: {
      locationId: { column: "location_id", kind: "text" },
      name: { column: "name", kind: "text" },
      type: { column: "type", kind: "text" },
      hourlyRateCents: { column: "hourly_rate_cents", kind: "int" },
      halfDayRateCents: { column: "half_day_rate_cents", kind: "int" },
      dayRateCents: { column: "day_rate_cents", kind: "int" },
      vatRateBp: { column: "vat_rate_bp", kind: "int" },
      capacity: { column: "capacity", kind: "int" },
      colour: { column: "colour", kind: "text" },
      bookable: { column: "bookable", kind: "bool" },
      setupMinutes: { column: "setup_minutes", kind: "int" },
      teardownMinutes: { column: "teardown_minutes", kind: "int" },
      notes: { column: "notes", kind: "text" },
      minDurationMinutes: { column: "min_duration_minutes", kind: "int" },
      maxDurationMinutes: { column: "max_duration_minutes", kind: "int" },
      minNoticeMinutes: { column: "min_notice_minutes", kind: "int" },
      maxHorizonDays: { column: "max_horizon_days", kind: "int" },
    },
    sortable: { name: "name", type: "type", hourlyRate: "hourly_rate_cents", capacity: "capacity" },
    defaultSort: "name",
    locationColumn: "location_id",
    check(fields, existingId) {
      requireActiveLocation(db, fields.locationId);
      refuseDuplicateName(db, "rooms", fields.name, existingId, { column: "location_id", value: fields.locationId });
    },
  };
}
