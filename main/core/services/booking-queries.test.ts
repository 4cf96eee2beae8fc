import { describe, expect, it } from "vitest";
import { MAX_OCCUPANCY_MS } from "../../../shared/booking/booking-limits";
import { appErrorOf } from "../test-fixtures";
import { bookingAt, bookingWorlds, paris, type BookingWorld } from "./booking/booking-test-fixtures";

const world = bookingWorlds();

/** A week in Paris: Héloïse on Tuesday with Camille, the label on Wednesday, a hold on Thursday, a cancelled Friday. */
function week(w: BookingWorld) {
  const b = w.core.bookings;
  const tue = b.create(bookingAt(w, "2026-06-02 10:00", "2026-06-02 14:00", { clientId: w.heloise, staffIds: [w.camille], title: "Voix — album « Minuit »" })).booking;
  const wed = b.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 18:00", { clientId: w.labelClient, roomIds: [w.studioB], staffIds: [w.hugo], notes: "Stems sur le serveur" })).booking;
  const thu = b.create(bookingAt(w, "2026-06-04 10:00", "2026-06-04 12:00", { status: "hold", title: "Essai batterie" })).booking;
  const fri = b.create(bookingAt(w, "2026-06-05 10:00", "2026-06-05 12:00", { clientId: w.labelClient, staffIds: [w.camille] })).booking;
  b.cancel({ id: fri.id });
  // Friday night into Saturday, and the next week.
  const night = b.create(bookingAt(w, "2026-06-05 22:00", "2026-06-06 02:00", { staffIds: [w.camille], title: "Live" })).booking;
  const next = b.create(bookingAt(w, "2026-06-09 10:00", "2026-06-09 12:00", { clientId: w.heloise, staffIds: [w.camille] })).booking;
  return { tue, wed, thu, fri, night, next };
}

describe("calendar view", () => {
  it("returns a location's week: rooms as columns, opening spans, and its bookings with names and colours", () => {
    const w = world();
    const { tue, wed, thu, night } = week(w);
    const view = w.core.bookings.view({ date: "2026-06-01", days: 7, locationId: w.locationId });
    expect(view.locations).toHaveLength(1);
    const [paris7] = view.locations;
    expect(paris7).toMatchObject({ name: "Lumière Paris", timeZone: "Europe/Paris", startsAt: "2026-05-31T22:00:00.000Z", endsAt: "2026-06-07T22:00:00.000Z" });
    expect(paris7!.rooms.map((r) => [r.name, r.setupMinutes])).toEqual([["Studio A", 30], ["Studio B", 15]]);
    expect(paris7!.days.map((d) => d.open.length)).toEqual([1, 1, 1, 1, 1, 2, 1]);
    expect(view.bookings.map((b) => b.id)).toEqual([tue.id, wed.id, thu.id, night.id]);
    expect(view.bookings[1]).toMatchObject({ label: "Label Nuit Blanche", rooms: [{ name: "Studio B", colour: "#0f766e" }], staff: [{ name: "Hugo Lefèvre" }], colour: "#0f766e" });
    expect(view.bookings[2]).toMatchObject({ status: "hold", label: "Essai batterie", holdExpired: false });
  });

  it("shows cancelled bookings when asked", () => {
    const w = world();
    const { fri } = week(w);
    const view = w.core.bookings.view({ date: "2026-06-05", days: 1, includeCancelled: true });
    expect(view.bookings.map((b) => [b.id === fri.id, b.status])).toContainEqual([true, "cancelled"]);
  });

  it("leaves a no-show out like a cancellation, unless asked", () => {
    const w = world();
    const { tue } = week(w);
    w.clock.set(Date.parse(paris("2026-06-02 11:00")));
    w.core.bookings.noShow({ id: tue.id });
    const shown = (includeCancelled: boolean) =>
      w.core.bookings.view({ date: "2026-06-02", days: 1, locationId: w.locationId, includeCancelled }).bookings.map((b) => b.id);
    expect(shown(false)).not.toContain(tue.id);
    expect(shown(true)).toContain(tue.id);
  });

  it("includes a session that started the day before", () => {
    const w = world();
    const { night } = week(w);
    const saturday = w.core.bookings.view({ date: "2026-06-06", days: 1 });
    expect(saturday.bookings.map((b) => b.id)).toEqual([night.id]);
  });

  it("shows all locations side by side, each on its own clock and days", () => {
    const w = world();
    week(w);
    const ny = w.core.locations.create({ name: "Lumière Brooklyn", timeZone: "America/New_York", openingHours: w.core.locations.get(w.locationId).openingHours, closures: [] });
    const room = w.core.rooms.create({ locationId: ny.id, name: "Live Room", type: "recording", hourlyRateCents: 8500, halfDayRateCents: 30000, dayRateCents: 55000, vatRateBp: 0, capacity: 10, colour: "#1d4ed8", bookable: true, setupMinutes: 0, teardownMinutes: 0 });
    const brooklyn = w.core.bookings.create({
      locationId: ny.id, roomIds: [room.id], startsAt: paris("2026-06-02 10:00", "America/New_York"), endsAt: paris("2026-06-02 12:00", "America/New_York"),
    }).booking;
    const view = w.core.bookings.view({ date: "2026-06-02", days: 1 });
    expect(view.locations.map((l) => [l.name, l.startsAt, l.rooms.length])).toEqual([
      ["Lumière Brooklyn", "2026-06-02T04:00:00.000Z", 1],
      ["Lumière Paris", "2026-06-01T22:00:00.000Z", 2],
    ]);
    expect(view.bookings.map((b) => b.locationName)).toEqual(["Lumière Brooklyn", "Lumière Paris"]);
    expect(view.bookings[0]!.id).toBe(brooklyn.id);
  });

  it("makes the week of the spring change 167 hours long and marks closures", () => {
    const w = world(Date.UTC(2026, 2, 1));
    w.core.locations.update(w.locationId, { closures: [{ from: "2026-03-27", to: "2026-03-27", reason: "Inventaire" }] });
    const [loc] = w.core.bookings.view({ date: "2026-03-23", days: 7 }).locations;
    expect((Date.parse(loc!.endsAt) - Date.parse(loc!.startsAt)) / 3_600_000).toBe(167);
    expect(loc!.days.map((d) => d.closure)).toEqual([null, null, null, null, "Inventaire", null, null]);
    expect(loc!.days[4]!.open).toEqual([]);
  });
});

