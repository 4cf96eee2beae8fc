import type { SyncedEntity } from "./protocol";

/**
 * How a synced row belongs to a location, in field names (the same on every side): its own id (a
 * location), one of its fields, or its parent's location (time off through its engineer,
 * maintenance through its gear, a payment through its invoice, else its booking). `null`: studio-wide.
 * `optional`: a row without a location (a staff member of the whole studio) is studio-wide too.
 * The server's pull filter and push check (sync-server/src/sync/location-scope.ts) are derived from it.
 */
export type LocatedBy =
  | { kind: "self" }
  | { kind: "field"; field: string; optional: boolean }
  /** `or`: a second parent for when the first is absent (a payment waiting on its booking, with no invoice yet). */
  | { kind: "parent"; field: string; parent: SyncedEntity; optional: boolean; or?: { field: string; parent: SyncedEntity } };

export const LOCATED_BY: Record<SyncedEntity, LocatedBy | null> = {
  studio: null,
  client: null,
  location: { kind: "self" },
  room: { kind: "field", field: "locationId", optional: false },
  equipment: { kind: "field", field: "locationId", optional: false },
  booking: { kind: "field", field: "locationId", optional: false },
  booking_series: { kind: "field", field: "locationId", optional: false },
  staff: { kind: "field", field: "locationId", optional: true },
  staff_time_off: { kind: "parent", field: "staffId", parent: "staff", optional: true },
  equipment_maintenance: { kind: "parent", field: "equipmentId", parent: "equipment", optional: false },
  service_item: null,
  contract_template: null,
  document_profile: null,
  document_email: null,
  contract: { kind: "field", field: "locationId", optional: true },
  quote: { kind: "field", field: "locationId", optional: true },
  invoice: { kind: "field", field: "locationId", optional: true },
  payment: { kind: "parent", field: "invoiceId", parent: "invoice", optional: true, or: { field: "bookingId", parent: "booking" } },
};

/**
 * The located entities, each before anything it hangs from, so that a desk dropping the rows of
 * a location it may no longer see removes children while their parents still say where they are,
 * and never leaves a row pointing at a deleted one (bookings before their series, rooms and
 * locations last).
 */
export const DROP_ORDER: readonly SyncedEntity[] = [
  "payment", "invoice", "quote", "contract",
  "equipment_maintenance", "staff_time_off",
  "booking", "booking_series",
  "equipment", "room", "staff",
  "location",
];

/** Whether a scope lost a location it had (from every location to a list counts). */
export function scopeNarrowed(before: readonly string[] | null, after: readonly string[] | null): boolean {
  if (after === null) return false;
  if (before === null) return true;
  return before.some((id) => !after.includes(id));
}

/**
 * Whether a row whose location is `locationId` (null: it has none) lies outside `scope`, given how
 * its entity is located. Studio-wide entities and location-less optional rows are always inside.
 */
export function outsideScope(located: LocatedBy | null, locationId: string | null, scope: readonly string[] | null): boolean {
  if (located === null || scope === null) return false;
  // No location: studio-wide (optional), or not placed yet; either way nothing says it is elsewhere.
  if (locationId === null) return false;
  return !scope.includes(locationId);
}
