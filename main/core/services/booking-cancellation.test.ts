import { describe, expect, it } from "vitest";
import { appErrorOf, outboxRows } from "../test-fixtures";
import { bookingAt, bookingWorlds, paris, type BookingWorld } from "./booking/booking-test-fixtures";

const world = bookingWorlds();

/** Monday 15 June 14:00–16:00 in Studio A: 228 € with VAT, a 68.40 € deposit, paid. */
function paidSession(w: BookingWorld) {
  const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-15 14:00", "2026-06-15 16:00", { clientId: w.labelClient }));
  expect(booking.price).toMatchObject({ totalCents: 22_800, depositCents: 6840 });
  return w.core.bookings.recordPayment({ id: booking.id, amountCents: 6840 });
}

describe("quoteCancellation with the default policy", () => {
  it.each([
    ["ten days before: the deposit back", "2026-06-05 14:00", 0, 6840, 0],
    ["exactly seven days before: the deposit back", "2026-06-08 14:00", 0, 6840, 0],
    ["a minute under seven days: half the deposit kept", "2026-06-08 14:01", 3420, 3420, 0],
    ["five days before: half kept", "2026-06-10 14:00", 3420, 3420, 0],
    ["exactly three days before: half kept", "2026-06-12 14:00", 3420, 3420, 0],
    ["two days before: the deposit kept", "2026-06-13 14:00", 6840, 0, 0],
    ["exactly 24 h before: the deposit kept", "2026-06-14 14:00", 6840, 0, 0],
    ["twelve hours before: the whole session due", "2026-06-15 02:00", 22_800, 0, 15_960],
  ])("%s", (_label, now, fee, refund, owed) => {
    const w = world();
    const booking = paidSession(w);
    w.clock.set(Date.parse(paris(now)));
    const before = outboxRows(w.core);
    const summary = w.core.bookings.quoteCancellation({ id: booking.id });
    expect(summary).toMatchObject({ feeCents: fee, refundCents: refund, owedCents: owed, paidCents: 6840, totalCents: 22_800, depositCents: 6840 });
    expect(summary.occurrences).toMatchObject([{ bookingId: booking.id, date: "2026-06-15", quote: { kind: "policy" } }]);
    expect(outboxRows(w.core)).toEqual(before);
  });

  it("counts seven days on the studio's calendar across the DST change (167 real hours)", () => {
    const w = world(Date.parse(paris("2026-03-20 09:00")));
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-03-30 14:00", "2026-03-30 16:00"));
    w.clock.set(Date.parse(paris("2026-03-23 14:00")));
    expect(w.core.bookings.quoteCancellation({ id: booking.id }).feeCents).toBe(0);
    w.clock.advance(60_000);
    expect(w.core.bookings.quoteCancellation({ id: booking.id }).feeCents).toBe(3420);
  });

  it("follows the studio's own policy", () => {
    const w = world();
    w.core.bookings.updateSettings({
      cancellationPolicy: { tiers: [{ minHoursBefore: 48, charge: "deposit", percentBp: 0 }, { minHoursBefore: 0, charge: "session", percentBp: 5000 }], noShowPercentBp: 10_000 },
    });
    const booking = paidSession(w);
    w.clock.set(Date.parse(paris("2026-06-13 14:00")));
    expect(w.core.bookings.quoteCancellation({ id: booking.id })).toMatchObject({ feeCents: 0, refundCents: 6840 });
    w.clock.advance(60_000);
    expect(w.core.bookings.quoteCancellation({ id: booking.id })).toMatchObject({ feeCents: 11_400, owedCents: 4560, refundCents: 0 });
  });

  it("releases a hold for nothing", () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-02 14:00", "2026-06-02 16:00", { status: "hold" }));
    expect(w.core.bookings.quoteCancellation({ id: booking.id })).toMatchObject({ feeCents: 0, occurrences: [{ quote: { kind: "free" } }] });
  });
});

