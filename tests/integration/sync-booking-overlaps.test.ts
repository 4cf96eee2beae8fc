import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOKING_STATUSES, blocksUntil } from "../../shared/booking/booking-status";
import { uuidv7 } from "../../shared/ids";
import { isPgError, SQLSTATE } from "../../sync-server/src/db/pg-errors";
import { withTenant } from "../../sync-server/src/db/with-tenant";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { insertBooking, insertLocation, insertRoom, insertStaff, type BookingSpec } from "./support/studio-rows";

/**
 * Postgres itself refuses two active bookings of one room, or of one engineer, whose buffered
 * occupancies overlap: the exclusion constraints on booking_rooms and booking_staff.
 */
let db: TestDatabase;
let pool: pg.Pool;
const T = uuidv7();
let location: string;
let roomA: string; // 30 min setup, 15 min teardown
let roomB: string;
let engineer: string;

beforeAll(async () => {
  db = await createTestDatabase("overlaps");
  pool = new pg.Pool({ ...db.app, max: 2 });
  await withTenant(pool, T, async (tx) => {
    location = await insertLocation(tx, T);
    roomA = await insertRoom(tx, T, location, 30, 15);
    roomB = await insertRoom(tx, T, location);
    engineer = await insertStaff(tx, T);
  });
});
afterAll(async () => {
  await pool.end();
});

/** Each case on its own day so that cases never collide with each other. */
let day = 0;
function onDay() {
  day++;
  const d = `2031-03-${String(day).padStart(2, "0")}`;
  return (time: string) => `${d}T${time}:00Z`;
}

const book = (b: Omit<BookingSpec, "locationId">) => withTenant(pool, T, (tx) => insertBooking(tx, T, { locationId: location, ...b }));

async function refusedBy(call: Promise<unknown>): Promise<string | undefined> {
  const err = await call.then(() => null, (e: unknown) => e);
  if (!err) return undefined;
  if (!isPgError(err, SQLSTATE.exclusionViolation)) throw err;
  return err.constraint;
}

