import { z } from "zod";
import { BOOKING_STATUSES } from "../../../shared/booking/booking-status";
import { bookingDraftFields, equipmentLineSchema, rruleText } from "../../../shared/booking/booking-input";
import { MAX_BOOKING_DAYS } from "../../../shared/booking/booking-limits";
import { DAY_MS } from "../../../shared/zoned-time";
import { bookingSettingsSchema } from "../../../shared/booking/booking-settings";
import { basisPoints, cents, currencySchema, idSchema, isoDate, optionalText } from "../../../shared/schemas/common";
import { clientFields } from "../../../shared/schemas/client";
import { equipmentBaseFields } from "../../../shared/schemas/equipment";
import { locationFields } from "../../../shared/schemas/location";
import { roomBaseFields, roomBookingRuleFields } from "../../../shared/schemas/room";
import { staffFields } from "../../../shared/schemas/staff";
import { studioFields } from "../../../shared/schemas/studio";
import type { SyncedEntity } from "../../../shared/sync/protocol";
import { documentEntityTables } from "../documents/document-entity-tables";

/**
 * How a field travels (the desktop's column form) and is stored in Postgres:
 * text/int as is; bool 0/1 ↔ boolean; json a JSON string ↔ jsonb; instant epoch ms ↔ timestamptz
 * (booking times); timestamp an ISO string ↔ timestamptz; date "YYYY-MM-DD" ↔ date.
 */
export type FieldKind = "text" | "int" | "bool" | "json" | "instant" | "timestamp" | "date";

export interface FieldSpec {
  column: string;
  kind: FieldKind;
  /** The field's domain schema (shared/schemas, shared/booking), checked field by field. */
  schema: z.ZodType;
}

export interface EntityTable {
  table: string;
  fields: Record<string, FieldSpec>;
}

const f = (column: string, kind: FieldKind, schema: z.ZodType): FieldSpec => ({ column, kind, schema });
const isoInstant = z.iso.datetime().nullable();

/** Present on every synced row: archiving and the tombstone are ordinary last-writer-wins fields. */
const lifecycle = {
  archivedAt: f("archived_at", "timestamp", isoInstant),
  deletedAt: f("deleted_at", "timestamp", isoInstant),
};

const room = { ...roomBaseFields.shape, ...roomBookingRuleFields.shape };
const msInstant = z.number().int().min(0).max(8_640_000_000_000_000);

/**
 * The synced tables (migrations 003 and 005), field → column as the desktop's *-def.ts,
 * booking-record.ts, studio-service.ts and booking-settings-store.ts map them.
 */
