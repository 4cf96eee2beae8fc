import type { DocumentLanguage } from "../../../../shared/documents/contract-templates";
import type { CancellationPolicy } from "../../../../shared/booking/cancellation";
import type { BillableBooking } from "../../../../shared/documents/billing";
import { wallDate } from "../../../../shared/zoned-time";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { AppError } from "../../errors";
import { valuesOf, type BookingRow, type BookingValues } from "../booking/booking-record";

export interface StudioDetails {
  tenantId: string;
  name: string;
  currency: string;
  defaultDepositBp: number;
  policy: CancellationPolicy;
  legalName: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  vatNumber: string | null;
  siret: string | null;
  legalForm: string | null;
  shareCapital: string | null;
  rcs: string | null;
  iban: string | null;
  bic: string | null;
  paymentTermsDays: number;
  lateFeeBp: number;
  footer: string | null;
}

export interface LocationDetails { id: string; name: string; timeZone: string; address: string | null; phone: string | null; email: string | null }
export interface ClientDetails { id: string; name: string; address: string | null; email: string | null; vatNumber: string | null; contactName: string | null; defaultDepositBp: number | null; documentLanguage: DocumentLanguage }
export interface BookingFacts extends BookingValues { id: string; roomNames: string[]; timeZone: string }

/** Default payment terms and late-fee rate before the studio fills in its legal details. */
export const DEFAULT_TERMS = { paymentTermsDays: 30, lateFeeBp: 1000 };

/** What documents read of the rest of the studio: its legal details, locations, clients and bookings. */
export class DocumentContext {
  constructor(private readonly db: Db) {}

  studio(): StudioDetails {
    const s = prepareCached(this.db, "SELECT * FROM studio WHERE deleted_at IS NULL LIMIT 1").get() as Record<string, unknown> | undefined;
    if (!s) throw new AppError("NOT_INITIALIZED", "The studio has not been set up yet");
    const p = (prepareCached(this.db, "SELECT * FROM document_profiles WHERE id = ? AND deleted_at IS NULL").get(s.tenant_id) ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
    return {
      tenantId: String(s.tenant_id), name: String(s.name), currency: String(s.currency), defaultDepositBp: Number(s.default_deposit_bp),
      policy: JSON.parse(String(s.cancellation_policy)) as CancellationPolicy,
      legalName: text(p.legal_name), address: text(p.address), email: text(p.email), phone: text(p.phone), vatNumber: text(p.vat_number),
      siret: text(p.siret), legalForm: text(p.legal_form), shareCapital: text(p.share_capital), rcs: text(p.rcs), iban: text(p.iban), bic: text(p.bic),
      paymentTermsDays: typeof p.payment_terms_days === "number" ? p.payment_terms_days : DEFAULT_TERMS.paymentTermsDays,
      lateFeeBp: typeof p.late_fee_bp === "number" ? p.late_fee_bp : DEFAULT_TERMS.lateFeeBp,
      footer: text(p.footer),
    };
  }

  location(id: string | null): LocationDetails {
    const row = (id
      ? prepareCached(this.db, "SELECT * FROM locations WHERE id = ?").get(id)
      : prepareCached(this.db, "SELECT * FROM locations WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1").get()) as Record<string, unknown> | undefined;
    if (!row) throw new AppError("NOT_FOUND", `Location ${id ?? "(first)"} does not exist`);
    return {
      id: String(row.id), name: String(row.name), timeZone: String(row.time_zone), address: (row.address as string | null) ?? null,
      phone: (row.phone as string | null) ?? null, email: (row.email as string | null) ?? null,
    };
  }

  /** Today in the location's calendar (the first location's when the document has none). */
  today(locationId: string | null, nowMs: number): string {
    return wallDate(this.location(locationId).timeZone, nowMs);
  }

  client(id: string): ClientDetails {
    const row = prepareCached(this.db, "SELECT * FROM clients WHERE id = ? AND deleted_at IS NULL").get(id) as Record<string, unknown> | undefined;
    if (!row) throw new AppError("NOT_FOUND", `Client ${id} does not exist`, { clientId: ["v.invalid"] });
    return {
      id, name: String(row.name), address: (row.address as string | null) ?? null, email: (row.email as string | null) ?? null,
      vatNumber: (row.vat_number as string | null) ?? null, contactName: (row.contact_name as string | null) ?? null,
      defaultDepositBp: (row.default_deposit_bp as number | null) ?? null,
      documentLanguage: row.document_language === "en" ? "en" : "fr",
    };
  }

  /** The bookings in the order given, each with its room names and its location's zone. */
  bookings(ids: readonly string[]): BookingFacts[] {
    return ids.map((id) => {
      const row = prepareCached(this.db, "SELECT * FROM bookings WHERE id = ? AND deleted_at IS NULL").get(id) as BookingRow | undefined;
      if (!row) throw new AppError("NOT_FOUND", `Booking ${id} does not exist`, { bookingIds: ["v.invalid"] });
      const v = valuesOf(row);
      const roomNames = v.roomIds.map((r) => (prepareCached(this.db, "SELECT name FROM rooms WHERE id = ?").get(r) as { name: string } | undefined)?.name ?? "?");
      return { ...v, id, roomNames, timeZone: this.location(v.locationId).timeZone };
    });
  }

  roomRates(roomIds: readonly string[]): { label: string; hourlyRateCents: number }[] {
    return [...new Set(roomIds)].map((id) => {
      const r = prepareCached(this.db, "SELECT name, hourly_rate_cents FROM rooms WHERE id = ?").get(id) as { name: string; hourly_rate_cents: number } | undefined;
      return { label: r?.name ?? "?", hourlyRateCents: r?.hourly_rate_cents ?? 0 };
    });
  }
}

export function billable(b: BookingFacts): BillableBooking {
  return {
    id: b.id, startsAt: new Date(b.startsAt).toISOString(), endsAt: new Date(b.endsAt).toISOString(), timeZone: b.timeZone,
    projectName: b.projectName, title: b.title, priceLines: b.priceLines, depositBp: b.depositBp, discountBp: b.discountBp,
  };
}

/** One client's bookings, all at one location (a document is printed in one location's zone). */
export function requireOneClient(bookings: readonly BookingFacts[]): { clientId: string; locationId: string } {
  const clients = new Set(bookings.map((b) => b.clientId));
  const locations = new Set(bookings.map((b) => b.locationId));
  const clientId = bookings[0]?.clientId;
  if (clients.size !== 1 || !clientId) throw new AppError("VALIDATION_FAILED", "The bookings must belong to one client", { bookingIds: ["v.invalid"] });
  if (locations.size !== 1) throw new AppError("VALIDATION_FAILED", "The bookings must be at one location", { bookingIds: ["v.invalid"] });
  return { clientId, locationId: bookings[0]!.locationId };
}
