import type { Migration } from "../migration";

/** As in 007 (repeated so this migration never changes). */
const SYNC_COLUMNS = `
  tenant_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  field_hlc TEXT NOT NULL DEFAULT '{}',
  archived_at TEXT,
  deleted_at TEXT,
  version INTEGER`;

const COLUMNS = "id, invoice_id, client_id, amount_cents, method, received_on, reference, tenant_id, created_at, updated_at, field_hlc, archived_at, deleted_at, version";

/**
 * The payments table becomes the one record of money received (shared/documents/payment-allocation.ts):
 * a payment names its booking, and may wait without an invoice. bookings.paid_cents stays as a cache.
 *
 * Money recorded before, at the booking drawer, only ever added to bookings.paid_cents. For each
 * booking, what its invoice payments do not explain (spread over the invoice's bookings in order,
 * as the old code did) becomes one payment row on the booking, with the booking's own id as its id
 * and its created_at / updated_at stamps: the sync-server's migration 011 makes the very same row
 * from the same synced data, so every desk and the server agree on it (and its version comes by pull).
 * Its method was never recorded: "cash", with a reference saying it was carried over.
 */
export const paymentsOfBookings: Migration = {
  version: 8,
  name: "payments of bookings",
  up(db) {
    db.exec(`
      CREATE TABLE payments_new (
        id TEXT PRIMARY KEY, invoice_id TEXT, booking_id TEXT, client_id TEXT NOT NULL, amount_cents INTEGER NOT NULL, method TEXT NOT NULL,
        received_on TEXT NOT NULL, reference TEXT,
        ${SYNC_COLUMNS}
      );
      INSERT INTO payments_new (${COLUMNS}) SELECT ${COLUMNS} FROM payments;
      DROP TABLE payments;
      ALTER TABLE payments_new RENAME TO payments;
      CREATE INDEX payments_invoice ON payments (invoice_id);
      CREATE INDEX payments_client ON payments (client_id);
      CREATE INDEX payments_booking ON payments (booking_id) WHERE booking_id IS NOT NULL;
      -- An invoice of one booking: its payments name that booking.
      UPDATE payments SET booking_id = (SELECT json_extract(i.booking_ids, '$[0]') FROM invoices i WHERE i.id = payments.invoice_id)
        WHERE (SELECT json_array_length(i.booking_ids) FROM invoices i WHERE i.id = payments.invoice_id) = 1;
    `);
    const bookings = db.prepare("SELECT id, tenant_id, client_id, total_cents, paid_cents, created_at, updated_at FROM bookings WHERE deleted_at IS NULL ORDER BY id")
      .all() as { id: string; tenant_id: string; client_id: string | null; total_cents: number; paid_cents: number; created_at: string; updated_at: string }[];
    const explained = new Map<string, number>(bookings.map((b) => [b.id, 0]));
    const total = new Map(bookings.map((b) => [b.id, b.total_cents]));
    const paidOn = db.prepare(`SELECT i.booking_ids AS ids, SUM(p.amount_cents) AS paid FROM payments p JOIN invoices i ON i.id = p.invoice_id
      WHERE p.deleted_at IS NULL GROUP BY i.id ORDER BY i.created_at, i.id`).all() as { ids: string; paid: number }[];
    for (const inv of paidOn) {
      let left = inv.paid;
      for (const id of (JSON.parse(inv.ids) as string[]).filter((x) => explained.has(x))) {
        const take = Math.max(0, Math.min(left, total.get(id)! - explained.get(id)!));
        explained.set(id, explained.get(id)! + take);
        left -= take;
      }
    }
    const insert = db.prepare(`INSERT INTO payments (id, invoice_id, booking_id, client_id, amount_cents, method, received_on, reference, tenant_id, created_at, updated_at)
      VALUES (?, NULL, ?, ?, ?, 'cash', ?, 'Reprise (avant le registre des paiements)', ?, ?, ?)`);
    for (const b of bookings) {
      const legacy = b.paid_cents - explained.get(b.id)!;
      if (legacy > 0 && b.client_id) insert.run(b.id, b.id, b.client_id, legacy, b.created_at.slice(0, 10), b.tenant_id, b.created_at, b.updated_at);
    }
  },
  down(db) {
    db.exec(`
      DELETE FROM payments WHERE invoice_id IS NULL;
      CREATE TABLE payments_old (
        id TEXT PRIMARY KEY, invoice_id TEXT NOT NULL, client_id TEXT NOT NULL, amount_cents INTEGER NOT NULL, method TEXT NOT NULL,
        received_on TEXT NOT NULL, reference TEXT,
        ${SYNC_COLUMNS}
      );
      INSERT INTO payments_old (${COLUMNS}) SELECT ${COLUMNS} FROM payments;
      DROP TABLE payments;
      ALTER TABLE payments_old RENAME TO payments;
      CREATE INDEX payments_invoice ON payments (invoice_id);
      CREATE INDEX payments_client ON payments (client_id);
    `);
  },
};
