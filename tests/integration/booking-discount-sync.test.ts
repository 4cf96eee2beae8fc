import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discountedPrice } from "../../shared/booking/pricing";
import type { SessionTokens } from "../../shared/schemas/account";
import { roomInput } from "../../main/core/test-fixtures";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { deskRows, serverRows } from "./support/replica-rows";
import { parisWednesday } from "./support/paris-wednesday";
import { replicaDesk, type ReplicaDesk } from "./support/replica-desk";
import { SimDevice } from "./support/sync-device";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * A booking's discount (desktop migration 011, server migration 016) between two desks of one
 * studio through the real sync-server and Postgres: it travels with the price it was computed for.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
let a: ReplicaDesk;
let b: ReplicaDesk;
const signUp = signUpInput("discount");

const desk = (tokens: SessionTokens, label: string) => replicaDesk(srv, tokens, signUp.studioName, `discount-${label}`);

beforeAll(async () => {
  db = await createTestDatabase("booking_discount");
  srv = await startTestSyncServer(db);
  owner = await srv.client().accounts.signUp.mutate(signUp);
  a = desk(owner, "a");
  b = desk(await srv.client().accounts.logIn.mutate({ email: signUp.owner.email, password: signUp.owner.password, device: { name: "Desk B" } }), "b");
});
afterAll(async () => {
  for (const d of [a, b]) d?.close();
  await srv?.close();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stored = async (id: string) =>
  asAdmin(db, async (c) => (await c.query("SELECT discount_bp, net_cents::int AS net_cents, total_cents::int AS total_cents, deposit_cents::int AS deposit_cents FROM bookings WHERE id = $1", [id])).rows[0] as Record<string, number>);

let bookingId: string;

describe("a booking's discount through sync", () => {
  it("reaches Postgres and the other desk with the price it was computed for", async () => {
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    const locationId = a.core.locations.list()[0]!.id;
    const roomId = a.core.rooms.create(roomInput(locationId, { name: "Studio A" })).id;
    const booking = a.core.bookings.create({ locationId, roomIds: [roomId], startsAt: parisWednesday(14), endsAt: parisWednesday(16), title: "Mix", discountBp: 1000 }).booking;
    bookingId = booking.id;
    expect(booking.price.discountBp).toBe(1000);
    expect(booking.price.discountCents).toBeGreaterThan(0);
    expect(await a.engine.syncOnce()).toMatchObject({ rejected: 0, conflicts: 0 });
    await b.engine.syncOnce();

    expect(await stored(bookingId)).toEqual({ discount_bp: 1000, net_cents: booking.price.netCents, total_cents: booking.price.totalCents, deposit_cents: booking.price.depositCents });
    expect(b.core.bookings.get(bookingId).price).toEqual(booking.price);
    const server = await serverRows(srv.client(owner.accessToken));
    expect(deskRows(a.core)).toEqual(server);
    expect(deskRows(b.core)).toEqual(server);
  });

  it("a discount given on one desk and a move made later on the other: the later writer's price wins whole, never a mix", async () => {
    a.core.bookings.update({ id: bookingId, patch: { discountBp: 2500 } });
    await pause(5);
    // Later, offline on B: a move, priced with the discount B knows (10 %).
    b.core.bookings.move({ id: bookingId, startsAt: parisWednesday(17), endsAt: parisWednesday(20) });

    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();

    const server = await serverRows(srv.client(owner.accessToken));
    expect(deskRows(a.core)).toEqual(server);
    expect(deskRows(b.core)).toEqual(server);
    for (const d of [a, b]) {
      const { price, startsAt } = d.core.bookings.get(bookingId);
      expect(startsAt).toBe(parisWednesday(17));
      expect(price.discountBp).toBe(1000);
      // The stored cents are what the stored lines and discount give: a price never pairs with another desk's discount.
      expect(discountedPrice(price.lines, price.discountBp, price.depositBp)).toMatchObject({ netCents: price.netCents, vatCents: price.vatCents, totalCents: price.totalCents, depositCents: price.depositCents });
    }
    expect(await stored(bookingId)).toMatchObject({ discount_bp: 1000, total_cents: a.core.bookings.get(bookingId).price.totalCents });
  });

  it("a discount outside 0–100 % is refused by the push's validation and by Postgres itself", async () => {
    const device = new SimDevice("desk-x");
    const push = (discountBp: number) => srv.client(owner.accessToken).sync.push.mutate({ mutations: [device.update("booking", bookingId, { discountBp })] });
    expect((await push(10_001)).results[0]).toMatchObject({ status: "rejected", code: "VALIDATION_FAILED" });
    expect((await push(-1)).results[0]).toMatchObject({ status: "rejected", code: "VALIDATION_FAILED" });
    await expect(asAdmin(db, (c) => c.query("UPDATE bookings SET discount_bp = 10001 WHERE id = $1", [bookingId]))).rejects.toThrow(/check constraint/);
    expect((await stored(bookingId)).discount_bp).toBe(1000);
  });
});