describe("booking overlaps, refused by Postgres", () => {
  it("refuses a second active booking of a room during the first", async () => {
    const at = onDay();
    await book({ roomIds: [roomB], startsAt: at("10:00"), endsAt: at("12:00") });
    expect(await refusedBy(book({ roomIds: [roomB], startsAt: at("11:00"), endsAt: at("13:00") }))).toBe("booking_rooms_no_overlap");
    expect(await refusedBy(book({ roomIds: [roomB], startsAt: at("10:30"), endsAt: at("11:00"), status: "hold" }))).toBe("booking_rooms_no_overlap");
  });

  it("counts the buffers: sessions that do not overlap but whose setup/teardown do are refused", async () => {
    const at = onDay();
    // Room A: 30 min setup, 15 min teardown. Session 10:00–12:00 occupies 09:30–12:15.
    await book({ roomIds: [roomA], startsAt: at("10:00"), endsAt: at("12:00"), occupiedFrom: at("09:30"), occupiedUntil: at("12:15") });
    // 12:30–14:00 occupies 12:00–14:15: the setup runs into the teardown.
    const next = { roomIds: [roomA], startsAt: at("12:30"), endsAt: at("14:00"), occupiedFrom: at("12:00"), occupiedUntil: at("14:15") };
    expect(await refusedBy(book(next))).toBe("booking_rooms_no_overlap");
  });

  it("accepts back-to-back occupancies (one's teardown ends as the next one's setup starts)", async () => {
    const at = onDay();
    await book({ roomIds: [roomA], startsAt: at("10:00"), endsAt: at("12:00"), occupiedFrom: at("09:30"), occupiedUntil: at("12:15") });
    expect(await refusedBy(book({ roomIds: [roomA], startsAt: at("12:45"), endsAt: at("14:00"), occupiedFrom: at("12:15"), occupiedUntil: at("14:15") }))).toBeUndefined();
    expect(await refusedBy(book({ roomIds: [roomB], startsAt: at("09:00"), endsAt: at("10:00") }))).toBeUndefined();
    expect(await refusedBy(book({ roomIds: [roomB], startsAt: at("10:00"), endsAt: at("11:00") }))).toBeUndefined();
  });

  it("ignores cancelled, no-show, conflict and deleted bookings, and refuses reviving one into a clash", async () => {
    const at = onDay();
    const slot = { roomIds: [roomB], startsAt: at("10:00"), endsAt: at("12:00") };
    for (const status of ["cancelled", "no_show", "conflict"]) expect(await refusedBy(book({ ...slot, status }))).toBeUndefined();
    const first = await book(slot);
    const cancelled = await book({ ...slot, status: "cancelled" });
    // Cancelling the first frees the room for a new one.
    await withTenant(pool, T, (tx) => tx.query("UPDATE bookings SET status = 'cancelled' WHERE id = $1", [first]));
    const second = await book(slot);
    // Confirming the cancelled one again would double-book the room.
    expect(await refusedBy(withTenant(pool, T, (tx) => tx.query("UPDATE bookings SET status = 'confirmed' WHERE id = $1", [cancelled])))).toBe(
      "booking_rooms_no_overlap",
    );
    // A tombstoned booking frees its room too.
    await withTenant(pool, T, (tx) => tx.query("UPDATE bookings SET deleted_at = now() WHERE id = $1", [second]));
    expect(await refusedBy(book(slot))).toBeUndefined();
  });

  it("refuses moving a booking onto another", async () => {
    const at = onDay();
    await book({ roomIds: [roomB], startsAt: at("10:00"), endsAt: at("12:00") });
    const later = await book({ roomIds: [roomB], startsAt: at("14:00"), endsAt: at("16:00") });
    const move = withTenant(pool, T, (tx) =>
      tx.query("UPDATE bookings SET starts_at = $2, ends_at = $3, occupied_from = $2, occupied_until = $3 WHERE id = $1", [later, at("11:00"), at("13:00")]),
    );
    expect(await refusedBy(move)).toBe("booking_rooms_no_overlap");
    // Moving it to another room is fine.
    expect(await refusedBy(withTenant(pool, T, (tx) => tx.query("UPDATE bookings SET room_ids = $2 WHERE id = $1", [later, JSON.stringify([roomA])])))).toBeUndefined();
  });

  it("refuses one engineer in two rooms at once, and accepts them back to back", async () => {
    const at = onDay();
    await book({ roomIds: [roomA], staffIds: [engineer], startsAt: at("10:00"), endsAt: at("12:00") });
    expect(await refusedBy(book({ roomIds: [roomB], staffIds: [engineer], startsAt: at("11:00"), endsAt: at("12:30") }))).toBe("booking_staff_no_overlap");
    expect(await refusedBy(book({ roomIds: [roomB], staffIds: [engineer], startsAt: at("12:00"), endsAt: at("13:00") }))).toBeUndefined();
    expect(await refusedBy(book({ roomIds: [roomB], staffIds: [engineer], startsAt: at("14:00"), endsAt: at("15:00"), status: "cancelled" }))).toBeUndefined();
  });

  it("keeps one link row per room and person, in step with the booking", async () => {
    const at = onDay();
    const id = await book({ roomIds: [roomA, roomB, roomA], staffIds: [engineer], startsAt: at("10:00"), endsAt: at("11:00"), status: "hold" });
    const links = () =>
      withTenant(pool, T, async (tx) => ({
        rooms: (await tx.query("SELECT room_id, active FROM booking_rooms WHERE booking_id = $1 ORDER BY room_id", [id])).rows,
        staff: (await tx.query("SELECT staff_id, active FROM booking_staff WHERE booking_id = $1", [id])).rows,
      }));
    expect(await links()).toEqual({
      rooms: [roomA, roomB].sort().map((room_id) => ({ room_id, active: true })),
      staff: [{ staff_id: engineer, active: true }],
    });
    await withTenant(pool, T, (tx) => tx.query("UPDATE bookings SET room_ids = $2, staff_ids = '[]', status = 'cancelled' WHERE id = $1", [id, JSON.stringify([roomB])]));
    expect(await links()).toEqual({ rooms: [{ room_id: roomB, active: false }], staff: [] });
  });

  it("never compares different studios' bookings, and refuses a room of another studio", async () => {
    const other = uuidv7();
    const at = onDay();
    await book({ roomIds: [roomB], startsAt: at("10:00"), endsAt: at("12:00") });
    const foreign = withTenant(pool, other, async (tx) => {
      const loc = await insertLocation(tx, other);
      return insertBooking(tx, other, { locationId: loc, roomIds: [roomB], startsAt: at("10:00"), endsAt: at("12:00") });
    });
    // roomB is T's: for the other studio it does not exist (composite foreign key with tenant_id).
    await expect(foreign).rejects.toMatchObject({ code: SQLSTATE.foreignKeyViolation });
  });
});

describe("the constraint agrees with the shared booking rules", () => {
  it("accepts a booking exactly when no holding booking of its room overlaps it (half-open spans)", async () => {
    // Statuses that hold a room, as shared/booking/booking-status.ts defines them (holds until expiry).
    const holds = (status: string) => blocksUntil(status as (typeof BOOKING_STATUSES)[number], null) > 0;
    const booking = fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 1, max: 8 }), status: fc.constantFrom(...BOOKING_STATUSES) });
    await fc.assert(
      fc.asyncProperty(fc.array(booking, { minLength: 1, maxLength: 8 }), async (bookings) => {
        const tenant = uuidv7();
        const at = (quarter: number) => new Date(Date.UTC(2032, 0, 1) + quarter * 15 * 60_000).toISOString();
        const { loc, room } = await withTenant(pool, tenant, async (tx) => {
          const l = await insertLocation(tx, tenant);
          return { loc: l, room: await insertRoom(tx, tenant, l) };
        });
        const kept: { start: number; end: number }[] = [];
        for (const b of bookings) {
          const span = { start: b.start, end: b.start + b.length };
          const expected = !holds(b.status) || kept.every((k) => k.end <= span.start || span.end <= k.start);
          const refused = await refusedBy(
            withTenant(pool, tenant, (tx) => insertBooking(tx, tenant, { locationId: loc, roomIds: [room], startsAt: at(span.start), endsAt: at(span.end), status: b.status })),
          );
          expect(refused === undefined).toBe(expected);
          if (expected && holds(b.status)) kept.push(span);
        }
      }),
      { numRuns: 30 },
    );
  });
});
