import { describe, expect, it } from "vitest";
import type { BookingFailure } from "../../../shared/booking/booking-types";
import { wallTime } from "../../../shared/zoned-time";
import { appErrorOf, outboxRows } from "../test-fixtures";
import { bookingAt, bookingWorlds, paris, type BookingWorld } from "./booking/booking-test-fixtures";
import type { OccurrenceCheck } from "./booking/series-planner";

const world = bookingWorlds();

const local = (iso: string) => wallTime("Europe/Paris", Date.parse(iso));
const seriesRow = (w: BookingWorld, id: string) => w.core.db.prepare("SELECT * FROM booking_series WHERE id = ?").get(id) as Record<string, unknown>;

/** A weekly Wednesday lockout 10:00–18:00 from 14 October 2026: Paris leaves summer time on the 25th. */
function weekly(w: BookingWorld, over: Record<string, unknown> = {}) {
  return { ...bookingAt(w, "2026-10-14 10:00", "2026-10-14 18:00", { clientId: w.labelClient, type: "day" }), rrule: "FREQ=WEEKLY;COUNT=4", ...over };
}

describe("a recurring series across a DST change", () => {
  it("keeps every occurrence at 10:00–18:00 Paris time, so its UTC hour moves", () => {
    const w = world();
    const { seriesId, bookings, skipped } = w.core.bookings.createSeries(weekly(w));
    expect(skipped).toEqual([]);
    expect(bookings.map((b) => [b.startsAt, local(b.startsAt), local(b.endsAt), b.seriesSeq])).toEqual([
      ["2026-10-14T08:00:00.000Z", "10:00", "18:00", 1],
      ["2026-10-21T08:00:00.000Z", "10:00", "18:00", 2],
      ["2026-10-28T09:00:00.000Z", "10:00", "18:00", 3],
      ["2026-11-04T09:00:00.000Z", "10:00", "18:00", 4],
    ]);
    expect(new Set(bookings.map((b) => b.seriesId))).toEqual(new Set([seriesId]));
    expect(seriesRow(w, seriesId)).toMatchObject({ rrule: "FREQ=WEEKLY;COUNT=4", time_zone: "Europe/Paris", first_date: "2026-10-14", start_minute: 600, duration_ms: 8 * 3_600_000 });
    // One outbox insert for the series and one per booking.
    expect(outboxRows(w.core).filter((r) => r.entity === "booking_series" || r.entity === "booking").map((r) => r.entity)).toEqual([
      "booking_series", "booking", "booking", "booking", "booking",
    ]);
  });

  it("refuses the whole series and names each failing date, writing nothing", () => {
    const w = world();
    const other = w.core.bookings.create(bookingAt(w, "2026-10-28 14:00", "2026-10-28 16:00", { title: "Voix off" })).booking;
    w.core.locations.update(w.locationId, { closures: [{ from: "2026-11-04", to: "2026-11-04", reason: "Inventaire" }] });
    const before = outboxRows(w.core);
    const error = appErrorOf(() => w.core.bookings.createSeries(weekly(w)));
    expect(error.code).toBe("BOOKING_REFUSED");
    const details = error.details as { occurrences: OccurrenceCheck[]; failures: BookingFailure[] };
    expect(details.occurrences.map((o) => [o.date, o.failures.map((f) => f.code)])).toEqual([
      ["2026-10-28", ["ROOM_BOOKED"]],
      ["2026-11-04", ["LOCATION_CLOSED"]],
    ]);
    expect(details.failures.map((f) => [f.date, f.code, f.conflictingBookingId])).toEqual([
      ["2026-10-28", "ROOM_BOOKED", other.id],
      ["2026-11-04", "LOCATION_CLOSED", undefined],
    ]);
    expect(outboxRows(w.core)).toEqual(before);
  });

  it("lists every occurrence with its verdict before creating, and can skip the failing dates", () => {
    const w = world();
    w.core.bookings.create(bookingAt(w, "2026-10-21 18:30", "2026-10-21 20:00"));
    const { occurrences } = w.core.bookings.checkSeries(weekly(w));
    expect(occurrences.map((o) => [o.seq, o.date, o.ok])).toEqual([[1, "2026-10-14", true], [2, "2026-10-21", false], [3, "2026-10-28", true], [4, "2026-11-04", true]]);
    const { bookings, skipped } = w.core.bookings.createSeries({ ...weekly(w), skipFailing: true });
    expect(bookings.map((b) => b.seriesSeq)).toEqual([1, 3, 4]);
    expect(skipped.map((s) => s.date)).toEqual(["2026-10-21"]);
  });

  it("checks occurrences against each other", () => {
    const w = world();
    const always = [{ open: "00:00", close: "24:00" }];
    w.core.locations.update(w.locationId, { openingHours: { mon: always, tue: always, wed: always, thu: always, fri: always, sat: always, sun: always }, closures: [] });
    // Daily, 25 hours each: the second starts before the first has ended.
    const { occurrences } = w.core.bookings.checkSeries({ ...bookingAt(w, "2026-06-02 10:00", "2026-06-03 11:00"), rrule: "FREQ=DAILY;COUNT=3" });
    expect(occurrences.map((o) => o.failures.map((f) => f.code))).toEqual([[], ["ROOM_BOOKED"], []]);
  });

  it("expands in New York time across its spring change", () => {
    const w = world(Date.UTC(2026, 1, 20, 12));
    const ny = w.core.locations.create({
      name: "Lumière Brooklyn", timeZone: "America/New_York", openingHours: w.core.locations.get(w.locationId).openingHours, closures: [],
    });
    const room = w.core.rooms.create({ locationId: ny.id, name: "Live Room", type: "recording", hourlyRateCents: 8500, halfDayRateCents: 30000, dayRateCents: 55000, vatRateBp: 0, capacity: 10, colour: "#1d4ed8", bookable: true, setupMinutes: 0, teardownMinutes: 0 });
    const { bookings } = w.core.bookings.createSeries({
      locationId: ny.id, roomIds: [room.id], startsAt: paris("2026-03-02 10:00", "America/New_York"), endsAt: paris("2026-03-02 12:00", "America/New_York"),
      rrule: "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4",
    });
    expect(bookings.map((b) => b.startsAt)).toEqual(["2026-03-02T15:00:00.000Z", "2026-03-04T15:00:00.000Z", "2026-03-09T14:00:00.000Z", "2026-03-11T14:00:00.000Z"]);
  });

  it("refuses a rule with no end", () => {
    const w = world();
    expect(appErrorOf(() => w.core.bookings.createSeries(weekly(w, { rrule: "FREQ=WEEKLY" }))).fieldErrors).toEqual({ rrule: ["v.rruleEnd"] });
  });
});

