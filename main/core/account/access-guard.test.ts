import { afterEach, describe, expect, it } from "vitest";
import type { AccessSnapshot } from "../../../shared/permissions/access-snapshot";
import { locationInput, manualClock, roomInput, setUpCore, T0 } from "../test-fixtures";
import type { StudioCore } from "../studio-core";

/**
 * The core refuses what the acting person may not do, before writing or queueing anything, with the
 * access the server last gave this computer: the same rules the server applies to every push.
 */
let core: StudioCore;
afterEach(() => core?.close());

const HOUR = 3_600_000;
/** A Tuesday inside opening hours, three weeks after the test clock's start. */
const at = (h: number) => new Date(Date.UTC(2026, 5, 23, h)).toISOString();

function actingAs(c: StudioCore, access: AccessSnapshot): void {
  c.db
    .prepare(
      `INSERT INTO account_session (singleton, server_url, tenant_id, user_id, email, role, device_id, connected_at, access)
       VALUES (1, 'http://sync.test', ?, 'u1', 'desk@studio.fr', ?, 'd1', '2026-06-01T09:00:00.000Z', ?)`,
    )
    .run(c.studio.get().tenantId, access.role, JSON.stringify(access));
}

function world() {
  const clock = manualClock(T0);
  const w = setUpCore(clock.now);
  core = w.core;
  const london = core.locations.create(locationInput({ name: "London", timeZone: "Europe/London" }));
  const londonRoom = core.rooms.create(roomInput(london.id, { name: "Live Room" }));
  return { ...w, clock, london, londonRoom };
}

const outboxCount = () => (core.db.prepare("SELECT count(*) AS n FROM outbox").get() as { n: number }).n;

describe("the core's permission checks", () => {
  it("lets the computer's own owner do everything before any account is connected", () => {
    const w = world();
    expect(core.access.subject()).toEqual({ grants: [{ role: "owner", locationIds: null }], delegations: [] });
    expect(() => core.bookings.create({ locationId: w.london.id, roomIds: [w.londonRoom.id], title: "Owner", startsAt: at(10), endsAt: at(12) })).not.toThrow();
  });

  it("keeps a front desk of Paris to Paris's bookings and away from the studio's set-up, writing nothing when refused", () => {
    const w = world();
    actingAs(core, { role: "front_desk", locationIds: [w.locationId], delegations: [] });
    expect(core.bookings.create({ locationId: w.locationId, roomIds: [w.roomId], title: "Paris session", startsAt: at(10), endsAt: at(12) }).booking.title).toBe("Paris session");
    expect(core.clients.create({ kind: "person", name: "A client of the studio" }).name).toBe("A client of the studio");

    const before = outboxCount();
    for (const refused of [
      () => core.bookings.create({ locationId: w.london.id, roomIds: [w.londonRoom.id], title: "London", startsAt: at(10), endsAt: at(12) }),
      () => core.rooms.create(roomInput(w.locationId, { name: "Booth 2" })),
      () => core.studio.update({ name: "Renamed" }),
      () => core.locations.update(w.london.id, { name: "Londres" }),
    ]) {
      expect(refused).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    }
    expect(outboxCount()).toBe(before);
    expect(core.studio.get().name).not.toBe("Renamed");
  });

  it("honours a delegation until it expires, also when the computer's clock is set back afterwards", () => {
    const w = world();
    const expiresAt = T0 + 2 * HOUR;
    actingAs(core, {
      role: "engineer",
      locationIds: null,
      delegations: [{ id: "d1", fromUserId: "owner", permissions: ["booking.create", "booking.cancel"], locationIds: [w.locationId], expiresAt }],
    });
    const book = (title: string, h: number) => core.bookings.create({ locationId: w.locationId, roomIds: [w.roomId], title, startsAt: at(h), endsAt: at(h + 1) });
    expect(book("While lent", 10).booking.title).toBe("While lent");
    expect(() => core.bookings.create({ locationId: w.london.id, roomIds: [w.londonRoom.id], title: "Elsewhere", startsAt: at(10), endsAt: at(11) }))
      .toThrow(expect.objectContaining({ code: "FORBIDDEN" }));

    w.clock.set(expiresAt);
    expect(() => book("After expiry", 12)).toThrow(expect.objectContaining({ code: "FORBIDDEN", details: { permission: "booking.create", locationId: w.locationId } }));
    // Setting the clock back does not bring the loan back: the device has already seen later stamps.
    w.clock.set(T0);
    expect(() => book("Clock set back", 14)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("lets an engineer write session notes but not move or cancel the session", () => {
    const w = world();
    const { booking } = core.bookings.create({ locationId: w.locationId, roomIds: [w.roomId], title: "Mix", startsAt: at(10), endsAt: at(12) });
    actingAs(core, { role: "engineer", locationIds: null, delegations: [] });
    expect(core.bookings.update({ id: booking.id, patch: { notes: "Vocals comped" } }).booking.notes).toBe("Vocals comped");
    expect(() => core.bookings.update({ id: booking.id, patch: { startsAt: at(13), endsAt: at(15) } })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => core.bookings.cancel({ id: booking.id, scope: "one" })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});
