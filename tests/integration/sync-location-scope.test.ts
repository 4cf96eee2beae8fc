import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../shared/ids";
import type { MembershipRole, SessionTokens } from "../../shared/schemas/account";
import type { PulledChange, PushedMutation } from "../../shared/sync/protocol";
import { decodePullPage } from "../../shared/sync/pull-wire";
import { addMember } from "./support/members";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { bookingWire, clientWire, equipmentWire, locationWire, roomWire, SimDevice, staffWire } from "./support/sync-device";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * Members limited to some locations (membership_locations): pull leaves out the other locations'
 * rows, push refuses changes to them (LOCATION_FORBIDDEN), and staff may not change the studio or
 * its locations (FORBIDDEN). Scopes are set straight in the database: there is no API for them yet.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
const studio = signUpInput("scope");
const d = new SimDevice("desk-owner");
/** Rows of the studio, by what they are: Paris (sign-up's location, allowed) and Lyon (not). */
const ids = {} as Record<"paris" | "lyon" | "parisRoom" | "lyonRoom" | "parisGear" | "lyonGear" | "parisBooking" | "lyonBooking" | "roaming" | "lyonEngineer" | "client" | "roamingTimeOff" | "lyonTimeOff" | "lyonMaintenance", string>;

async function member(role: MembershipRole, locations: string[] | "all"): Promise<SessionTokens> {
  const email = `${role}.${uuidv7().slice(-8)}@example.com`;
  const userId = await addMember(db, owner.tenantId, email, "member password 1", role);
  if (locations !== "all") await setScope(userId, locations);
  return srv.client().accounts.logIn.mutate({ email, password: "member password 1", device: { name: `${role} desk` } });
}

async function setScope(userId: string, locations: string[]): Promise<void> {
  await asAdmin(db, async (c) => {
    for (const l of locations) await c.query("INSERT INTO membership_locations (tenant_id, user_id, location_id) VALUES ($1, $2, $3)", [owner.tenantId, userId, l]);
  });
}

const pushAs = (t: SessionTokens, mutations: PushedMutation[]) => srv.client(t.accessToken).sync.push.mutate({ mutations });
const statusOf = (r: { status: string; code?: string }) => (r.status === "rejected" ? r.code : r.status);

async function pulledIds(t: SessionTokens): Promise<Set<string>> {
  const out: PulledChange[] = [];
  for (let cursor = 0; ; ) {
    const page = await srv.client(t.accessToken).sync.pull.query({ cursor, limit: 3 });
    out.push(...decodePullPage(page));
    cursor = page.cursor;
    if (!page.hasMore) return new Set(out.map((c) => c.rowId));
  }
}

const start = Date.UTC(2027, 4, 4, 9);
const hour = 3600_000;

beforeAll(async () => {
  db = await createTestDatabase("location_scope");
  srv = await startTestSyncServer(db);
  owner = await srv.client().accounts.signUp.mutate(studio);
  const paris = (await asAdmin(db, async (c) => (await c.query("SELECT id FROM locations WHERE tenant_id = $1", [owner.tenantId])).rows[0].id)) as string;
  const lyon = d.insert("location", locationWire("Lyon"));
  const parisRoom = d.insert("room", roomWire(paris, "Paris A"));
  const lyonRoom = d.insert("room", roomWire(lyon.rowId, "Lyon A"));
  const parisGear = d.insert("equipment", equipmentWire(paris, "U87 Paris"));
  const lyonGear = d.insert("equipment", equipmentWire(lyon.rowId, "U87 Lyon"));
  const parisBooking = d.insert("booking", bookingWire({ locationId: paris, roomIds: [parisRoom.rowId], startsAt: start, endsAt: start + 2 * hour }));
  const lyonBooking = d.insert("booking", bookingWire({ locationId: lyon.rowId, roomIds: [lyonRoom.rowId], startsAt: start, endsAt: start + 2 * hour }));
  const roaming = d.insert("staff", staffWire("Roaming engineer"));
  const lyonEngineer = d.insert("staff", { ...staffWire("Lyon engineer"), locationId: lyon.rowId });
  const client = d.insert("client", clientWire("Ada"));
  // Time off and maintenance are where their engineer and gear are.
  const roamingTimeOff = d.insert("staff_time_off", { staffId: roaming.rowId, startsAt: start, endsAt: start + hour, reason: null });
  const lyonTimeOff = d.insert("staff_time_off", { staffId: lyonEngineer.rowId, startsAt: start, endsAt: start + hour, reason: "Holidays" });
  const lyonMaintenance = d.insert("equipment_maintenance", { equipmentId: lyonGear.rowId, startsAt: start, endsAt: start + hour, quantity: null, reason: null });
  const all = [lyon, parisRoom, lyonRoom, parisGear, lyonGear, parisBooking, lyonBooking, roaming, lyonEngineer, client, roamingTimeOff, lyonTimeOff, lyonMaintenance];
  const { results } = await pushAs(owner, all);
  expect(results.map(statusOf)).toEqual(all.map(() => "applied"));
  Object.assign(ids, {
    paris,
    lyon: lyon.rowId,
    parisRoom: parisRoom.rowId,
    lyonRoom: lyonRoom.rowId,
    parisGear: parisGear.rowId,
    lyonGear: lyonGear.rowId,
    parisBooking: parisBooking.rowId,
    lyonBooking: lyonBooking.rowId,
    roaming: roaming.rowId,
    lyonEngineer: lyonEngineer.rowId,
    client: client.rowId,
    roamingTimeOff: roamingTimeOff.rowId,
    lyonTimeOff: lyonTimeOff.rowId,
    lyonMaintenance: lyonMaintenance.rowId,
  });
});
afterAll(async () => {
  await srv?.close();
});

