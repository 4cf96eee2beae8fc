import { describe, expect, it } from "vitest";
import type { BookingStatus } from "../../../shared/booking/booking-status";
import type { BookingFailure } from "../../../shared/booking/booking-types";
import { appErrorOf, outboxRows } from "../test-fixtures";
import { bookingAt, bookingWorlds, paris, type BookingWorld } from "./booking/booking-test-fixtures";

const world = bookingWorlds();

const H = 3_600_000;
const failuresOf = (fn: () => unknown) => {
  const error = appErrorOf(fn);
  expect(error.code).toBe("BOOKING_REFUSED");
  return (error.details as { failures: BookingFailure[] }).failures;
};
const bookingOutbox = (w: BookingWorld) => outboxRows(w.core).filter((r) => r.entity === "booking");
const indexRows = (w: BookingWorld, table: string, bookingId: string) =>
  w.core.db.prepare(`SELECT * FROM ${table} WHERE booking_id = ?`).all(bookingId) as Record<string, unknown>[];

describe("create", () => {
  it("books rooms, an engineer and gear, with the price and the deposit, in one outbox insert", () => {
    const w = world();
    const { booking, warnings } = w.core.bookings.create(
      bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.labelClient, staffIds: [w.camille], equipment: [{ equipmentId: w.u87, quantity: 1 }], title: "Album « Minuit »" }),
    );
    expect(warnings).toEqual([]);
    expect(booking).toMatchObject({
      status: "confirmed", label: "Label Nuit Blanche", clientName: "Label Nuit Blanche", title: "Album « Minuit »",
      rooms: [{ name: "Studio A" }], staff: [{ name: "Camille Rousseau" }], equipment: [{ name: "Neumann U 87 Ai", quantity: 1 }],
      startsAt: "2026-06-03T12:00:00.000Z", endsAt: "2026-06-03T14:00:00.000Z",
      // Studio A's 30-minute setup and teardown.
      occupiedFrom: "2026-06-03T11:30:00.000Z", occupiedUntil: "2026-06-03T14:30:00.000Z",
      holdExpiresAt: null, timeZone: "Europe/Paris", nextStatuses: ["checked_in", "cancelled", "no_show"],
    });
    // 2 h of Studio A (190 €), 2 h of Camille (90 €), one U 87 for a day (40 €), 20 % VAT per line; 30 % deposit.
    expect(booking.price).toMatchObject({ netCents: 32000, vatCents: 6400, totalCents: 38400, depositBp: 3000, depositCents: 11520 });
    expect(booking.price.lines.map((l) => [l.kind, l.netCents, l.vatCents])).toEqual([["room", 19000, 3800], ["staff", 9000, 1800], ["equipment", 4000, 800]]);
    const [insert] = bookingOutbox(w);
    expect(insert).toMatchObject({ op: "insert", row_id: booking.id, status: "pending" });
    expect(JSON.parse(insert!.changes)).toMatchObject({
      locationId: w.locationId, roomIds: JSON.stringify([w.studioA]), status: "confirmed", startsAt: Date.parse(booking.startsAt), totalCents: 38400,
    });
    // The local index rows, derived and never queued.
    expect(indexRows(w, "booking_rooms", booking.id)).toEqual([
      { room_id: w.studioA, occupied_from: Date.parse(booking.occupiedFrom), booking_id: booking.id, occupied_until: Date.parse(booking.occupiedUntil), blocks_until: 8_640_000_000_000_000 },
    ]);
    expect(indexRows(w, "booking_staff", booking.id)).toHaveLength(1);
    expect(indexRows(w, "booking_equipment", booking.id)).toMatchObject([{ equipment_id: w.u87, quantity: 1 }]);
    expect(outboxRows(w.core).some((r) => r.entity.startsWith("booking_"))).toBe(false);
  });

  it("takes the client's own deposit rate", () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.heloise }));
    expect(booking.price).toMatchObject({ totalCents: 22800, depositBp: 5000, depositCents: 11400 });
  });

  it("refuses an overlap, naming the other booking, and writes nothing", () => {
    const w = world();
    const first = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.labelClient })).booking;
    const before = outboxRows(w.core);
    const error = appErrorOf(() => w.core.bookings.create(bookingAt(w, "2026-06-03 15:00", "2026-06-03 17:00")));
    expect(error).toMatchObject({ code: "BOOKING_REFUSED", message: "2026-06-03: Studio A is booked 14:00–16:00 by Label Nuit Blanche" });
    expect((error.details as { failures: BookingFailure[] }).failures).toEqual([
      {
        code: "ROOM_BOOKED", messageKey: "booking.rule.ROOM_BOOKED", conflictingBookingId: first.id, roomId: w.studioA, date: "2026-06-03",
        params: { room: "Studio A", by: "Label Nuit Blanche", date: "2026-06-03", from: "14:00", to: "16:00", busyFrom: "13:30", busyTo: "16:30" },
      },
    ]);
    expect(outboxRows(w.core)).toEqual(before);
    expect(w.core.db.prepare("SELECT count(*) FROM bookings").pluck().get()).toBe(1);
  });

  it.each([
    ["buffers meeting exactly after", "2026-06-03 17:00", "2026-06-03 18:00", true],
    ["a minute into the teardown", "2026-06-03 16:59", "2026-06-03 18:00", false],
    ["buffers meeting exactly before", "2026-06-03 12:00", "2026-06-03 13:00", true],
    ["a minute into the setup", "2026-06-03 12:00", "2026-06-03 13:01", false],
  ])("Studio A after 14:00–16:00: %s", (_label, start, end, ok) => {
    const w = world();
    w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"));
    const check = w.core.bookings.check(bookingAt(w, start, end));
    expect(check.ok).toBe(ok);
    if (ok) expect(w.core.bookings.create(bookingAt(w, start, end)).booking.status).toBe("confirmed");
    else expect(failuresOf(() => w.core.bookings.create(bookingAt(w, start, end))).map((f) => f.code)).toEqual(["ROOM_BOOKED"]);
  });

  it("lets a hold block until it expires (48 h by default), then frees the slot", () => {
    const w = world();
    const hold = w.core.bookings.create(bookingAt(w, "2026-06-10 14:00", "2026-06-10 16:00", { status: "hold", clientId: w.heloise })).booking;
    expect(hold.holdExpiresAt).toBe(new Date(w.clock.now() + 48 * H).toISOString());
    expect(failuresOf(() => w.core.bookings.create(bookingAt(w, "2026-06-10 14:00", "2026-06-10 16:00")))[0]).toMatchObject({
      code: "ROOM_BOOKED", conflictingBookingId: hold.id, params: { by: "Héloïse Mercier" },
    });
    w.clock.advance(48 * H - 1);
    expect(w.core.bookings.check(bookingAt(w, "2026-06-10 14:00", "2026-06-10 16:00")).ok).toBe(false);
    w.clock.advance(1);
    expect(w.core.bookings.get(hold.id)).toMatchObject({ status: "hold", holdExpired: true });
    const taken = w.core.bookings.create(bookingAt(w, "2026-06-10 14:00", "2026-06-10 16:00", { clientId: w.labelClient })).booking;
    // Confirming the expired hold now finds its slot gone.
    const error = appErrorOf(() => w.core.bookings.setStatus({ id: hold.id, status: "confirmed" }));
    expect(error.code).toBe("BOOKING_REFUSED");
    expect((error.details as { failures: BookingFailure[] }).failures[0]).toMatchObject({ conflictingBookingId: taken.id });
  });

  it("confirms a live hold, which then blocks for good", () => {
    const w = world();
    const hold = w.core.bookings.create(bookingAt(w, "2026-06-10 14:00", "2026-06-10 16:00", { status: "hold", holdExpiresAt: paris("2026-06-02 11:00") })).booking;
    expect(w.core.bookings.setStatus({ id: hold.id, status: "confirmed" })).toMatchObject({ status: "confirmed", holdExpiresAt: null });
    w.clock.advance(30 * 24 * H);
    expect(w.core.bookings.check(bookingAt(w, "2026-06-10 14:00", "2026-06-10 16:00")).ok).toBe(false);
  });

  it("renews a hold for the studio's default, and refuses an expiry on a confirmed booking", () => {
    const w = world();
    w.core.bookings.updateSettings({ holdExpiryHours: 24 });
    const hold = w.core.bookings.create(bookingAt(w, "2026-06-10 14:00", "2026-06-10 16:00", { status: "hold" })).booking;
    expect(hold.holdExpiresAt).toBe(new Date(w.clock.now() + 24 * H).toISOString());
    w.clock.advance(20 * H);
    const renewed = w.core.bookings.update({ id: hold.id, patch: { holdExpiresAt: null } }).booking;
    expect(renewed.holdExpiresAt).toBe(new Date(w.clock.now() + 24 * H).toISOString());
    const confirmed = w.core.bookings.setStatus({ id: hold.id, status: "confirmed" });
    expect(appErrorOf(() => w.core.bookings.update({ id: confirmed.id, patch: { holdExpiresAt: null } })).fieldErrors).toEqual({ holdExpiresAt: ["v.holdExpiry"] });
  });

  it("refuses a hold that would already have expired", () => {
    const w = world();
    const error = appErrorOf(() => w.core.bookings.create(bookingAt(w, "2026-06-10 14:00", "2026-06-10 16:00", { status: "hold", holdExpiresAt: paris("2026-06-01 10:00") })));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", fieldErrors: { holdExpiresAt: ["v.holdExpiry"] } });
  });

  it("counts gear across rooms up to its quantity, and refuses one more", () => {
    const w = world();
    const roomC = w.core.rooms.create({ locationId: w.locationId, name: "Studio C", type: "production", hourlyRateCents: 5000, halfDayRateCents: 18000, dayRateCents: 32000, vatRateBp: 2000, capacity: 4, colour: "#334155", bookable: true, setupMinutes: 0, teardownMinutes: 0 }).id;
    const mic = (n: number) => [{ equipmentId: w.u87, quantity: n }];
    w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { equipment: mic(1), clientId: w.labelClient }));
    // The second of two U 87s: at the limit.
    const second = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { roomIds: [w.studioB], equipment: mic(1) })).booking;
    expect(second.equipment[0]!.quantity).toBe(1);
    const [f] = failuresOf(() => w.core.bookings.create(bookingAt(w, "2026-06-03 15:00", "2026-06-03 17:00", { roomIds: [roomC], equipment: mic(1) })));
    expect(f).toMatchObject({ code: "GEAR_SHORTAGE", equipmentId: w.u87, params: { gear: "Neumann U 87 Ai", requested: 1, available: 0 } });
    // Once the evening is free again, both mics are.
    expect(w.core.bookings.check(bookingAt(w, "2026-06-03 17:00", "2026-06-03 19:00", { roomIds: [roomC], equipment: mic(2) })).ok).toBe(true);
  });

  it("refuses gear in maintenance, and takes it again once the window is removed", () => {
    const w = world();
    const window = w.core.bookings.blockouts.addMaintenance({ equipmentId: w.u87, startsAt: paris("2026-06-03 00:00"), endsAt: paris("2026-06-04 00:00"), reason: "Révision" });
    const input = bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { equipment: [{ equipmentId: w.u87, quantity: 1 }] });
    expect(failuresOf(() => w.core.bookings.create(input))[0]).toMatchObject({ code: "GEAR_MAINTENANCE", params: { reason: "Révision" } });
    w.core.bookings.blockouts.remove("maintenance", window.id);
    expect(w.core.bookings.create(input).booking.status).toBe("confirmed");
  });

  it("refuses an engineer on time off or on another session, naming it", () => {
    const w = world();
    const off = w.core.bookings.blockouts.addTimeOff({ staffId: w.camille, startsAt: paris("2026-06-04 00:00"), endsAt: paris("2026-06-05 00:00"), reason: "Congé" });
    expect(w.core.bookings.blockouts.timeOff({ staffId: w.camille })).toEqual([off]);
    expect(failuresOf(() => w.core.bookings.create(bookingAt(w, "2026-06-04 14:00", "2026-06-04 16:00", { staffIds: [w.camille] })))[0]).toMatchObject({
      code: "STAFF_TIME_OFF", staffId: w.camille, params: { staff: "Camille Rousseau", reason: "Congé" },
    });
    const session = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { staffIds: [w.camille], title: "Mix EP" })).booking;
    expect(failuresOf(() => w.core.bookings.create(bookingAt(w, "2026-06-03 15:00", "2026-06-03 17:00", { roomIds: [w.studioB], staffIds: [w.camille] })))[0]).toMatchObject({
      code: "STAFF_BOOKED", conflictingBookingId: session.id, params: { by: "Mix EP", from: "14:00", to: "16:00" },
    });
    w.core.bookings.blockouts.remove("timeOff", off.id);
    expect(w.core.bookings.check(bookingAt(w, "2026-06-04 14:00", "2026-06-04 16:00", { staffIds: [w.camille] })).ok).toBe(true);
  });

  it("refuses the past unless overridden, and records the override", () => {
    const w = world();
    const input = bookingAt(w, "2026-05-29 14:00", "2026-05-29 16:00");
    expect(failuresOf(() => w.core.bookings.create(input)).map((f) => f.code)).toEqual(["IN_PAST"]);
    const { booking, warnings } = w.core.bookings.create({ ...input, overridePast: true });
    expect(warnings.map((f) => f.code)).toEqual(["PAST_OVERRIDDEN"]);
    expect(booking.overridePast).toBe(true);
    expect(JSON.parse(bookingOutbox(w).at(-1)!.changes)).toMatchObject({ overridePast: 1 });
  });

  it("checks opening hours on the location's clock, and a night session across midnight", () => {
    const w = world();
    expect(failuresOf(() => w.core.bookings.create(bookingAt(w, "2026-06-03 20:00", "2026-06-03 23:00")))[0]).toMatchObject({ code: "OUTSIDE_HOURS", date: "2026-06-03" });
    expect(w.core.bookings.create(bookingAt(w, "2026-06-05 22:00", "2026-06-06 02:00")).booking.endsAt).toBe("2026-06-06T00:00:00.000Z");
    expect(failuresOf(() => w.core.bookings.create(bookingAt(w, "2026-06-12 22:00", "2026-06-13 01:00")))[0]).toMatchObject({ code: "LOCATION_CLOSED", date: "2026-06-13" });
  });

  it("refuses rooms of another location and rooms that are not bookable", () => {
    const w = world();
    const london = w.core.locations.create({ name: "Lumière London", timeZone: "Europe/London", openingHours: w.core.locations.get(w.locationId).openingHours, closures: [] });
    const live = w.core.rooms.create({ locationId: london.id, name: "Live Room", type: "recording", hourlyRateCents: 8500, halfDayRateCents: 30000, dayRateCents: 55000, vatRateBp: 2000, capacity: 10, colour: "#1d4ed8", bookable: true, setupMinutes: 0, teardownMinutes: 0 });
    w.core.rooms.update(w.studioB, { bookable: false });
    const codes = failuresOf(() => w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { roomIds: [live.id, w.studioB] }))).map((f) => [f.code, f.params.room]);
    expect(codes).toEqual([["ROOM_UNAVAILABLE", "Live Room"], ["ROOM_UNAVAILABLE", "Studio B"]]);
  });

  it("applies the room's duration, notice and horizon", () => {
    const w = world();
    w.core.rooms.update(w.studioA, { minDurationMinutes: 120, maxDurationMinutes: 480, minNoticeMinutes: 24 * 60, maxHorizonDays: 30 });
    const codes = (start: string, end: string) => {
      const result = w.core.bookings.check(bookingAt(w, start, end));
      return result.failures.map((f) => f.code);
    };
    expect(codes("2026-06-03 14:00", "2026-06-03 15:00")).toEqual(["ROOM_TOO_SHORT"]);
    expect(codes("2026-06-03 10:00", "2026-06-03 19:00")).toEqual(["ROOM_TOO_LONG"]);
    expect(codes("2026-06-01 14:00", "2026-06-01 16:00")).toEqual(["NOTICE_TOO_SHORT"]);
    expect(codes("2026-07-08 14:00", "2026-07-08 16:00")).toEqual(["BEYOND_HORIZON"]);
    expect(codes("2026-06-03 14:00", "2026-06-03 16:00")).toEqual([]);
  });

  it("refuses an end before the start with that failure alone", () => {
    const w = world();
    expect(failuresOf(() => w.core.bookings.create(bookingAt(w, "2026-06-03 16:00", "2026-06-03 14:00"))).map((f) => f.code)).toEqual(["END_BEFORE_START"]);
  });

  it("warns when the client owes more than the studio's limit", () => {
    const w = world();
    w.core.bookings.updateSettings({ unpaidBalanceLimitCents: 10_000 });
    const past = w.core.bookings.create(bookingAt(w, "2026-05-28 14:00", "2026-05-28 16:00", { clientId: w.labelClient, overridePast: true })).booking;
    w.core.bookings.setStatus({ id: past.id, status: "checked_in" });
    w.core.bookings.setStatus({ id: past.id, status: "completed" });
    const { warnings } = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.labelClient }));
    expect(warnings).toMatchObject([{ code: "CLIENT_OVER_LIMIT", params: { client: "Label Nuit Blanche", balanceCents: 22_800, limitCents: 10_000 } }]);
    // Once paid, no warning.
    w.core.bookings.recordPayment({ id: past.id, amountCents: 22_800 });
    expect(w.core.bookings.check(bookingAt(w, "2026-06-04 14:00", "2026-06-04 16:00", { clientId: w.labelClient })).warnings).toEqual([]);
  });
});

