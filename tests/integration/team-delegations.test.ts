import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { bookingWire, locationWire, roomWire, SimDevice } from "./support/sync-device";
import { refusal, signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";
import { firstLocation, memberSession, pushAs, statusOf } from "./support/team";

/** Lending permissions until an expiry the server's clock decides (TestClock), and what may be lent. */
let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
const ids = {} as Record<"paris" | "london" | "parisRoom" | "londonRoom", string>;
const hour = 3600_000;
const start = Date.UTC(2027, 4, 4, 9);

beforeAll(async () => {
  db = await createTestDatabase("team_delegations");
  // Tokens outlive the clock's jumps to a delegation's expiry.
  srv = await startTestSyncServer(db, { accessTokenTtlSeconds: 86_400 });
  owner = await srv.client().accounts.signUp.mutate(signUpInput("delegations"));
  const d = new SimDevice("desk-owner");
  const paris = await firstLocation(db, owner.tenantId);
  const london = d.insert("location", locationWire("London"));
  const parisRoom = d.insert("room", roomWire(paris, "Paris A"));
  const londonRoom = d.insert("room", roomWire(london.rowId, "London A"));
  await pushAs(srv, owner, [london, parisRoom, londonRoom]);
  Object.assign(ids, { paris, london: london.rowId, parisRoom: parisRoom.rowId, londonRoom: londonRoom.rowId });
});
afterAll(async () => {
  await srv?.close();
});

let slot = 0;
const parisBooking = (d: SimDevice) => {
  slot += 2;
  return d.insert("booking", bookingWire({ locationId: ids.paris, roomIds: [ids.parisRoom], startsAt: start + slot * hour, endsAt: start + (slot + 1) * hour }));
};

describe("delegations", () => {
  it("lets an engineer book at Paris until the expiry, not a millisecond after, and says so in their access", async () => {
    const frontDesk = await memberSession(srv, db, owner.tenantId, "front_desk", [ids.paris]);
    const engineer = await memberSession(srv, db, owner.tenantId, "engineer");
    const d = new SimDevice("desk-engineer");
    expect(statusOf((await pushAs(srv, engineer, [parisBooking(d)])).results[0]!)).toBe("FORBIDDEN");

    const expiresAt = srv.clock.ms + hour;
    const loan = await srv.client(frontDesk.accessToken).delegations.create.mutate({ toUserId: engineer.userId, permissions: ["booking.create"], locationIds: [ids.paris], expiresAt });
    expect(loan).toMatchObject({ fromUserId: frontDesk.userId, toUserId: engineer.userId, permissions: ["booking.create"], locationIds: [ids.paris], expiresAt, active: true });
    expect(await srv.client(engineer.accessToken).accounts.access.query()).toEqual({
      role: "engineer",
      locationIds: null,
      delegations: [{ id: loan.id, fromUserId: frontDesk.userId, permissions: ["booking.create"], locationIds: [ids.paris], expiresAt }],
    });
    expect(statusOf((await pushAs(srv, engineer, [parisBooking(d)])).results[0]!)).toBe("applied");
    // Lent for Paris only.
    const london = d.insert("booking", bookingWire({ locationId: ids.london, roomIds: [ids.londonRoom], startsAt: start, endsAt: start + hour }));
    expect(statusOf((await pushAs(srv, engineer, [london])).results[0]!)).toBe("LOCATION_FORBIDDEN");

    srv.clock.ms = expiresAt - 1;
    expect(statusOf((await pushAs(srv, engineer, [parisBooking(d)])).results[0]!)).toBe("applied");
    srv.clock.ms = expiresAt;
    expect(statusOf((await pushAs(srv, engineer, [parisBooking(d)])).results[0]!)).toBe("FORBIDDEN");
    expect((await srv.client(engineer.accessToken).accounts.access.query()).delegations).toEqual([]);
    const listed = await srv.client(engineer.accessToken).delegations.list.query();
    expect(listed.received).toEqual([expect.objectContaining({ id: loan.id, active: false })]);
    expect(listed.given).toEqual([]);
  });

  it("lends only what the giver's own role holds, where it holds it, for a bounded time", async () => {
    const frontDesk = await memberSession(srv, db, owner.tenantId, "front_desk", [ids.paris]);
    const viewer = await memberSession(srv, db, owner.tenantId, "viewer");
    const lend = (permissions: ("booking.create" | "invoice.issue")[], locationIds: string[] | null, expiresAt = srv.clock.ms + hour) =>
      srv.client(frontDesk.accessToken).delegations.create.mutate({ toUserId: viewer.userId, permissions, locationIds, expiresAt });
    expect(await refusal(lend(["invoice.issue"], [ids.paris]))).toMatchObject({ appCode: "FORBIDDEN" });
    expect(await refusal(lend(["booking.create"], [ids.london]))).toMatchObject({ appCode: "FORBIDDEN" });
    expect(await refusal(lend(["booking.create"], null))).toMatchObject({ appCode: "FORBIDDEN" });
    expect(await refusal(lend(["booking.create"], [ids.paris], srv.clock.ms - 1))).toMatchObject({ appCode: "VALIDATION_FAILED" });
    expect(await refusal(lend(["booking.create"], [ids.paris], srv.clock.ms + 91 * 24 * hour))).toMatchObject({ appCode: "VALIDATION_FAILED" });
    // What was lent to someone cannot be lent on.
    const loan = await lend(["booking.create"], [ids.paris]);
    const engineer = await memberSession(srv, db, owner.tenantId, "engineer");
    expect(await refusal(srv.client(viewer.accessToken).delegations.create.mutate({ toUserId: engineer.userId, permissions: ["booking.create"], locationIds: [ids.paris], expiresAt: srv.clock.ms + hour }))).toMatchObject({ appCode: "FORBIDDEN" });

    // Revoked by someone else: refused; by an admin (users.manage): ends now.
    expect(await refusal(srv.client(engineer.accessToken).delegations.revoke.mutate({ id: loan.id }))).toMatchObject({ appCode: "FORBIDDEN" });
    const admin = await memberSession(srv, db, owner.tenantId, "admin");
    expect(await srv.client(admin.accessToken).delegations.revoke.mutate({ id: loan.id })).toMatchObject({ id: loan.id, active: false });
    const d = new SimDevice("desk-viewer");
    expect(statusOf((await pushAs(srv, viewer, [parisBooking(d)])).results[0]!)).toBe("FORBIDDEN");
    expect((await srv.client(frontDesk.accessToken).delegations.list.query()).given.map((g) => [g.id, g.active])).toEqual([[loan.id, false]]);
    const logged = await asAdmin(db, async (c) => (await c.query("SELECT action, user_id FROM audit_events WHERE row_id = $1 ORDER BY seq", [loan.id])).rows);
    expect(logged).toEqual([{ action: "delegation.created", user_id: frontDesk.userId }, { action: "delegation.revoked", user_id: admin.userId }]);
  });
});