export const ENTITY_TABLES: Partial<Record<SyncedEntity, EntityTable>> = {
  // The studio row: its id is the tenant id (mutation-access.ts refuses any other).
  studio: {
    table: "studios",
    fields: {
      name: f("name", "text", studioFields.shape.name),
      currency: f("currency", "text", studioFields.shape.currency),
      defaultDepositBp: f("default_deposit_bp", "int", studioFields.shape.defaultDepositBp),
      defaultVatBp: f("default_vat_bp", "int", studioFields.shape.defaultVatBp),
      holdExpiryHours: f("hold_expiry_hours", "int", bookingSettingsSchema.shape.holdExpiryHours),
      cancellationPolicy: f("cancellation_policy", "json", bookingSettingsSchema.shape.cancellationPolicy),
      unpaidBalanceLimitCents: f("unpaid_balance_limit_cents", "int", bookingSettingsSchema.shape.unpaidBalanceLimitCents),
      ...lifecycle,
    },
  },
  location: {
    table: "locations",
    fields: {
      name: f("name", "text", locationFields.shape.name),
      timeZone: f("time_zone", "text", locationFields.shape.timeZone),
      address: f("address", "text", locationFields.shape.address),
      phone: f("phone", "text", locationFields.shape.phone),
      email: f("email", "text", locationFields.shape.email),
      openingHours: f("opening_hours", "json", locationFields.shape.openingHours),
      closures: f("closures", "json", locationFields.shape.closures),
      ...lifecycle,
    },
  },
  room: {
    table: "rooms",
    fields: {
      locationId: f("location_id", "text", room.locationId),
      name: f("name", "text", room.name),
      type: f("type", "text", room.type),
      hourlyRateCents: f("hourly_rate_cents", "int", room.hourlyRateCents),
      halfDayRateCents: f("half_day_rate_cents", "int", room.halfDayRateCents),
      dayRateCents: f("day_rate_cents", "int", room.dayRateCents),
      vatRateBp: f("vat_rate_bp", "int", room.vatRateBp),
      capacity: f("capacity", "int", room.capacity),
      colour: f("colour", "text", room.colour),
      bookable: f("bookable", "bool", room.bookable),
      setupMinutes: f("setup_minutes", "int", room.setupMinutes),
      teardownMinutes: f("teardown_minutes", "int", room.teardownMinutes),
      notes: f("notes", "text", room.notes),
      minDurationMinutes: f("min_duration_minutes", "int", room.minDurationMinutes),
      maxDurationMinutes: f("max_duration_minutes", "int", room.maxDurationMinutes),
      minNoticeMinutes: f("min_notice_minutes", "int", room.minNoticeMinutes),
      maxHorizonDays: f("max_horizon_days", "int", room.maxHorizonDays),
      ...lifecycle,
    },
  },
  staff: {
    table: "staff",
    fields: {
      name: f("name", "text", staffFields.shape.name),
      role: f("role", "text", staffFields.shape.role),
      email: f("email", "text", staffFields.shape.email),
      phone: f("phone", "text", staffFields.shape.phone),
      hourlyRateCents: f("hourly_rate_cents", "int", staffFields.shape.hourlyRateCents),
      dayRateCents: f("day_rate_cents", "int", staffFields.shape.dayRateCents),
      locationId: f("location_id", "text", staffFields.shape.locationId),
      colour: f("colour", "text", staffFields.shape.colour),
      notes: f("notes", "text", staffFields.shape.notes),
      ...lifecycle,
    },
  },
  equipment: {
    table: "equipment",
    fields: {
      locationId: f("location_id", "text", equipmentBaseFields.shape.locationId),
      name: f("name", "text", equipmentBaseFields.shape.name),
      category: f("category", "text", equipmentBaseFields.shape.category),
      serialNumber: f("serial_number", "text", equipmentBaseFields.shape.serialNumber),
      quantity: f("quantity", "int", equipmentBaseFields.shape.quantity),
      dailyRateCents: f("daily_rate_cents", "int", equipmentBaseFields.shape.dailyRateCents),
      lastMaintenance: f("last_maintenance", "date", equipmentBaseFields.shape.lastMaintenance),
      nextMaintenance: f("next_maintenance", "date", equipmentBaseFields.shape.nextMaintenance),
      notes: f("notes", "text", equipmentBaseFields.shape.notes),
      ...lifecycle,
    },
  },
  client: {
    table: "clients",
    fields: {
      kind: f("kind", "text", clientFields.shape.kind),
      name: f("name", "text", clientFields.shape.name),
      contactName: f("contact_name", "text", clientFields.shape.contactName),
      email: f("email", "text", clientFields.shape.email),
      phone: f("phone", "text", clientFields.shape.phone),
      address: f("address", "text", clientFields.shape.address),
      vatNumber: f("vat_number", "text", clientFields.shape.vatNumber),
      notes: f("notes", "text", clientFields.shape.notes),
      defaultDepositBp: f("default_deposit_bp", "int", clientFields.shape.defaultDepositBp),
      documentLanguage: f("document_language", "text", clientFields.shape.documentLanguage),
      ...lifecycle,
    },
  },
  // main/core/services/booking/booking-record.ts BOOKING_COLUMNS.
  booking: {
    table: "bookings",
    fields: {
      locationId: f("location_id", "text", bookingDraftFields.shape.locationId),
      roomIds: f("room_ids", "json", bookingDraftFields.shape.roomIds),
      staffIds: f("staff_ids", "json", bookingDraftFields.shape.staffIds),
      equipment: f("equipment", "json", z.array(equipmentLineSchema).max(50)),
      clientId: f("client_id", "text", bookingDraftFields.shape.clientId),
      title: f("title", "text", bookingDraftFields.shape.title),
      projectName: f("project_name", "text", bookingDraftFields.shape.projectName),
      notes: f("notes", "text", bookingDraftFields.shape.notes),
      type: f("type", "text", bookingDraftFields.shape.type),
      status: f("status", "text", z.enum(BOOKING_STATUSES)),
      startsAt: f("starts_at", "instant", msInstant),
      endsAt: f("ends_at", "instant", msInstant),
      occupiedFrom: f("occupied_from", "instant", msInstant),
      occupiedUntil: f("occupied_until", "instant", msInstant),
      holdExpiresAt: f("hold_expires_at", "instant", msInstant.nullable()),
      overridePast: f("override_past", "bool", z.boolean()),
      seriesId: f("series_id", "text", idSchema.nullable()),
      seriesSeq: f("series_seq", "int", z.number().int().min(0).nullable()),
      currency: f("currency", "text", currencySchema),
      discountBp: f("discount_bp", "int", bookingDraftFields.shape.discountBp),
      netCents: f("net_cents", "int", z.number().int()),
      vatCents: f("vat_cents", "int", z.number().int()),
      totalCents: f("total_cents", "int", z.number().int()),
      depositBp: f("deposit_bp", "int", basisPoints),
      depositCents: f("deposit_cents", "int", cents),
      // Lines computed by the desktop's pricing; stored as given, checked for shape only.
      priceLines: f("price_lines", "json", z.array(z.record(z.string(), z.unknown())).max(200)),
      paidCents: f("paid_cents", "int", cents),
      cancelledAt: f("cancelled_at", "timestamp", isoInstant),
      cancelReason: f("cancel_reason", "text", z.string().max(2000).nullable()),
      cancellationFeeCents: f("cancellation_fee_cents", "int", cents.nullable()),
      ...lifecycle,
    },
  },
  // main/core/services/booking/series-planner.ts: a series' rule, read on the location's clock.
  booking_series: {
    table: "booking_series",
    fields: {
      locationId: f("location_id", "text", idSchema),
      rrule: f("rrule", "text", rruleText),
      timeZone: f("time_zone", "text", locationFields.shape.timeZone),
      firstDate: f("first_date", "date", isoDate),
      startMinute: f("start_minute", "int", z.number().int().min(0).max(1439)),
      durationMs: f("duration_ms", "int", z.number().int().min(1).max(MAX_BOOKING_DAYS * DAY_MS)),
      ...lifecycle,
    },
  },
  // main/core/services/booking/blockout-store.ts: time off and maintenance windows.
  staff_time_off: {
    table: "staff_time_off",
    fields: {
      staffId: f("staff_id", "text", idSchema),
      startsAt: f("starts_at", "instant", msInstant),
      endsAt: f("ends_at", "instant", msInstant),
      reason: f("reason", "text", optionalText(200)),
      ...lifecycle,
    },
  },
  equipment_maintenance: {
    table: "equipment_maintenance",
    fields: {
      equipmentId: f("equipment_id", "text", idSchema),
      startsAt: f("starts_at", "instant", msInstant),
      endsAt: f("ends_at", "instant", msInstant),
      quantity: f("quantity", "int", z.number().int().min(1).max(10_000).nullable()),
      reason: f("reason", "text", optionalText(200)),
      ...lifecycle,
    },
  },
  // Contracts, quotes, invoices, payments and their mail (migration 008).
  ...documentEntityTables(lifecycle),
};