describe("cancel", () => {
  it("cancels with the quoted fee, one outbox update, and frees the slot", () => {
    const w = world();
    const booking = paidSession(w);
    w.clock.set(Date.parse(paris("2026-06-10 14:00")));
    const quote = w.core.bookings.quoteCancellation({ id: booking.id });
    const before = outboxRows(w.core).length;
    const { bookings, summary } = w.core.bookings.cancel({ id: booking.id, reason: "Artiste malade", expectedFeeCents: quote.feeCents });
    expect(summary.refundCents).toBe(3420);
    expect(bookings[0]).toMatchObject({ status: "cancelled", cancellationFeeCents: 3420, cancelReason: "Artiste malade", cancelledAt: new Date(w.clock.now()).toISOString(), nextStatuses: [] });
    const rows = outboxRows(w.core).slice(before);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.changes)).toMatchObject({ status: "cancelled", cancellationFeeCents: 3420, cancelReason: "Artiste malade" });
    expect(w.core.bookings.check(bookingAt(w, "2026-06-15 14:00", "2026-06-15 16:00")).ok).toBe(true);
  });

  it("refuses when the fee changed since the quote was shown, and writes nothing", () => {
    const w = world();
    const booking = paidSession(w);
    w.clock.set(Date.parse(paris("2026-06-14 13:59")));
    const quote = w.core.bookings.quoteCancellation({ id: booking.id });
    expect(quote.feeCents).toBe(6840);
    w.clock.advance(2 * 60_000);
    const before = outboxRows(w.core);
    const error = appErrorOf(() => w.core.bookings.cancel({ id: booking.id, expectedFeeCents: quote.feeCents }));
    expect(error.code).toBe("QUOTE_CHANGED");
    expect(error.details).toMatchObject({ summary: { feeCents: 22_800, owedCents: 15_960 } });
    expect(outboxRows(w.core)).toEqual(before);
    expect(w.core.bookings.get(booking.id).status).toBe("confirmed");
  });

  it("adds a cancellation fee to what the client owes", () => {
    const w = world();
    w.core.bookings.updateSettings({ unpaidBalanceLimitCents: 0 });
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-02 14:00", "2026-06-02 16:00", { clientId: w.heloise }));
    // 27 hours before: Héloïse's 50 % deposit (114 €) is kept, and nothing was paid yet.
    w.core.bookings.cancel({ id: booking.id });
    const { warnings } = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.heloise }));
    expect(warnings).toMatchObject([{ code: "CLIENT_OVER_LIMIT", params: { balanceCents: 11_400 } }]);
  });

  it("refuses to cancel twice", () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-15 14:00", "2026-06-15 16:00"));
    w.core.bookings.cancel({ id: booking.id });
    expect(appErrorOf(() => w.core.bookings.cancel({ id: booking.id })).code).toBe("INVALID_TRANSITION");
    expect(appErrorOf(() => w.core.bookings.quoteCancellation({ id: booking.id })).code).toBe("INVALID_TRANSITION");
  });
});

describe("no-show", () => {
  it("is refused before the session starts", () => {
    const w = world();
    const booking = paidSession(w);
    expect(appErrorOf(() => w.core.bookings.noShow({ id: booking.id })).code).toBe("INVALID_TRANSITION");
  });

  it("makes the whole session due once it has started", () => {
    const w = world();
    const booking = paidSession(w);
    w.clock.set(Date.parse(paris("2026-06-15 14:30")));
    const { booking: after, quote } = w.core.bookings.noShow({ id: booking.id });
    expect(quote).toMatchObject({ kind: "no_show", feeCents: 22_800, paidCents: 6840, owedCents: 15_960 });
    expect(after).toMatchObject({ status: "no_show", cancellationFeeCents: 22_800 });
    // A no-show no longer holds the room.
    expect(w.core.bookings.check(bookingAt(w, "2026-06-15 15:00", "2026-06-15 16:00")).failures.map((f) => f.code)).toEqual([]);
  });
});
