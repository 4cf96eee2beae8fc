import { describe, expect, it } from "vitest";
import { bookingAt, bookingWorlds } from "../../services/booking/booking-test-fixtures";
import { migrate } from "../migrate";

const world = bookingWorlds();

describe("migration 008: payments of bookings", () => {
  it("turns what paid_cents holds beyond the invoice payments into one payment on the booking; invoice payments name their booking", () => {
    const w = world();
    const mk = (start: string, end: string) => w.core.bookings.create(bookingAt(w, start, end, { clientId: w.labelClient })).booking;
    const a = mk("2026-06-03 14:00", "2026-06-03 18:00");
    const b = mk("2026-06-04 14:00", "2026-06-04 18:00");
    const c = mk("2026-06-05 14:00", "2026-06-05 18:00");
    const deposit = w.core.documents.invoices.issue(w.core.documents.invoices.createFromBookings({ bookingIds: [a.id], purpose: "deposit" }).id);
    w.core.documents.payments.record({ invoiceId: deposit.id, amountCents: 5000, method: "card" });
    const db = w.core.db;

    // The desk as version 7 left it: invoice payments only, the drawer's money in paid_cents.
    migrate(db, 7);
    db.prepare("UPDATE bookings SET paid_cents = ? WHERE id = ?").run(8000, a.id); // 5000 by the invoice + 3000 at the drawer
    db.prepare("UPDATE bookings SET paid_cents = ? WHERE id = ?").run(2500, b.id); // all at the drawer
    migrate(db);

    const rows = db.prepare("SELECT id, invoice_id, booking_id, amount_cents, method, reference FROM payments ORDER BY amount_cents").all();
    expect(rows).toEqual([
      { id: b.id, invoice_id: null, booking_id: b.id, amount_cents: 2500, method: "cash", reference: "Reprise (avant le registre des paiements)" },
      { id: a.id, invoice_id: null, booking_id: a.id, amount_cents: 3000, method: "cash", reference: "Reprise (avant le registre des paiements)" },
      { id: expect.any(String), invoice_id: deposit.id, booking_id: a.id, amount_cents: 5000, method: "card", reference: null },
    ]);
    expect(rows.some((r) => (r as { booking_id: string }).booking_id === c.id)).toBe(false);

    // Down keeps the invoice payments and drops the carried-over ones (paid_cents still holds them).
    migrate(db, 7);
    expect(db.prepare("SELECT COUNT(*) AS n FROM payments").get()).toEqual({ n: 1 });
  });
});
