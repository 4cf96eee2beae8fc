import { bookingPaid } from "../../../../shared/documents/payment-allocation";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";

/**
 * What each of these bookings (and those sharing an invoice with them) has been paid, from the
 * payment rows: the payments naming each, plus its share of payments on invoices billing several
 * bookings (shared/documents/payment-allocation.ts). bookings.paid_cents is a cache of this.
 */
export function paidFromPayments(db: Db, bookingIds: readonly string[]): Map<string, number> {
  if (bookingIds.length === 0) return new Map();
  const shared = prepareCached(db, `SELECT i.booking_ids AS ids, SUM(p.amount_cents) AS paid FROM payments p JOIN invoices i ON i.id = p.invoice_id
    WHERE p.booking_id IS NULL AND p.deleted_at IS NULL AND i.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM json_each(i.booking_ids) j WHERE j.value IN (SELECT value FROM json_each(?)))
    GROUP BY i.id ORDER BY i.created_at, i.id`).all(JSON.stringify(bookingIds)) as { ids: string; paid: number }[];
  const sharedPayments = shared.map((s) => ({ bookingIds: JSON.parse(s.ids) as string[], amountCents: s.paid }));
  const all = [...new Set([...bookingIds, ...sharedPayments.flatMap((s) => s.bookingIds)])];
  const money = prepareCached(db, `SELECT b.id, b.total_cents AS total,
      (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p WHERE p.booking_id = b.id AND p.deleted_at IS NULL) AS direct
    FROM bookings b WHERE b.deleted_at IS NULL AND b.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(all)) as { id: string; total: number; direct: number }[];
  return bookingPaid(money.map((m) => ({ id: m.id, totalCents: m.total, directCents: m.direct })), sharedPayments);
}
