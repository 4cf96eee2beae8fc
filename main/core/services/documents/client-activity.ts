import type { BookingStatus } from "../../../../shared/booking/booking-status";
import type { PaymentMethod } from "../../../../shared/documents/billing";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import type { BookingService } from "../booking-service";
import type { DocumentContext } from "./document-context";
import type { PaymentService } from "./payment-service";

/** Whether the acting person may see money at a location (finance.view). */
export type SeesMoney = (locationId: string | null) => boolean;

/** A session of the client's, for the client drawer; amounts null for someone who may not see money there. */
export interface ClientSession {
  id: string;
  locationId: string;
  locationName: string;
  timeZone: string;
  rooms: string[];
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  title: string | null;
  projectName: string | null;
  currency: string;
  totalCents: number | null;
  paidCents: number | null;
}

export interface ClientPayment {
  id: string;
  receivedOn: string;
  method: PaymentMethod;
  amountCents: number | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  bookingId: string | null;
  reference: string | null;
}

const SESSION_LIMIT = 200;

/** The client drawer's sessions (upcoming first, then the past, newest first) and payments. */
export class ClientActivity {
  constructor(
    private readonly bookings: BookingService,
    private readonly payments: PaymentService,
    private readonly context: DocumentContext,
    private readonly now: () => number,
    private readonly db: Db,
  ) {}

  /** A payment's location: its invoice's, else its booking's (null: studio-wide). */
  private locationOfPayment(invoiceId: string | null, bookingId: string | null): string | null {
    const row = prepareCached(this.db, `SELECT COALESCE((SELECT location_id FROM invoices WHERE id = ?), (SELECT location_id FROM bookings WHERE id = ?)) AS l`)
      .get(invoiceId, bookingId) as { l: string | null };
    return row.l;
  }

  sessions(clientId: string, seesMoney: SeesMoney): { upcoming: ClientSession[]; past: ClientSession[] } {
    const { rows } = this.bookings.list({ clientId, sort: "startsAt", direction: "desc", limit: SESSION_LIMIT });
    const now = this.now();
    const sessions = rows.map((b): ClientSession => {
      const money = seesMoney(b.locationId);
      return {
        id: b.id, locationId: b.locationId, locationName: b.locationName, timeZone: this.context.location(b.locationId).timeZone, rooms: b.rooms.map((r) => r.name),
        startsAt: b.startsAt, endsAt: b.endsAt, status: b.status, title: b.title, projectName: b.projectName, currency: b.currency,
        totalCents: money ? b.totalCents : null, paidCents: money ? this.bookings.get(b.id).paidCents : null,
      };
    });
    const upcoming = sessions.filter((s) => Date.parse(s.endsAt) > now).reverse();
    return { upcoming, past: sessions.filter((s) => Date.parse(s.endsAt) <= now) };
  }

  /** Every payment of the client's, newest first; the amount only for those who may see money. */
  paymentsOf(clientId: string, seesMoney: SeesMoney): ClientPayment[] {
    const locationOf = new Map<string, string | null>();
    return this.payments.list({ clientId }).map((p) => {
      const key = p.invoiceId ?? p.bookingId ?? "";
      if (!locationOf.has(key)) locationOf.set(key, this.locationOfPayment(p.invoiceId, p.bookingId));
      return {
        id: p.id, receivedOn: p.receivedOn, method: p.method, amountCents: seesMoney(locationOf.get(key) ?? null) ? p.amountCents : null,
        invoiceId: p.invoiceId, invoiceNumber: p.invoiceNumber, bookingId: p.bookingId, reference: p.reference,
      };
    });
  }
}