describe("move, resize and edit", () => {
  it("moves a booking to a free slot with one outbox update carrying times and price (and its discount) together", () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"));
    const before = bookingOutbox(w).length;
    const moved = w.core.bookings.move({ id: booking.id, startsAt: paris("2026-06-04 10:00"), endsAt: paris("2026-06-04 15:00") }).bookings[0]!;
    expect(moved).toMatchObject({ startsAt: "2026-06-04T08:00:00.000Z", endsAt: "2026-06-04T13:00:00.000Z" });
    // 5 h: half day + 1 h overtime = 435 € + VAT.
    expect(moved.price.netCents).toBe(43_500);
    const updates = bookingOutbox(w).slice(before);
    expect(updates).toHaveLength(1);
    expect(Object.keys(JSON.parse(updates[0]!.changes)).sort()).toEqual(
      ["depositBp", "depositCents", "discountBp", "endsAt", "netCents", "occupiedFrom", "occupiedUntil", "priceLines", "startsAt", "totalCents", "vatCents"].sort(),
    );
    expect(indexRows(w, "booking_rooms", booking.id)[0]).toMatchObject({ occupied_from: Date.parse(moved.occupiedFrom) });
  });

  it("moves to another room, and refuses a move onto another booking", () => {
    const w = world();
    const a = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00")).booking;
    const b = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { roomIds: [w.studioB], title: "Podcast" })).booking;
    expect(failuresOf(() => w.core.bookings.move({ id: a.id, startsAt: a.startsAt, endsAt: a.endsAt, roomIds: [w.studioB] }))[0]).toMatchObject({ conflictingBookingId: b.id });
    expect(w.core.bookings.move({ id: a.id, startsAt: paris("2026-06-03 17:00"), endsAt: paris("2026-06-03 19:00"), roomIds: [w.studioB] }).bookings[0]!.rooms[0]!.name).toBe("Studio B");
  });

  it("lets a session in progress run over, but not move its start", () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-01 12:00", "2026-06-01 14:00"));
    w.clock.set(Date.parse(paris("2026-06-01 12:30")));
    w.core.bookings.setStatus({ id: booking.id, status: "checked_in" });
    expect(w.core.bookings.move({ id: booking.id, startsAt: booking.startsAt, endsAt: paris("2026-06-01 15:00") }).bookings[0]!.endsAt).toBe(paris("2026-06-01 15:00"));
    expect(appErrorOf(() => w.core.bookings.move({ id: booking.id, startsAt: paris("2026-06-01 13:00"), endsAt: paris("2026-06-01 15:00") })).code).toBe("INVALID_TRANSITION");
  });

  it("edits notes without re-judging times that no longer fit today's rules", () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-03 20:00", "2026-06-03 22:00", { staffIds: [w.camille] }));
    const day = [{ open: "10:00", close: "20:00" }];
    w.core.locations.update(w.locationId, { openingHours: { ...w.core.locations.get(w.locationId).openingHours, wed: day } });
    expect(w.core.bookings.update({ id: booking.id, patch: { notes: "Bring the stems" } }).booking.notes).toBe("Bring the stems");
    expect(w.core.bookings.update({ id: booking.id, patch: { staffIds: [w.camille, w.hugo] } }).booking.staff).toHaveLength(2);
    // Moving it, though, must fit.
    expect(failuresOf(() => w.core.bookings.move({ id: booking.id, startsAt: paris("2026-06-03 20:30"), endsAt: paris("2026-06-03 22:00") }))[0]!.code).toBe("OUTSIDE_HOURS");
  });

  it("writes nothing for an edit that changes nothing, however its instants are written", () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"));
    w.core.bookings.cancel({ id: booking.id });
    const before = outboxRows(w.core);
    w.core.bookings.update({ id: booking.id, patch: { startsAt: booking.startsAt.replace(".000Z", "Z"), notes: null } });
    expect(outboxRows(w.core)).toEqual(before);
  });

  it("checks a drag of a stored booking live, without writing", () => {
    const w = world();
    const a = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00")).booking;
    const b = w.core.bookings.create(bookingAt(w, "2026-06-03 17:00", "2026-06-03 19:00", { title: "Voix" })).booking;
    const before = outboxRows(w.core);
    const check = w.core.bookings.check({ bookingId: a.id, startsAt: paris("2026-06-03 15:00"), endsAt: paris("2026-06-03 17:00") });
    expect(check).toMatchObject({ ok: false, failures: [{ code: "ROOM_BOOKED", conflictingBookingId: b.id }], occupiedFrom: paris("2026-06-03 14:30") });
    expect(check.price.totalCents).toBe(22_800);
    expect(outboxRows(w.core)).toEqual(before);
  });
});

