import { TRPCError } from "@trpc/server";
import { getErrorShape, type ErrorHandlerOptions } from "@trpc/server/unstable-core-do-not-import";
import { afterEach, describe, expect, it } from "vitest";
import { bookingAt, bookingWorld, paris, type BookingWorld } from "../../services/booking/booking-test-fixtures";
import { appRouter, createCoreCaller } from "../app-router";
import type { CoreContext } from "../trpc";

type Caller = ReturnType<typeof createCoreCaller>;

const worlds: BookingWorld[] = [];
function world(): BookingWorld {
  const w = bookingWorld();
  worlds.push(w);
  return w;
}
afterEach(() => {
  for (const w of worlds.splice(0)) w.close();
});

/** The error as a transport would send it to the renderer (the router's own formatter). */
async function failure(w: BookingWorld, call: (caller: Caller) => Promise<unknown>) {
  let seen: ErrorHandlerOptions<CoreContext> | undefined;
  const caller = createCoreCaller({ core: w.core }, { onError: (opts) => (seen = opts) });
  await expect(call(caller)).rejects.toBeInstanceOf(TRPCError);
  if (!seen) throw new Error("onError was not called");
  return getErrorShape({ config: appRouter._def._config, error: seen.error, type: seen.type, path: seen.path, input: seen.input, ctx: seen.ctx });
}

const MISSING = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

describe("bookings router", () => {
  it("serves the calendar: create, live check, week view, drawer, cancel quote and cancel", async () => {
    const w = world();
    const caller = createCoreCaller({ core: w.core });
    const { booking } = await caller.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.labelClient, staffIds: [w.camille] }));
    const live = await caller.bookings.check({ bookingId: booking.id, startsAt: paris("2026-06-03 15:00"), endsAt: paris("2026-06-03 17:00") });
    expect(live).toMatchObject({ ok: true, occupiedFrom: paris("2026-06-03 14:30") });
    const view = await caller.bookings.view({ date: "2026-06-01" });
    expect(view.bookings.map((b) => b.label)).toEqual(["Label Nuit Blanche"]);
    expect((await caller.bookings.get({ id: booking.id })).price.totalCents).toBe(booking.price.totalCents);
    const quote = await caller.bookings.quoteCancellation({ id: booking.id });
    const { bookings } = await caller.bookings.cancel({ id: booking.id, expectedFeeCents: quote.feeCents });
    expect(bookings[0]!.status).toBe("cancelled");
    expect((await caller.bookings.list({ statuses: ["cancelled"] })).total).toBe(1);
    expect((await caller.bookings.exportIcs({ staffId: w.camille, from: "2026-06-01" })).text).toContain("STATUS:CANCELLED");
  });

  it("keeps time off and maintenance windows", async () => {
    const w = world();
    const caller = createCoreCaller({ core: w.core });
    const off = await caller.bookings.timeOff.add({ staffId: w.hugo, startsAt: paris("2026-06-04 00:00"), endsAt: paris("2026-06-05 00:00") });
    expect(await caller.bookings.timeOff.list({ staffId: w.hugo })).toEqual([off]);
    await caller.bookings.timeOff.remove({ id: off.id });
    expect(await caller.bookings.timeOff.list()).toEqual([]);
    const m = await caller.bookings.maintenance.add({ equipmentId: w.u87, startsAt: paris("2026-06-04 00:00"), endsAt: paris("2026-06-05 00:00"), quantity: 1 });
    expect(await caller.bookings.maintenance.list({ from: paris("2026-06-04 12:00"), to: paris("2026-06-04 13:00") })).toEqual([m]);
  });

  it("reads and changes the booking settings", async () => {
    const w = world();
    const caller = createCoreCaller({ core: w.core });
    expect(await caller.bookings.settings()).toMatchObject({ holdExpiryHours: 48, unpaidBalanceLimitCents: null, cancellationPolicy: { noShowPercentBp: 10_000 } });
    expect(await caller.bookings.updateSettings({ holdExpiryHours: 24 })).toMatchObject({ holdExpiryHours: 24 });
  });
});

interface ErrorCase {
  label: string;
  call: (caller: Caller, w: BookingWorld) => Promise<unknown>;
  code: TRPCError["code"];
  appCode: string;
  fieldErrors?: Record<string, string[]> | null;
  details?: Record<string, unknown>;
}