describe("bookings list", () => {
  it.each<[string, (w: BookingWorld) => Record<string, unknown>, (ids: ReturnType<typeof week>) => string[]]>([
    ["everything, by start", () => ({}), (i) => [i.tue.id, i.wed.id, i.thu.id, i.fri.id, i.night.id, i.next.id]],
    ["a date range (inclusive)", () => ({ from: "2026-06-03", to: "2026-06-04" }), (i) => [i.wed.id, i.thu.id]],
    ["a range catching the night session from Saturday", () => ({ from: "2026-06-06", to: "2026-06-06" }), (i) => [i.night.id]],
    ["a room", (w) => ({ roomId: w.studioB }), (i) => [i.wed.id]],
    ["an engineer", (w) => ({ staffId: w.camille }), (i) => [i.tue.id, i.fri.id, i.night.id, i.next.id]],
    ["a client", (w) => ({ clientId: w.labelClient }), (i) => [i.wed.id, i.fri.id]],
    ["statuses", () => ({ statuses: ["hold", "cancelled"] }), (i) => [i.thu.id, i.fri.id]],
    ["search by client, without accents", () => ({ search: "heloise" }), (i) => [i.tue.id, i.next.id]],
    ["search by title", () => ({ search: "minuit" }), (i) => [i.tue.id]],
    ["search by notes", () => ({ search: "serveur" }), (i) => [i.wed.id]],
    ["engineer and range together", (w) => ({ staffId: w.camille, from: "2026-06-05", to: "2026-06-30" }), (i) => [i.fri.id, i.night.id, i.next.id]],
    ["by client, descending, those without last", () => ({ sort: "client", direction: "desc" }), (i) => [i.wed.id, i.fri.id, i.tue.id, i.next.id, i.thu.id, i.night.id]],
    ["by start, descending", () => ({ sort: "startsAt", direction: "desc" }), (i) => [i.next.id, i.night.id, i.fri.id, i.thu.id, i.wed.id, i.tue.id]],
  ])("%s", (_label, filter, expected) => {
    const w = world();
    const ids = week(w);
    const { rows, total } = w.core.bookings.list(filter(w));
    expect(rows.map((r) => r.id)).toEqual(expected(ids));
    expect(total).toBe(expected(ids).length);
  });

  it("pages, keeping the total", () => {
    const w = world();
    const ids = week(w);
    expect(w.core.bookings.list({ limit: 2, offset: 2 })).toMatchObject({ total: 6, rows: [{ id: ids.thu.id }, { id: ids.fri.id }] });
  });
});

