import { describe, expect, it } from "vitest";
import { bookingAt, bookingWorlds, paris, type BookingWorld, codeOf } from "../booking/booking-test-fixtures";

const world = bookingWorlds();
function book(w: BookingWorld, start = "2026-06-03 14:00", end = "2026-06-03 18:00") {
  return w.core.bookings.create(bookingAt(w, start, end, { clientId: w.labelClient, projectName: "Premier album", title: "Voix lead" })).booking;
}
const paymentRows = (w: BookingWorld) => w.core.db.prepare("SELECT invoice_id, booking_id, amount_cents, method FROM payments WHERE deleted_at IS NULL ORDER BY created_at, id").all();

describe("one record of money received: payments", () => {
  it("a payment at the booking drawer, nothing invoiced yet: one payment row waiting on the booking; paid derived from it", () => {
    const w = world();
    const b = book(w);
    const res = w.core.documents.payments.recordForBooking({ bookingId: b.id, amountCents: 12_000, method: "card" });
    expect(res.payments).toHaveLength(1);
    expect(res.payments[0]).toMatchObject({ invoiceId: null, bookingId: b.id, clientId: w.labelClient, amountCents: 12_000, method: "card", receivedOn: "2026-06-01" });
    expect(res.booking.paidCents).toBe(12_000);
    expect(paymentRows(w)).toEqual([{ invoice_id: null, booking_id: b.id, amount_cents: 12_000, method: "card" }]);
    // The payment row and the booking's cache went out together, for sync.
    expect(w.core.outbox.pending().filter((m) => m.entity === "payment")).toHaveLength(1);
    expect(w.core.outbox.pending().filter((m) => m.entity === "booking" && m.rowId === b.id).at(-1)!.changes).toMatchObject({ paidCents: 12_000 });
  });

  it("an issued deposit invoice takes the booking drawer's payment; the rest waits on the booking; nothing counted twice", () => {
    const w = world();
    const b = book(w);
    const deposit = w.core.documents.invoices.issue(w.core.documents.invoices.createFromBookings({ bookingIds: [b.id], purpose: "deposit" }).id);
    const res = w.core.documents.payments.recordForBooking({ bookingId: b.id, amountCents: deposit.totalCents + 1000, method: "bank_transfer", reference: "VIR 42" });
    expect(res.payments.map((p) => [p.invoiceId, p.amountCents])).toEqual([[deposit.id, deposit.totalCents], [null, 1000]]);
    expect(w.core.documents.invoices.get(deposit.id)).toMatchObject({ status: "paid", paidCents: deposit.totalCents, dueCents: 0 });
    expect(res.booking.paidCents).toBe(deposit.totalCents + 1000);
    // Seen from the invoice, the booking and the client: the same money, once.
    const listed = w.core.documents.payments.list({ clientId: w.labelClient });
    expect(listed.reduce((s, p) => s + p.amountCents, 0)).toBe(deposit.totalCents + 1000);
    expect(listed.find((p) => p.invoiceId === deposit.id)!.invoiceNumber).toBe(deposit.displayNumber);
    expect(w.core.documents.clientBalance(w.labelClient)).toMatchObject({ paidCents: deposit.totalCents, dueCents: 0 });
  });

  it("a payment on the invoice names the booking; the booking's paid follows without a second record", () => {
    const w = world();
    const b = book(w);
    const deposit = w.core.documents.invoices.issue(w.core.documents.invoices.createFromBookings({ bookingIds: [b.id], purpose: "deposit" }).id);
    w.core.documents.payments.record({ invoiceId: deposit.id, amountCents: 5000, method: "cash" });
    expect(paymentRows(w)).toEqual([{ invoice_id: deposit.id, booking_id: b.id, amount_cents: 5000, method: "cash" }]);
    expect(w.core.bookings.get(b.id).paidCents).toBe(5000);
    w.core.documents.payments.recordForBooking({ bookingId: b.id, amountCents: 2000, method: "online" });
    expect(paymentRows(w)).toHaveLength(2);
    expect(w.core.bookings.get(b.id).paidCents).toBe(7000);
    expect(w.core.documents.invoices.get(deposit.id).paidCents).toBe(7000);
  });

  it("money taken before the invoice goes onto it when it is issued (whole payments that fit)", () => {
    const w = world();
    const b = book(w);
    w.core.documents.payments.recordForBooking({ bookingId: b.id, amountCents: 3000, method: "cash" });
    const draft = w.core.documents.invoices.createFromBookings({ bookingIds: [b.id], purpose: "deposit" });
    w.core.documents.payments.recordForBooking({ bookingId: b.id, amountCents: draft.totalCents, method: "card" });
    // A draft takes nothing: both still wait on the booking.
    expect(paymentRows(w).map((p) => (p as { invoice_id: string | null }).invoice_id)).toEqual([null, null]);
    const issued = w.core.documents.invoices.issue(draft.id);
    // The 3000 fits; the second (the whole deposit) no longer does and keeps waiting.
    expect(issued).toMatchObject({ paidCents: 3000, status: "partly_paid", dueCents: draft.totalCents - 3000 });
    expect(w.core.bookings.get(b.id).paidCents).toBe(3000 + draft.totalCents);
  });

  it("the older bookings.recordPayment makes a payment row too; the cancellation quote reads the derived paid", () => {
    const w = world();
    const b = book(w);
    w.core.bookings.recordPayment({ id: b.id, amountCents: 4500 });
    expect(paymentRows(w)).toEqual([{ invoice_id: null, booking_id: b.id, amount_cents: 4500, method: "cash" }]);
    expect(w.core.bookings.quoteCancellation({ id: b.id }).paidCents).toBe(4500);
  });

  it("refuses a booking without a client and a non-positive amount, writing nothing", () => {
    const w = world();
    const b = w.core.bookings.create(bookingAt(w, "2026-06-04 10:00", "2026-06-04 12:00", { clientId: null, title: "Maintenance" })).booking;
    expect(codeOf(() => w.core.documents.payments.recordForBooking({ bookingId: b.id, amountCents: 100, method: "cash" }))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => w.core.documents.payments.recordForBooking({ bookingId: b.id, amountCents: 0, method: "cash" }))).toBe("VALIDATION_FAILED");
    expect(paymentRows(w)).toEqual([]);
  });

  it("partial credit note: some quantity of one line, refused beyond the line", () => {
    const w = world();
    const inv = w.core.documents.invoices.create({
      clientId: w.labelClient,
      lines: [
        { kind: "custom", label: "Mixage", quantityMilli: 3000, unitPriceCents: 20_000, vatBp: 2000 },
        { kind: "custom", label: "Livret", quantityMilli: 10_000, unitPriceCents: 500, vatBp: 550 },
      ],
    });
    const issued = w.core.documents.invoices.issue(inv.id);
    expect(issued.totalCents).toBe(72_000 + 5275);
    expect(issued.vatByRate.map((r) => r.vatBp)).toEqual([2000, 550]);
    expect(codeOf(() => w.core.documents.invoices.creditNote({ invoiceId: inv.id, lines: [{ index: 0, quantityMilli: 4000 }] }))).toBe("VALIDATION_FAILED");
    const credit = w.core.documents.invoices.creditNote({ invoiceId: inv.id, lines: [{ index: 0, quantityMilli: 1000 }], reason: "Une heure non faite" });
    expect(credit).toMatchObject({ kind: "credit_note", totalCents: -24_000, creditedInvoiceId: inv.id });
    expect(credit.lines).toHaveLength(1);
    expect(w.core.documents.invoices.get(inv.id)).toMatchObject({ creditedCents: -24_000, dueCents: 72_000 + 5275 - 24_000 });
    // What is left of the line: two hours; a second note for three is refused, for two it fits.
    expect(w.core.documents.invoices.creditableOf(inv.id)).toEqual([2000, 10_000]);
    expect(codeOf(() => w.core.documents.invoices.creditNote({ invoiceId: inv.id, lines: [{ index: 0, quantityMilli: 3000 }] }))).toBe("VALIDATION_FAILED");
    w.core.documents.invoices.creditNote({ invoiceId: inv.id, lines: [{ index: 0, quantityMilli: 2000 }] });
    expect(w.core.documents.invoices.creditableOf(inv.id)).toEqual([0, 10_000]);
  });

  it("the client drawer's sessions (upcoming, then past) and payments; no amounts for someone who may not see money", () => {
    const w = world();
    const past = book(w, "2026-06-02 10:00", "2026-06-02 12:00");
    const next = book(w, "2026-06-10 10:00", "2026-06-10 12:00");
    w.clock.set(Date.parse(paris("2026-06-05 09:00")));
    w.core.documents.payments.recordForBooking({ bookingId: next.id, amountCents: 5000, method: "online" });
    const all = () => true, none = () => false;
    const seen = w.core.documents.clients.sessions(w.labelClient, all);
    expect(seen.upcoming.map((s) => s.id)).toContain(next.id);
    expect(seen.past.map((s) => s.id)).toContain(past.id);
    expect(seen.upcoming.find((s) => s.id === next.id)).toMatchObject({ rooms: [expect.any(String)], timeZone: "Europe/Paris", totalCents: next.totalCents, paidCents: 5000 });
    const hidden = w.core.documents.clients.sessions(w.labelClient, none);
    expect(hidden.upcoming.find((s) => s.id === next.id)).toMatchObject({ totalCents: null, paidCents: null, status: next.status });
    expect(w.core.documents.clients.paymentsOf(w.labelClient, all).map((p) => [p.method, p.amountCents, p.bookingId])).toEqual([["online", 5000, next.id]]);
    expect(w.core.documents.clients.paymentsOf(w.labelClient, none).map((p) => p.amountCents)).toEqual([null]);
  });
});
