import type { Db } from "../db/open-database";
import { prepareCached } from "../db/statement-cache";
import { unpaidCentsOf, valuesOf, type BookingRow } from "../services/booking/booking-record";
import { paidFromPayments } from "../services/documents/booking-paid";

/**
 * bookings.paid_cents is a cache of the booking's payment rows, kept by the desk that records a
 * payment. Two desks taking payments for one booking offline each write their own total, and
 * last-writer-wins keeps one: after a pulled page, every booking whose payments, invoices or own
 * row arrived is derived again from the payment rows, which sync without loss. Local only (no
 * outbox): every desk derives the same figure from the same rows.
 */
export function resettlePulledBookings(db: Db, changes: readonly { entity: string; rowId: string }[]): void {
  const ids = { booking: [] as string[], payment: [] as string[], invoice: [] as string[] };
  for (const c of changes) if (c.entity in ids) ids[c.entity as keyof typeof ids].push(c.rowId);
  if (ids.payment.length === 0 && ids.invoice.length === 0 && (ids.booking.length === 0 || !anyPayment(db))) return;

  const bookingIds = new Set(ids.booking);
  const viaPayments = prepareCached(db, `SELECT p.booking_id AS direct, i.booking_ids AS billed FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id
    WHERE p.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids.payment)) as { direct: string | null; billed: string | null }[];
  const viaInvoices = prepareCached(db, "SELECT booking_ids AS billed FROM invoices WHERE id IN (SELECT value FROM json_each(?))")
    .all(JSON.stringify(ids.invoice)) as { billed: string | null }[];
  for (const r of viaPayments) if (r.direct) bookingIds.add(r.direct);
  for (const r of [...viaPayments, ...viaInvoices]) {
    for (const id of r.billed ? (JSON.parse(r.billed) as string[]) : []) bookingIds.add(id);
  }

  const read = prepareCached(db, "SELECT * FROM bookings WHERE id = ?");
  const write = prepareCached(db, "UPDATE bookings SET paid_cents = ?, unpaid_cents = ? WHERE id = ?");
  for (const [id, paidCents] of paidFromPayments(db, [...bookingIds])) {
    const row = read.get(id) as BookingRow | undefined;
    if (!row || row.paid_cents === paidCents) continue;
    write.run(paidCents, unpaidCentsOf({ ...valuesOf(row), paidCents }), id);
  }
}

function anyPayment(db: Db): boolean {
  return prepareCached(db, "SELECT 1 FROM payments WHERE deleted_at IS NULL LIMIT 1").get() !== undefined;
}