describe("an engineer's schedule", () => {
  it("lists Camille's sessions, cancelled ones left out", () => {
    const w = world();
    const ids = week(w);
    expect(w.core.bookings.schedule({ staffId: w.camille, from: "2026-06-01", days: 7 }).map((b) => b.id)).toEqual([ids.tue.id, ids.night.id]);
  });

  it("exports it as iCalendar: UTC times, escaped text, CRLF lines of at most 75 octets", () => {
    const w = world();
    const ids = week(w);
    w.core.bookings.create(bookingAt(w, "2026-06-10 10:00", "2026-06-10 12:00", { staffIds: [w.camille], status: "hold", title: "Session très, très longue ; avec un titre qui dépasse largement soixante-quinze octets" }));
    const { filename, text } = w.core.bookings.exportIcs({ staffId: w.camille, from: "2026-06-01", days: 30 });
    expect(filename).toBe("schedule-camille-rousseau.ics");
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(unfolded).toContain(`UID:${ids.tue.id}@recording-studio-manager\r\n`);
    expect(unfolded).toContain("DTSTART:20260602T080000Z\r\nDTEND:20260602T120000Z\r\nSUMMARY:Studio A — Héloïse Mercier\r\n");
    expect(unfolded).toContain(`UID:${ids.fri.id}@recording-studio-manager`);
    expect(unfolded).toMatch(/SUMMARY:Studio A — Label Nuit Blanche\r\nLOCATION:Lumière Paris\r\nSTATUS:CANCELLED/);
    expect(unfolded).toContain("SUMMARY:Studio A — Session très\\, très longue \\; avec un titre qui dépasse largement soixante-quinze octets\r\n");
    expect(unfolded).toContain("STATUS:TENTATIVE");
  });

  it("refuses an unknown engineer", () => {
    const w = world();
    expect(appErrorOf(() => w.core.bookings.exportIcs({ staffId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" })).code).toBe("NOT_FOUND");
  });
});

describe("query plans", () => {
  const plan = (w: BookingWorld, sql: string, ...params: unknown[]) =>
    (w.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");

  it("finds the bookings holding a room by a range of its primary key", () => {
    const w = world();
    const text = plan(
      w,
      "SELECT booking_id FROM booking_rooms WHERE room_id = ? AND occupied_from >= ? AND occupied_from < ? AND occupied_until > ? AND blocks_until > ?",
      w.studioA, 0, MAX_OCCUPANCY_MS, 0, 0,
    );
    expect(text).toMatch(/SEARCH booking_rooms USING PRIMARY KEY \(room_id=\? AND occupied_from>\? AND occupied_from<\?\)/);
  });

  it("reads a location's week through the location and time index", () => {
    const w = world();
    const text = plan(w, "SELECT * FROM bookings WHERE location_id = ? AND starts_at >= ? AND starts_at < ? AND ends_at > ?", w.locationId, 0, 1, 0);
    expect(text).toMatch(/SEARCH bookings USING INDEX bookings_location_time \(location_id=\? AND starts_at>\? AND starts_at<\?\)/);
  });

  it("sums a client's balance over the unpaid rows only", () => {
    const w = world();
    const text = plan(w, "SELECT coalesce(sum(unpaid_cents), 0) FROM bookings WHERE client_id = ? AND unpaid_cents > 0 AND deleted_at IS NULL", w.heloise);
    expect(text).toContain("bookings_unpaid");
  });
});
