import { describe, expect, it } from "vitest";
import type { PriceLine } from "../../../shared/booking/pricing";
import { appErrorOf, outboxRows } from "../test-fixtures";
import { TIME_AND_PRICE_FIELDS } from "./booking/booking-record";
import { bookingAt, bookingWorlds, paris, type BookingWorld } from "./booking/booking-test-fixtures";

const world = bookingWorlds();

/**
 * Wednesday 3 June 14:00–16:00 in Studio A with Camille and a U 87: 190 € + 90 € + 40 € at the
 * rate card, 20 % VAT per line, the studio's 30 % deposit.
 */
function session(w: BookingWorld, over: Record<string, unknown> = {}) {
  return bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.labelClient, staffIds: [w.camille], equipment: [{ equipmentId: w.u87, quantity: 1 }], ...over });
}
const bookingOutbox = (w: BookingWorld) => outboxRows(w.core).filter((r) => r.entity === "booking");
const unpaidOf = (w: BookingWorld, id: string) => (w.core.db.prepare("SELECT unpaid_cents FROM bookings WHERE id = ?").get(id) as { unpaid_cents: number }).unpaid_cents;

describe("a booking's discount", () => {
  it.each([
    // [discount bp, nets of the lines, net, VAT, total, deposit]
    [0, [19000, 9000, 4000], 32000, 6400, 38400, 11520],
    [1000, [17100, 8100, 3600], 28800, 5760, 34560, 10368],
    [2500, [14250, 6750, 3000], 24000, 4800, 28800, 8640],
    [10_000, [0, 0, 0], 0, 0, 0, 0],
  ])("created at %i bp: each line, the totals and the deposit are after it, and the outbox carries it", (discountBp, nets, net, vat, total, deposit) => {
    const w = world();
    const { booking } = w.core.bookings.create(session(w, { discountBp }));
    expect(booking.price.lines.map((l) => [l.listCents, l.netCents])).toEqual([[19000, nets[0]], [9000, nets[1]], [4000, nets[2]]]);
    expect(booking.price).toMatchObject({ discountBp, discountCents: 32000 - net, netCents: net, vatCents: vat, totalCents: total, depositBp: 3000, depositCents: deposit });
    expect(JSON.parse(bookingOutbox(w)[0]!.changes)).toMatchObject({ discountBp, netCents: net, totalCents: total, depositCents: deposit });
    expect(w.core.db.prepare("SELECT discount_bp, total_cents FROM bookings WHERE id = ?").get(booking.id)).toEqual({ discount_bp: discountBp, total_cents: total });
  });

  it("is none unless given", () => {
    const w = world();
    const { booking } = w.core.bookings.create(session(w));
    expect(booking.price).toMatchObject({ discountBp: 0, discountCents: 0, totalCents: 38400 });
  });

  it("changed alone, re-prices the booking's own lines (not today's rates) in one update of the time-and-price group", () => {
    const w = world();
    const { booking } = w.core.bookings.create(session(w));
    // The room's rate goes up after the booking was made: the booking keeps the price it was made at.
    w.core.rooms.update(w.studioA, { hourlyRateCents: 10_000 });
    const before = bookingOutbox(w).length;
    const { booking: discounted, warnings } = w.core.bookings.update({ id: booking.id, patch: { discountBp: 1000 } });
    expect(warnings).toEqual([]);
    expect(discounted.price).toMatchObject({ discountBp: 1000, discountCents: 3200, netCents: 28800, vatCents: 5760, totalCents: 34560, depositCents: 10368 });
    expect(discounted.price.lines.map((l) => l.listCents)).toEqual([19000, 9000, 4000]);
    const updates = bookingOutbox(w).slice(before);
    expect(updates).toHaveLength(1);
    // A price never travels without the discount it was computed with (per-field last-writer-wins).
    expect(Object.keys(JSON.parse(updates[0]!.changes)).sort()).toEqual([...TIME_AND_PRICE_FIELDS].sort());
    // Back to none: the rate-card price it was booked at.
    expect(w.core.bookings.update({ id: booking.id, patch: { discountBp: 0 } }).booking.price).toMatchObject({ discountBp: 0, netCents: 32000, totalCents: 38400, depositCents: 11520 });
  });

  it("stays through a move, which prices at today's rates less the discount", () => {
    const w = world();
    const { booking } = w.core.bookings.create(session(w, { discountBp: 1000 }));
    w.core.rooms.update(w.studioA, { hourlyRateCents: 10_000 });
    const [moved] = w.core.bookings.move({ id: booking.id, startsAt: paris("2026-06-04 14:00"), endsAt: paris("2026-06-04 16:00") }).bookings;
    // 2 h at 100 € (200 €) + 90 € + 40 €, less 10 % each.
    expect(moved!.price).toMatchObject({ discountBp: 1000, netCents: 18000 + 8100 + 3600, totalCents: (18000 + 8100 + 3600) * 1.2 });
  });

  it("is checked live: a new booking's price, and a stored booking's with only its discount changed, nothing written", () => {
    const w = world();
    expect(w.core.bookings.check(session(w, { discountBp: 1000 })).price).toMatchObject({ discountBp: 1000, totalCents: 34560 });
    const { booking } = w.core.bookings.create(session(w));
    w.core.rooms.update(w.studioA, { hourlyRateCents: 10_000 });
    const before = outboxRows(w.core).length;
    const live = w.core.bookings.check({ bookingId: booking.id, discountBp: 2500 });
    expect(live.ok).toBe(true);
    // What saving would store: its own lines at the rates it was booked at, less 25 %.
    expect(live.price).toMatchObject({ discountBp: 2500, netCents: 24000, totalCents: 28800, depositCents: 8640 });
    expect(w.core.bookings.update({ id: booking.id, patch: { discountBp: 2500 } }).booking.price).toMatchObject({ netCents: 24000, totalCents: 28800, depositCents: 8640 });
    expect(outboxRows(w.core).length).toBe(before + 1);
  });

  it("on a booking priced before discounts existed, takes its lines' net as the list price", () => {
    const w = world();
    const { booking } = w.core.bookings.create(session(w));
    const old = booking.price.lines.map(({ listCents: _l, discountCents: _d, ...l }): PriceLine => l);
    w.core.db.prepare("UPDATE bookings SET price_lines = ? WHERE id = ?").run(JSON.stringify(old), booking.id);
    expect(w.core.bookings.get(booking.id).price).toMatchObject({ discountBp: 0, discountCents: 0, totalCents: 38400 });
    expect(w.core.bookings.update({ id: booking.id, patch: { discountBp: 1000 } }).booking.price).toMatchObject({ discountCents: 3200, netCents: 28800, totalCents: 34560 });
  });

  it("is what the cancellation policy, the deposit and the client's unpaid balance read", () => {
    const w = world();
    const { booking } = w.core.bookings.create(session(w, { discountBp: 1000 }));
    expect(w.core.bookings.quoteCancellation({ id: booking.id })).toMatchObject({ totalCents: 34560, depositCents: 10368 });
    w.core.bookings.setStatus({ id: booking.id, status: "checked_in" });
    w.core.bookings.setStatus({ id: booking.id, status: "completed" });
    expect(unpaidOf(w, booking.id)).toBe(34560);
  });

  it("goes on every occurrence of a series", () => {
    const w = world();
    const { bookings } = w.core.bookings.createSeries({ ...session(w, { discountBp: 1000 }), rrule: "FREQ=WEEKLY;COUNT=3" });
    expect(bookings.map((b) => [b.price.discountBp, b.price.totalCents])).toEqual([[1000, 34560], [1000, 34560], [1000, 34560]]);
  });

  it.each([
    ["above 100 %", 10_001, "v.percent"],
    ["negative", -100, "v.percent"],
    ["a fraction of a basis point", 2.5, "v.wholeNumber"],
  ])("refuses a discount %s, naming the field, and writes nothing", (_label, discountBp, key) => {
    const w = world();
    const { booking } = w.core.bookings.create(session(w));
    const before = outboxRows(w.core).length;
    const error = appErrorOf(() => w.core.bookings.update({ id: booking.id, patch: { discountBp } }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fieldErrors).toMatchObject({ "patch.discountBp": [key] });
    expect(appErrorOf(() => w.core.bookings.create(session(w, { discountBp }))).fieldErrors).toMatchObject({ discountBp: [key] });
    expect(outboxRows(w.core).length).toBe(before);
  });

  it("no longer changes once the booking is completed or cancelled", () => {
    const w = world();
    const done = w.core.bookings.create(session(w, { discountBp: 1000 })).booking;
    w.core.bookings.setStatus({ id: done.id, status: "checked_in" });
    w.core.bookings.setStatus({ id: done.id, status: "completed" });
    const gone = w.core.bookings.create(session(w, { startsAt: paris("2026-06-05 14:00"), endsAt: paris("2026-06-05 16:00") })).booking;
    w.core.bookings.cancel({ id: gone.id });
    const before = outboxRows(w.core).length;
    for (const id of [done.id, gone.id]) {
      const error = appErrorOf(() => w.core.bookings.update({ id, patch: { discountBp: 5000 } }));
      expect(error.code).toBe("INVALID_TRANSITION");
    }
    expect(outboxRows(w.core).length).toBe(before);
    expect(w.core.bookings.get(done.id).price.totalCents).toBe(34560);
  });
});
