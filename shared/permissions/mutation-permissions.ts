import type { SyncedEntity } from "../sync/protocol";
import { documentPermissions } from "../documents/document-permissions";
import { isDocumentEntity, type DocumentEntity } from "../documents/document-entities";
import type { Permission } from "./permissions";

type Changes = Readonly<Record<string, string | number | null>>;

/** Rows the desktop writes beside the synced entities: series rules, time off, maintenance windows. */
export type WrittenEntity = SyncedEntity | "booking_series" | "staff_time_off" | "equipment_maintenance";

/** Which permission a change to each kind of row needs, beyond bookings' finer rules below. */
const MANAGE: Record<Exclude<WrittenEntity, "booking" | "booking_series" | DocumentEntity>, Permission> = {
  studio: "studio.settings",
  location: "location.manage",
  room: "room.manage",
  equipment: "equipment.manage",
  staff: "staff.manage",
  client: "client.manage",
  staff_time_off: "staff.manage",
  equipment_maintenance: "equipment.manage",
};

/** Booking fields an engineer may write on a session they can see: its notes. */
const NOTE_FIELDS = new Set(["notes"]);

/**
 * Every permission a mutation needs, decided from what it changes (column form, as the outbox and
 * the push carry it). The desktop core asks before writing and the server again before applying,
 * so the same rule holds offline and online.
 */
export function mutationPermissions(entity: WrittenEntity, op: "insert" | "update", changes: Changes): Permission[] {
  if (isDocumentEntity(entity)) return documentPermissions(entity, op, changes);
  if (entity === "booking_series") return [op === "insert" ? "booking.create" : "booking.edit"];
  if (entity !== "booking") return [MANAGE[entity]];
  const needs = new Set<Permission>();
  const fields = Object.keys(changes);
  if (op === "insert") needs.add("booking.create");
  else if (changes["status"] === "cancelled" || changes["status"] === "no_show") needs.add("booking.cancel");
  if (op === "update") {
    const other = fields.filter((f) => !NOTE_FIELDS.has(f) && f !== "status" && f !== "paidCents" && f !== "cancelledAt" && f !== "cancelReason" && f !== "cancellationFeeCents");
    if (fields.some((f) => NOTE_FIELDS.has(f))) needs.add("booking.notes");
    if (other.length > 0 || (changes["status"] !== undefined && !needs.has("booking.cancel"))) needs.add("booking.edit");
  }
  if (changes["overridePast"] === 1) needs.add("booking.override_past");
  if (changes["paidCents"] !== undefined && op === "update") needs.add("payment.record");
  return [...needs];
}