const EVERY_ROW = () => [owner.tenantId, ...Object.values(ids)];
const LYON_ROWS = () => [ids.lyon, ids.lyonRoom, ids.lyonGear, ids.lyonBooking, ids.lyonEngineer, ids.lyonTimeOff, ids.lyonMaintenance];

describe("pull", () => {
  it("gives a member limited to Paris the studio, Paris' rows and studio-wide ones, and nothing of Lyon", async () => {
    const parisAdmin = await member("admin", [ids.paris]);
    const seen = await pulledIds(parisAdmin);
    for (const id of LYON_ROWS()) expect(seen.has(id), id).toBe(false);
    expect([...seen].sort()).toEqual(EVERY_ROW().filter((id) => !LYON_ROWS().includes(id)).sort());
  });

  it("gives every row to a member with no locations listed, and to the owner whatever is listed", async () => {
    const everywhere = await member("front_desk", "all");
    expect([...(await pulledIds(everywhere))].sort()).toEqual(EVERY_ROW().sort());
    await setScope(owner.userId, [ids.paris]);
    try {
      expect([...(await pulledIds(owner))].sort()).toEqual(EVERY_ROW().sort());
    } finally {
      await asAdmin(db, (c) => c.query("DELETE FROM membership_locations WHERE user_id = $1", [owner.userId]));
    }
  });
});

describe("push", () => {
  it("refuses a limited member's changes to another location's rows, and writes nothing of them", async () => {
    const parisAdmin = await member("admin", [ids.paris]);
    const m = new SimDevice("desk-paris");
    const refused = [
      m.update("room", ids.lyonRoom, { name: "Mine now" }),
      // Moving a permitted room to a forbidden location.
      m.update("room", ids.parisRoom, { locationId: ids.lyon }),
      m.update("location", ids.lyon, { name: "Lyon (renamed)" }),
      m.insert("location", locationWire("Marseille")),
      m.update("equipment", ids.lyonGear, { quantity: 5 }),
      m.update("staff", ids.lyonEngineer, { notes: "x" }),
      m.update("booking", ids.lyonBooking, { title: "Taken over" }),
      // A booking at Paris holding Lyon's room.
      m.insert("booking", bookingWire({ locationId: ids.paris, roomIds: [ids.lyonRoom], startsAt: start + 5 * hour, endsAt: start + 6 * hour })),
      // Time off for Lyon's engineer, and changing Lyon's gear's maintenance window.
      m.insert("staff_time_off", { staffId: ids.lyonEngineer, startsAt: start + 9 * hour, endsAt: start + 10 * hour, reason: null }),
      m.update("equipment_maintenance", ids.lyonMaintenance, { reason: "x" }),
    ];
    const { results } = await pushAs(parisAdmin, refused);
    expect(results.map(statusOf)).toEqual(refused.map(() => "LOCATION_FORBIDDEN"));

    const allowed = [
      m.update("room", ids.parisRoom, { notes: "Fresh strings" }),
      m.update("location", ids.paris, { phone: "+33 1 23 45 67 89" }),
      m.update("staff", ids.roaming, { notes: "Also in Paris" }),
      m.update("client", ids.client, { notes: "Pays on time" }),
      m.update("staff_time_off", ids.roamingTimeOff, { reason: "Conference" }),
      m.insert("booking", bookingWire({ locationId: ids.paris, roomIds: [ids.parisRoom], startsAt: start + 5 * hour, endsAt: start + 6 * hour })),
    ];
    expect((await pushAs(parisAdmin, allowed)).results.map(statusOf)).toEqual(allowed.map(() => "applied"));

    const rows = await asAdmin(db, async (c) => ({
      lyonRoom: (await c.query("SELECT name FROM rooms WHERE id = $1", [ids.lyonRoom])).rows[0].name as string,
      parisRoom: (await c.query("SELECT location_id::text AS l, notes FROM rooms WHERE id = $1", [ids.parisRoom])).rows[0] as { l: string; notes: string },
      lyon: (await c.query("SELECT name FROM locations WHERE id = $1", [ids.lyon])).rows[0].name as string,
      locations: (await c.query("SELECT count(*)::int AS n FROM locations WHERE tenant_id = $1", [owner.tenantId])).rows[0].n as number,
    }));
    expect(rows).toEqual({ lyonRoom: "Lyon A", parisRoom: { l: ids.paris, notes: "Fresh strings" }, lyon: "Lyon", locations: 2 });

    // Decided once: the same push replayed gets the same refusals.
    expect((await pushAs(parisAdmin, refused)).results).toEqual(results);
  });

  it("refuses staff changes to the studio and its locations (FORBIDDEN), not to their daily work", async () => {
    const staff = await member("front_desk", "all");
    const m = new SimDevice("desk-staff");
    const { results } = await pushAs(staff, [
      m.update("studio", owner.tenantId, { name: "Staff's studio" }),
      m.update("location", ids.paris, { name: "Paris (staff)" }),
      m.insert("location", locationWire("Nantes")),
      m.update("client", ids.client, { phone: "+33 6 00 00 00 00" }),
      m.update("booking", ids.parisBooking, { notes: "Bring the tapes" }),
    ]);
    expect(results.map(statusOf)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "applied", "applied"]);
    expect(await srv.client(owner.accessToken).accounts.me.query()).toMatchObject({ studioName: studio.studioName });
  });
});
