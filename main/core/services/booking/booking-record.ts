import type { BookingStatus, BookingType } from "../../../../shared/booking/booking-status";
import type { EquipmentLine } from "../../../../shared/booking/booking-types";
import type { PriceLine } from "../../../../shared/booking/pricing";
import type { ColumnValue } from "../../sync/local-writer";

/** A booking's synced fields, in domain form (instants as epoch ms). */
export interface BookingValues {
  locationId: string;
  roomIds: string[];
  staffIds: string[];
  equipment: EquipmentLine[];
  clientId: string | null;
  title: string | null;
  projectName: string | null;
  notes: string | null;
  type: BookingType;
  status: BookingStatus;
  startsAt: number;
  endsAt: number;
  occupiedFrom: number;
  occupiedUntil: number;
  holdExpiresAt: number | null;
  overridePast: boolean;
  seriesId: string | null;
  seriesSeq: number | null;
  currency: string;
  /** The discount on every price line, in basis points; the cents below are after it. */
  discountBp: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
  depositBp: number;
  depositCents: number;
  priceLines: PriceLine[];
  paidCents: number;
  cancelledAt: string | null;
  cancelReason: string | null;
  cancellationFeeCents: number | null;
}

type Kind = "text" | "int" | "bool" | "json";

/** Field → column, as the outbox names fields and the table names columns. */
export const BOOKING_COLUMNS: { [K in keyof BookingValues]: [column: string, kind: Kind] } = {
  locationId: ["location_id", "text"],
  roomIds: ["room_ids", "json"],
  staffIds: ["staff_ids", "json"],
  equipment: ["equipment", "json"],
  clientId: ["client_id", "text"],
  title: ["title", "text"],
  projectName: ["project_name", "text"],
  notes: ["notes", "text"],
  type: ["type", "text"],
  status: ["status", "text"],
  startsAt: ["starts_at", "int"],
  endsAt: ["ends_at", "int"],
  occupiedFrom: ["occupied_from", "int"],
  occupiedUntil: ["occupied_until", "int"],
  holdExpiresAt: ["hold_expires_at", "int"],
  overridePast: ["override_past", "bool"],
  seriesId: ["series_id", "text"],
  seriesSeq: ["series_seq", "int"],
  currency: ["currency", "text"],
  discountBp: ["discount_bp", "int"],
  netCents: ["net_cents", "int"],
  vatCents: ["vat_cents", "int"],
  totalCents: ["total_cents", "int"],
  depositBp: ["deposit_bp", "int"],
  depositCents: ["deposit_cents", "int"],
  priceLines: ["price_lines", "json"],
  paidCents: ["paid_cents", "int"],
  cancelledAt: ["cancelled_at", "text"],
  cancelReason: ["cancel_reason", "text"],
  cancellationFeeCents: ["cancellation_fee_cents", "int"],
};

/**
 * Fields that change together or not at all: per-field last-writer-wins must never pair one
 * device's start with another's end, nor a price with the times (or the discount) it was computed for.
 */
export const TIME_AND_PRICE_FIELDS: readonly (keyof BookingValues)[] = [
  "startsAt", "endsAt", "occupiedFrom", "occupiedUntil", "discountBp", "netCents", "vatCents", "totalCents", "depositBp", "depositCents", "priceLines",
];

function toColumnValue(value: unknown, kind: Kind): ColumnValue {
  if (value === null || value === undefined) return null;
  if (kind === "bool") return value ? 1 : 0;
  if (kind === "json") return JSON.stringify(value);
  return value as ColumnValue;
}

/**
 * The writer's field map for `next`: every field on insert; on update the fields that differ from
 * `current`, widened to whole groups of TIME_AND_PRICE_FIELDS.
 */
export function changedColumns(next: BookingValues, current: BookingValues | null): Record<string, [string, ColumnValue]> {
  const out: Record<string, [string, ColumnValue]> = {};
  const entries = Object.entries(BOOKING_COLUMNS) as [keyof BookingValues, [string, Kind]][];
  const differs = (field: keyof BookingValues) =>
    current === null || toColumnValue(next[field], BOOKING_COLUMNS[field][1]) !== toColumnValue(current[field], BOOKING_COLUMNS[field][1]);
  const groupChanged = TIME_AND_PRICE_FIELDS.some(differs);
  for (const [field, [column, kind]] of entries) {
    if (differs(field) || (groupChanged && TIME_AND_PRICE_FIELDS.includes(field))) out[field] = [column, toColumnValue(next[field], kind)];
  }
  return out;
}

export interface BookingRow {
  id: string;
  tenant_id: string;
  created_at: string;
  updated_at: string;
  version: number | null;
  [column: string]: unknown;
}

export function valuesOf(row: BookingRow): BookingValues {
  const out: Record<string, unknown> = {};
  for (const [field, [column, kind]] of Object.entries(BOOKING_COLUMNS)) {
    const raw = row[column];
    out[field] = raw === null || raw === undefined ? null : kind === "bool" ? raw === 1 : kind === "json" ? JSON.parse(String(raw)) : raw;
  }
  return out as unknown as BookingValues;
}

/** What the client still owes for this booking, kept on the row so a balance is one indexed sum. */
export function unpaidCentsOf(v: Pick<BookingValues, "status" | "totalCents" | "cancellationFeeCents" | "paidCents">): number {
  const due = v.status === "completed" ? v.totalCents : v.status === "cancelled" || v.status === "no_show" ? (v.cancellationFeeCents ?? 0) : 0;
  return Math.max(0, due - v.paidCents);
}
