import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import { roomInput } from "../../main/core/test-fixtures";
import { migrate } from "../../sync-server/src/db/migrate";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { parisWednesday } from "./support/paris-wednesday";
import { replicaDesk, type ReplicaDesk } from "./support/replica-desk";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * One record of money received (shared/documents/payment-allocation.ts) across two desks and the
 * server: a payment taken on desk A for a booking with no invoice yet travels as a payment row; desk
 * B's deposit invoice, once issued, takes it; the server's migration 011 carries older paid_cents over.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let a: ReplicaDesk;
let b: ReplicaDesk;
let clientId: string;
let locationId: string;
let roomId: string;
const signUp = signUpInput("payments");

beforeAll(async () => {
  db = await createTestDatabase("payments_sync");
  srv = await startTestSyncServer(db);
  const owner: SessionTokens = await srv.client().accounts.signUp.mutate(signUp);
  a = replicaDesk(srv, owner, signUp.studioName, "payments-a");
  b = replicaDesk(srv, await srv.client().accounts.logIn.mutate({ email: signUp.owner.email, password: signUp.owner.password, device: { name: "Desk B" } }), signUp.studioName, "payments-b");
  await a.engine.syncOnce();
  locationId = a.core.locations.list()[0]!.id;
  roomId = a.core.rooms.create(roomInput(locationId, { name: "Studio A" })).id;
  clientId = a.core.clients.create({ kind: "company", name: "Label Nuit Blanche", email: "compta@nuitblanche.fr" }).id;
  await a.engine.syncOnce();
  await b.engine.syncOnce();
});
afterAll(async () => {
  for (const d of [a, b]) d?.close();
  await srv?.close();
});

describe("payments across desks", () => {
  it("a payment waiting on a booking syncs; the other desk's deposit invoice takes it when issued; both desks agree", async () => {
    const booking = a.core.bookings.create({ locationId, roomIds: [roomId], clientId, startsAt: parisWednesday(10, 20), endsAt: parisWednesday(14, 20), title: "Voix" }).booking;
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    const draft = b.core.documents.invoices.createFromBookings({ bookingIds: [booking.id], purpose: "deposit" });

    // Desk A takes part of the deposit in cash, before any invoice is issued.
    const part = Math.floor(draft.totalCents / 2);
    const taken = a.core.documents.payments.recordForBooking({ bookingId: booking.id, amountCents: part, method: "cash" });
    expect(taken.payments.map((p) => p.invoiceId)).toEqual([null]);
    expect(await a.engine.syncOnce()).toMatchObject({ rejected: 0 });
    const onServer = await asAdmin(db, async (c) => (await c.query("SELECT invoice_id, booking_id, amount_cents::int AS amount FROM payments")).rows);
    expect(onServer).toEqual([{ invoice_id: null, booking_id: booking.id, amount: part }]);

    // Desk B pulls it, then issues its deposit invoice: the waiting payment goes onto it.
    await b.engine.syncOnce();
    expect(b.core.bookings.get(booking.id).paidCents).toBe(part);
    const issued = b.core.documents.invoices.issue(draft.id);
    expect(issued).toMatchObject({ status: "partly_paid", paidCents: part, dueCents: draft.totalCents - part });
    expect(await b.engine.syncOnce()).toMatchObject({ rejected: 0 });
    await a.engine.syncOnce();

    const onA = a.core.documents.invoices.get(draft.id);
    expect(onA).toMatchObject({ paidCents: part, dueCents: draft.totalCents - part });
    expect(a.core.documents.payments.list({ clientId }).map((p) => [p.invoiceId, p.amountCents])).toEqual([[draft.id, part]]);
    expect(a.core.bookings.get(booking.id).paidCents).toBe(part);
  });

  it("migration 011 turns a booking's paid_cents beyond its invoice payments into one payment with the booking's id", async () => {
    const booking = a.core.bookings.create({ locationId, roomIds: [roomId], clientId, startsAt: parisWednesday(10, 40), endsAt: parisWednesday(12, 40), title: "Mix" }).booking;
    await a.engine.syncOnce();
    const before = await asAdmin(db, async (c) => (await c.query("SELECT count(*)::int AS n FROM payments")).rows[0].n as number);
    // The server as version 10 left it: the drawer's money only in bookings.paid_cents.
    await migrate(db.admin, { target: 10 });
    await asAdmin(db, (c) => c.query("UPDATE bookings SET paid_cents = 7000 WHERE id = $1", [booking.id]));
    await migrate(db.admin);
    const rows = await asAdmin(db, async (c) => (await c.query("SELECT id, invoice_id, booking_id, amount_cents::int AS amount, method FROM payments WHERE booking_id = $1", [booking.id])).rows);
    expect(rows).toEqual([{ id: booking.id, invoice_id: null, booking_id: booking.id, amount: 7000, method: "cash" }]);
    // The payment of the first test, on its invoice, was kept and explains its booking's paid amount: nothing added for it.
    expect(await asAdmin(db, async (c) => (await c.query("SELECT count(*)::int AS n FROM payments")).rows[0].n as number)).toBe(before + 1);
  });

  it("two desks each take a payment for one booking offline: after syncing, both count both (the paid cache follows the payment rows)", async () => {
    const booking = a.core.bookings.create({ locationId, roomIds: [roomId], clientId, startsAt: parisWednesday(10, 30), endsAt: parisWednesday(14, 30), title: "Batterie" }).booking;
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    a.core.documents.payments.recordForBooking({ bookingId: booking.id, amountCents: 5000, method: "cash" });
    b.core.documents.payments.recordForBooking({ bookingId: booking.id, amountCents: 3000, method: "card" });
    for (const desk of [a, b, a]) expect(await desk.engine.syncOnce()).toMatchObject({ rejected: 0 });
    for (const desk of [a, b]) {
      expect(desk.core.documents.payments.list({ clientId }).filter((p) => p.bookingId === booking.id).map((p) => p.amountCents).sort()).toEqual([3000, 5000]);
      expect(desk.core.bookings.get(booking.id).paidCents).toBe(8000);
    }
  });
});