describe("moving and cancelling occurrences", () => {
  function series(w: BookingWorld) {
    return w.core.bookings.createSeries(weekly(w, { startsAt: paris("2026-10-14 10:00"), endsAt: paris("2026-10-14 14:00"), type: "half_day" })).bookings;
  }

  it("moves one occurrence alone", () => {
    const w = world();
    const occ = series(w);
    const moved = w.core.bookings.move({ id: occ[1]!.id, startsAt: paris("2026-10-22 10:00"), endsAt: paris("2026-10-22 14:00"), scope: "one" }).bookings;
    expect(moved.map((b) => b.startsAt)).toEqual([paris("2026-10-22 10:00")]);
    expect(w.core.bookings.get(occ[2]!.id).startsAt).toBe(occ[2]!.startsAt);
  });

  it("moves all to 11:00 on the Paris clock across the change, and the series' rule with them", () => {
    const w = world();
    const occ = series(w);
    const before = outboxRows(w.core).length;
    const { bookings } = w.core.bookings.move({ id: occ[1]!.id, startsAt: paris("2026-10-21 11:00"), endsAt: paris("2026-10-21 15:00"), scope: "all" });
    expect(bookings.map((b) => `${b.startsAt.slice(0, 10)} ${local(b.startsAt)}–${local(b.endsAt)}`)).toEqual([
      "2026-10-14 11:00–15:00", "2026-10-21 11:00–15:00", "2026-10-28 11:00–15:00", "2026-11-04 11:00–15:00",
    ]);
    expect(seriesRow(w, occ[0]!.seriesId!)).toMatchObject({ start_minute: 660, first_date: "2026-10-14", rrule: "FREQ=WEEKLY;COUNT=4" });
    expect(outboxRows(w.core).slice(before).map((r) => r.entity).sort()).toEqual(["booking", "booking", "booking", "booking", "booking_series"]);
  });

  it("moves this and the following to Thursday, splitting the series", () => {
    const w = world();
    const occ = series(w);
    const { bookings } = w.core.bookings.move({ id: occ[2]!.id, startsAt: paris("2026-10-29 10:00"), endsAt: paris("2026-10-29 14:00"), scope: "following" });
    expect(bookings.map((b) => [b.startsAt.slice(0, 10), b.seriesSeq])).toEqual([["2026-10-29", 1], ["2026-11-05", 2]]);
    const newSeries = bookings[0]!.seriesId!;
    expect(newSeries).not.toBe(occ[0]!.seriesId);
    expect(seriesRow(w, newSeries)).toMatchObject({ rrule: "FREQ=WEEKLY;COUNT=2", first_date: "2026-10-29", start_minute: 600 });
    expect(seriesRow(w, occ[0]!.seriesId!)).toMatchObject({ rrule: "FREQ=WEEKLY;COUNT=2" });
    expect([occ[0]!, occ[1]!].map((o) => w.core.bookings.get(o.id).startsAt)).toEqual([occ[0]!.startsAt, occ[1]!.startsAt]);
  });

  it("refuses a move of all when one date collides, naming it, and moves none", () => {
    const w = world();
    const occ = series(w);
    w.core.bookings.create(bookingAt(w, "2026-11-04 15:00", "2026-11-04 17:00", { title: "Mastering" }));
    const dry = w.core.bookings.checkMove({ id: occ[0]!.id, startsAt: paris("2026-10-14 12:00"), endsAt: paris("2026-10-14 16:00"), scope: "all" });
    expect(dry.ok).toBe(false);
    expect(dry.occurrences.filter((o) => !o.ok).map((o) => o.date)).toEqual(["2026-11-04"]);
    const error = appErrorOf(() => w.core.bookings.move({ id: occ[0]!.id, startsAt: paris("2026-10-14 12:00"), endsAt: paris("2026-10-14 16:00"), scope: "all" }));
    expect((error.details as { occurrences: OccurrenceCheck[] }).occurrences.map((o) => o.date)).toEqual(["2026-11-04"]);
    expect(occ.map((o) => w.core.bookings.get(o.id).startsAt)).toEqual(occ.map((o) => o.startsAt));
  });

  it("skips occurrences already under way when moving all", () => {
    const w = world();
    const occ = series(w);
    w.clock.set(Date.parse(paris("2026-10-21 12:00")));
    const { bookings } = w.core.bookings.move({ id: occ[2]!.id, startsAt: paris("2026-10-28 15:00"), endsAt: paris("2026-10-28 19:00"), scope: "all" });
    expect(bookings.map((b) => b.seriesSeq)).toEqual([1, 2]);
    expect(w.core.bookings.get(occ[1]!.id).startsAt).toBe(occ[1]!.startsAt);
  });

  it("quotes and cancels this and the following", () => {
    const w = world();
    const occ = series(w);
    const quote = w.core.bookings.quoteCancellation({ id: occ[2]!.id, scope: "following" });
    expect(quote.occurrences.map((o) => o.date)).toEqual(["2026-10-28", "2026-11-04"]);
    expect(quote.feeCents).toBe(0);
    const { bookings } = w.core.bookings.cancel({ id: occ[2]!.id, scope: "following", expectedFeeCents: 0 });
    expect(bookings.map((b) => b.status)).toEqual(["cancelled", "cancelled"]);
    expect(w.core.bookings.get(occ[1]!.id).status).toBe("confirmed");
  });

  it("cancels all", () => {
    const w = world();
    const occ = series(w);
    expect(w.core.bookings.cancel({ id: occ[3]!.id, scope: "all" }).bookings).toHaveLength(4);
  });
});
