import type { PgMigration } from "./migration";

const CARRIED = "Reprise (avant le registre des paiements)";
const TABLES = ["bookings", "invoices", "payments", "tenant_versions"];

/**
 * The payments table becomes the one record of money received (shared/documents/payment-allocation.ts):
 * a payment names its booking, and may wait on it without an invoice.
 *
 * Mirrors the desktop's migration 008 row for row: an invoice of one booking gives its payments that
 * booking; what a booking's paid_cents holds beyond its invoice payments (spread over each invoice's
 * bookings in order, up to each one's total) becomes one payment on the booking, with the booking's
 * id and stamps, so the desks, which make the same row from the same synced data, agree with it.
 * The migration reads every studio at once, so row security is lifted for its own transaction only.
 */
export const paymentsOfBookings: PgMigration = {
  version: 11,
  name: "payments of bookings",
  up: `
    ${TABLES.map((t) => `ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY;`).join("\n    ")}
    ALTER TABLE payments ALTER COLUMN invoice_id DROP NOT NULL;
    ALTER TABLE payments ADD COLUMN booking_id uuid;
    ALTER TABLE payments ADD CONSTRAINT payments_invoice_or_booking CHECK (invoice_id IS NOT NULL OR booking_id IS NOT NULL);
    ALTER TABLE payments ADD CONSTRAINT payments_booking_fk FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings;
    CREATE INDEX payments_booking ON payments (tenant_id, booking_id) WHERE booking_id IS NOT NULL;

    UPDATE payments p SET booking_id = (i.booking_ids ->> 0)::uuid
      FROM invoices i WHERE i.tenant_id = p.tenant_id AND i.id = p.invoice_id AND jsonb_array_length(i.booking_ids) = 1;

    DO $$
    DECLARE
      inv record;
      bid uuid;
      lft bigint;
      take bigint;
    BEGIN
      CREATE TEMP TABLE explained (tenant_id uuid, id uuid, total bigint, got bigint, PRIMARY KEY (tenant_id, id)) ON COMMIT DROP;
      INSERT INTO explained SELECT tenant_id, id, total_cents, 0 FROM bookings WHERE deleted_at IS NULL;
      FOR inv IN
        SELECT i.tenant_id, i.booking_ids, SUM(p.amount_cents) AS paid FROM payments p JOIN invoices i ON i.tenant_id = p.tenant_id AND i.id = p.invoice_id
        WHERE p.deleted_at IS NULL GROUP BY i.tenant_id, i.id ORDER BY i.created_at, i.id
      LOOP
        lft := inv.paid;
        FOR bid IN SELECT e.value::uuid FROM jsonb_array_elements_text(inv.booking_ids) WITH ORDINALITY AS e(value, n) ORDER BY e.n LOOP
          SELECT GREATEST(0, LEAST(lft, x.total - x.got)) INTO take FROM explained x WHERE x.tenant_id = inv.tenant_id AND x.id = bid;
          CONTINUE WHEN take IS NULL;
          UPDATE explained x SET got = x.got + take WHERE x.tenant_id = inv.tenant_id AND x.id = bid;
          lft := lft - take;
        END LOOP;
      END LOOP;
      INSERT INTO payments (tenant_id, id, created_at, updated_at, version, invoice_id, booking_id, client_id, amount_cents, method, received_on, reference)
        SELECT b.tenant_id, b.id, b.created_at, b.updated_at, 0, NULL, b.id, b.client_id, b.paid_cents - e.got, 'cash', (b.created_at AT TIME ZONE 'UTC')::date, '${CARRIED}'
        FROM bookings b JOIN explained e ON e.tenant_id = b.tenant_id AND e.id = b.id
        WHERE b.paid_cents > e.got AND b.client_id IS NOT NULL;
    END $$;
    -- The new versions' deferred notifications go now: a table with pending trigger events cannot be altered.
    SET CONSTRAINTS ALL IMMEDIATE;
    ${TABLES.map((t) => `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY;`).join("\n    ")}
  `,
  down: `
    ALTER TABLE payments NO FORCE ROW LEVEL SECURITY;
    DELETE FROM payments WHERE invoice_id IS NULL;
    ALTER TABLE payments FORCE ROW LEVEL SECURITY;
    DROP INDEX payments_booking;
    ALTER TABLE payments DROP CONSTRAINT payments_booking_fk;
    ALTER TABLE payments DROP CONSTRAINT payments_invoice_or_booking;
    ALTER TABLE payments DROP COLUMN booking_id;
    ALTER TABLE payments ALTER COLUMN invoice_id SET NOT NULL;
  `,
};