describe("status transitions", () => {
  const path: Record<BookingStatus, (w: BookingWorld, id: string) => void> = {
    hold: () => {},
    confirmed: (w, id) => w.core.bookings.setStatus({ id, status: "confirmed" }),
    checked_in: (w, id) => {
      path.confirmed(w, id);
      w.core.bookings.setStatus({ id, status: "checked_in" });
    },
    completed: (w, id) => {
      path.checked_in(w, id);
      w.core.bookings.setStatus({ id, status: "completed" });
    },
    cancelled: (w, id) => void w.core.bookings.cancel({ id }),
    no_show: (w, id) => {
      path.confirmed(w, id);
      w.clock.set(Date.parse(paris("2026-06-03 15:00")));
      w.core.bookings.noShow({ id });
    },
    conflict: () => {},
  };

  it.each<[BookingStatus, "confirmed" | "checked_in" | "completed", boolean]>([
    ["hold", "confirmed", true],
    ["hold", "checked_in", false],
    ["hold", "completed", false],
    ["confirmed", "confirmed", false],
    ["confirmed", "checked_in", true],
    ["confirmed", "completed", false],
    ["checked_in", "completed", true],
    ["checked_in", "confirmed", false],
    ["completed", "confirmed", false],
    ["completed", "checked_in", false],
    ["cancelled", "confirmed", false],
    ["no_show", "checked_in", false],
  ])("%s → %s allowed: %s", (from, to, allowed) => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { status: "hold" }));
    path[from](w, booking.id);
    expect(w.core.bookings.get(booking.id).status).toBe(from);
    const before = outboxRows(w.core).length;
    if (allowed) {
      expect(w.core.bookings.setStatus({ id: booking.id, status: to }).status).toBe(to);
      expect(outboxRows(w.core)).toHaveLength(before + 1);
    } else {
      const error = appErrorOf(() => w.core.bookings.setStatus({ id: booking.id, status: to }));
      expect(error.code).toBe("INVALID_TRANSITION");
      expect(error.details).toMatchObject({ from, to });
      expect(outboxRows(w.core)).toHaveLength(before);
    }
  });

  it("refuses to move a completed booking", () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { status: "hold" }));
    path.completed(w, booking.id);
    expect(appErrorOf(() => w.core.bookings.move({ id: booking.id, startsAt: paris("2026-06-04 14:00"), endsAt: paris("2026-06-04 16:00") })).code).toBe("INVALID_TRANSITION");
  });

  it("frees the slot of a cancelled booking", () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"));
    w.core.bookings.cancel({ id: booking.id });
    expect(indexRows(w, "booking_rooms", booking.id)[0]).toMatchObject({ blocks_until: 0 });
    expect(w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00")).booking.status).toBe("confirmed");
  });
});

describe("on a real file", () => {
  it("keeps bookings and their index across a restart", async () => {
    const w = world();
    const { booking } = w.core.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.labelClient }));
    const file = w.core.db.name;
    w.core.close();
    const { createStudioCore } = await import("../studio-core");
    const again = createStudioCore({ databaseFile: file, now: w.clock.now });
    try {
      expect(again.bookings.get(booking.id)).toEqual({ ...booking });
      expect(again.bookings.check(bookingAt(w, "2026-06-03 15:00", "2026-06-03 17:00")).failures[0]).toMatchObject({ conflictingBookingId: booking.id });
    } finally {
      again.close();
    }
  });
});