const ERROR_CASES: ErrorCase[] = [
  {
    label: "a double booking",
    call: async (c, w) => {
      await c.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.labelClient }));
      return c.bookings.create(bookingAt(w, "2026-06-03 15:00", "2026-06-03 17:00"));
    },
    code: "CONFLICT", appCode: "BOOKING_REFUSED", fieldErrors: null,
    details: { failures: [{ code: "ROOM_BOOKED", messageKey: "booking.rule.ROOM_BOOKED", params: { room: "Studio A", by: "Label Nuit Blanche", from: "14:00", to: "16:00" } }], warnings: [] },
  },
  {
    label: "a series with a failing date",
    call: async (c, w) => {
      await c.bookings.create(bookingAt(w, "2026-06-10 14:00", "2026-06-10 16:00"));
      return c.bookings.createSeries({ ...bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"), rrule: "FREQ=WEEKLY;COUNT=3" });
    },
    code: "CONFLICT", appCode: "BOOKING_REFUSED",
    details: { occurrences: [{ seq: 2, date: "2026-06-10", ok: false }] },
  },
  {
    label: "an illegal status change",
    call: async (c, w) => {
      const { booking } = await c.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"));
      return c.bookings.setStatus({ id: booking.id, status: "completed" });
    },
    code: "CONFLICT", appCode: "INVALID_TRANSITION", details: { from: "confirmed", to: "completed", allowed: ["checked_in", "cancelled", "no_show"] },
  },
  {
    label: "a cancellation whose fee moved since the quote",
    call: async (c, w) => {
      const { booking } = await c.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"));
      return c.bookings.cancel({ id: booking.id, expectedFeeCents: 0 });
    },
    code: "CONFLICT", appCode: "QUOTE_CHANGED", details: { summary: { feeCents: 6840 } },
  },
  {
    label: "a booking with no room (zod)",
    call: (c, w) => c.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { roomIds: [] })),
    code: "BAD_REQUEST", appCode: "VALIDATION_FAILED", fieldErrors: { roomIds: ["v.atLeastOne"] },
  },
  {
    label: "a local time sent as an instant (zod)",
    call: (c, w) => c.bookings.check({ ...bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"), startsAt: "2026-06-03T14:00" }),
    code: "BAD_REQUEST", appCode: "VALIDATION_FAILED", fieldErrors: { startsAt: ["v.instant"] },
  },
  {
    label: "an unknown rule (zod)",
    call: (c, w) => c.bookings.checkSeries({ ...bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"), rrule: "FREQ=MONTHLY;COUNT=2" }),
    code: "BAD_REQUEST", appCode: "VALIDATION_FAILED", fieldErrors: { rrule: ["v.rrule"] },
  },
  {
    label: "a missing booking",
    call: (c) => c.bookings.get({ id: MISSING }),
    code: "NOT_FOUND", appCode: "NOT_FOUND",
  },
  {
    label: "a booking at a missing location",
    call: (c, w) => c.bookings.create({ ...bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00"), locationId: MISSING }),
    code: "NOT_FOUND", appCode: "NOT_FOUND", fieldErrors: { locationId: ["v.invalid"] },
  },
  {
    label: "time off for nobody",
    call: (c) => c.bookings.timeOff.add({ staffId: MISSING, startsAt: "2026-06-04T00:00:00Z", endsAt: "2026-06-05T00:00:00Z" }),
    code: "NOT_FOUND", appCode: "NOT_FOUND", fieldErrors: { staffId: ["v.invalid"] },
  },
];

describe("booking errors, as the renderer receives them", () => {
  it.each(ERROR_CASES)("$label → $code / $appCode", async ({ call, code, appCode, fieldErrors, details }) => {
    const w = world();
    const shape = await failure(w, (caller) => call(caller, w));
    expect(shape.data).toMatchObject({ code, appCode });
    if (fieldErrors !== undefined) expect(shape.data.fieldErrors).toEqual(fieldErrors);
    if (details) expect(shape.data.details).toMatchObject(details);
    expect(shape.data.stack).toBeUndefined();
  });

  it("refuses bookings before the studio exists", async () => {
    const { memoryCore } = await import("../../test-fixtures");
    const core = memoryCore();
    try {
      const caller = createCoreCaller({ core });
      await expect(caller.bookings.view({ date: "2026-06-01" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    } finally {
      core.close();
    }
  });
});
