import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../shared/ids";
import type { MembershipRole, SessionTokens } from "../../shared/schemas/account";
import type { PushedMutation } from "../../shared/sync/protocol";
import { migrate } from "../../sync-server/src/db/migrate";
import { PG_MIGRATIONS } from "../../sync-server/src/db/migrations";
import { asAdmin, createEmptyDatabase, createTestDatabase, type TestDatabase } from "./support/postgres";
import { bookingWire, clientWire, locationWire, roomWire, SimDevice } from "./support/sync-device";
import { refusal, signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";
import { firstLocation, memberSession, pushAs, statusOf } from "./support/team";

/**
 * The shared role matrix on the server: the 7 roles in memberships (staff → front_desk), and every
 * pushed mutation checked with mutationPermissions + can at each location it touches.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
const ids = {} as Record<"paris" | "london" | "parisRoom" | "londonRoom" | "parisBooking" | "londonBooking" | "client", string>;
const start = Date.UTC(2027, 4, 4, 9);
const hour = 3600_000;

beforeAll(async () => {
  db = await createTestDatabase("team_roles");
  srv = await startTestSyncServer(db);
  owner = await srv.client().accounts.signUp.mutate(signUpInput("roles"));
  const d = new SimDevice("desk-owner");
  const paris = await firstLocation(db, owner.tenantId);
  const london = d.insert("location", { ...locationWire("London"), timeZone: "Europe/London" });
  const parisRoom = d.insert("room", roomWire(paris, "Paris A"));
  const londonRoom = d.insert("room", roomWire(london.rowId, "London A"));
  const parisBooking = d.insert("booking", bookingWire({ locationId: paris, roomIds: [parisRoom.rowId], startsAt: start, endsAt: start + 2 * hour }));
  const londonBooking = d.insert("booking", bookingWire({ locationId: london.rowId, roomIds: [londonRoom.rowId], startsAt: start, endsAt: start + 2 * hour }));
  const client = d.insert("client", clientWire("Ada"));
  const all = [london, parisRoom, londonRoom, parisBooking, londonBooking, client];
  expect((await pushAs(srv, owner, all)).results.map(statusOf)).toEqual(all.map(() => "applied"));
  Object.assign(ids, { paris, london: london.rowId, parisRoom: parisRoom.rowId, londonRoom: londonRoom.rowId, parisBooking: parisBooking.rowId, londonBooking: londonBooking.rowId, client: client.rowId });
});
afterAll(async () => {
  await srv?.close();
});

describe("roles migration", () => {
  it("turns the old staff role into front_desk, allows the seven roles, and goes back down", async () => {
    const empty = await createEmptyDatabase("roles_migration");
    const before = PG_MIGRATIONS.findIndex((m) => m.name.startsWith("roles,"));
    expect(before).toBeGreaterThan(0);
    await migrate(empty.admin, { target: before });
    const tenant = uuidv7();
    const user = uuidv7();
    await asAdmin(empty, async (c) => {
      await c.query("INSERT INTO tenants (tenant_id, name, created_at) VALUES ($1, 'Old studio', now())", [tenant]);
      await c.query("INSERT INTO users (id, email, email_key, name, password_hash, password_changed_at, created_at) VALUES ($1, 'old@x.fr', 'old@x.fr', 'Old', 'x', now(), now())", [user]);
      await c.query("INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES ($1, $2, 'staff', now())", [tenant, user]);
    });
    const roleNow = () => asAdmin(empty, async (c) => (await c.query<{ role: string }>("SELECT role FROM memberships WHERE user_id = $1", [user])).rows[0]!.role);
    await migrate(empty.admin, { target: before + 1 });
    expect(await roleNow()).toBe("front_desk");
    await asAdmin(empty, (c) => c.query("UPDATE memberships SET role = 'accountant' WHERE user_id = $1", [user]));
    await expect(asAdmin(empty, (c) => c.query("UPDATE memberships SET role = 'staff' WHERE user_id = $1", [user]))).rejects.toThrow(/memberships_role_check/);
    await migrate(empty.admin, { target: before });
    expect(await roleNow()).toBe("staff");
  });
});

type Build = (d: SimDevice) => PushedMutation;
const booking = (locationId: () => string, roomId: () => string, offsetHours: number): Build => (d) =>
  d.insert("booking", bookingWire({ locationId: locationId(), roomIds: [roomId()], startsAt: start + offsetHours * hour, endsAt: start + (offsetHours + 1) * hour }));

const CASES: [string, MembershipRole, "paris" | null, Build, string][] = [
  ["a Paris front desk books in Paris", "front_desk", "paris", booking(() => ids.paris, () => ids.parisRoom, 10), "applied"],
  ["a Paris front desk's forged push of a London booking", "front_desk", "paris", booking(() => ids.london, () => ids.londonRoom, 10), "LOCATION_FORBIDDEN"],
  ["a Paris front desk's booking at Paris holding London's room", "front_desk", "paris", booking(() => ids.paris, () => ids.londonRoom, 12), "LOCATION_FORBIDDEN"],
  ["a Paris front desk moving London's booking", "front_desk", "paris", (d) => d.update("booking", ids.londonBooking, { startsAt: start + hour }), "LOCATION_FORBIDDEN"],
  ["a Paris front desk adds a client (studio-wide)", "front_desk", "paris", (d) => d.insert("client", clientWire("Grace")), "applied"],
  ["a front desk changes a room's rate", "front_desk", null, (d) => d.update("room", ids.parisRoom, { hourlyRateCents: 1 }), "FORBIDDEN"],
  ["a front desk renames a location", "front_desk", null, (d) => d.update("location", ids.paris, { name: "Paris 2" }), "FORBIDDEN"],
  ["an engineer changes a booking's time", "engineer", null, (d) => d.update("booking", ids.parisBooking, { startsAt: start - hour, occupiedFrom: start - hour }), "FORBIDDEN"],
  ["an engineer writes a booking's notes", "engineer", null, (d) => d.update("booking", ids.parisBooking, { notes: "Take 3 was the one" }), "applied"],
  ["an engineer's 'update' of an unknown booking is judged as a new booking", "engineer", null, (d) => ({ ...booking(() => ids.paris, () => ids.parisRoom, 20)(d), op: "update" }), "FORBIDDEN"],
  ["an engineer cancels a booking", "engineer", null, (d) => d.update("booking", ids.parisBooking, { status: "cancelled" }), "FORBIDDEN"],
  ["a viewer adds a client", "viewer", null, (d) => d.insert("client", clientWire("Linus")), "FORBIDDEN"],
  ["an accountant writes a booking's notes", "accountant", null, (d) => d.update("booking", ids.parisBooking, { notes: "Invoice sent" }), "FORBIDDEN"],
  ["a manager changes a room's rate", "manager", null, (d) => d.update("room", ids.parisRoom, { hourlyRateCents: 6000 }), "applied"],
  ["a manager changes the studio's settings", "manager", null, (d) => d.update("studio", owner.tenantId, { defaultDepositBp: 0 }), "FORBIDDEN"],
  ["an admin changes the studio's settings", "admin", null, (d) => d.update("studio", owner.tenantId, { defaultDepositBp: 2500 }), "applied"],
];

describe("push enforcement", () => {
  it.each(CASES)("%s → %s", async (_name, role, scope, build, expected) => {
    const member = await memberSession(srv, db, owner.tenantId, role, scope ? [ids[scope]] : undefined);
    const m = build(new SimDevice(`desk-${role}`));
    const { results } = await pushAs(srv, member, [m]);
    expect(statusOf(results[0]!)).toBe(expected);
    if (results[0]!.status === "rejected") expect(results[0]!.message).toMatch(/booking\.|client\.|room\.|location\.|studio\./);
  });

  it("says which permission was missing, writes nothing refused, and applies an engineer's notes but not their time change", async () => {
    const engineer = await memberSession(srv, db, owner.tenantId, "engineer");
    const d = new SimDevice("desk-engineer-2");
    const { results } = await pushAs(srv, engineer, [d.update("booking", ids.parisBooking, { endsAt: start + 5 * hour, notes: "Long session" }), d.update("booking", ids.parisBooking, { notes: "Mix on Friday" })]);
    expect(results.map(statusOf)).toEqual(["FORBIDDEN", "applied"]);
    expect(results[0]).toMatchObject({ message: expect.stringContaining("booking.edit") });
    const row = await asAdmin(db, async (c) => (await c.query("SELECT notes, ends_at FROM bookings WHERE id = $1", [ids.parisBooking])).rows[0] as { notes: string; ends_at: Date });
    expect(row).toEqual({ notes: "Mix on Friday", ends_at: new Date(start + 2 * hour) });
  });

  it("a removed member's push is refused whole, whatever the token still says", async () => {
    const frontDesk = await memberSession(srv, db, owner.tenantId, "front_desk");
    await asAdmin(db, (c) => c.query("DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2", [owner.tenantId, frontDesk.userId]));
    expect(await refusal(pushAs(srv, frontDesk, [new SimDevice("gone").insert("client", clientWire("Late"))]))).toMatchObject({ appCode: "FORBIDDEN" });
  });
});

describe("accounts.access and permission procedures", () => {
  it("gives the caller's role, scope and live delegations; devices.manage opens the device list to an admin, not a manager", async () => {
    const frontDesk = await memberSession(srv, db, owner.tenantId, "front_desk", [ids.paris]);
    expect(await srv.client(frontDesk.accessToken).accounts.access.query()).toEqual({ role: "front_desk", locationIds: [ids.paris], delegations: [] });
    expect(await srv.client(owner.accessToken).accounts.access.query()).toEqual({ role: "owner", locationIds: null, delegations: [] });
    const admin = await memberSession(srv, db, owner.tenantId, "admin");
    expect((await srv.client(admin.accessToken).devices.list.query()).length).toBeGreaterThan(1);
    const manager = await memberSession(srv, db, owner.tenantId, "manager");
    expect(await refusal(srv.client(manager.accessToken).devices.list.query())).toMatchObject({ appCode: "FORBIDDEN", details: { permission: "devices.manage" } });
  });
});
