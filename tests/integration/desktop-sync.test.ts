import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import { zonedToInstant } from "../../shared/zoned-time";
import { locationInput, roomInput, tempDir } from "../../main/core/test-fixtures";
import { createStudioCore, type StudioCore } from "../../main/core/studio-core";
import type { SyncEngine, SyncTransport } from "../../main/core/sync/sync-engine";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { deskRows, serverRows } from "./support/replica-rows";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * The desktop sync engine against the real sync-server and Postgres: three desks of one studio,
 * each a studio core on its own SQLite file, editing offline and syncing in different orders.
 */
interface Desk {
  core: StudioCore;
  engine: SyncEngine;
  close(): void;
}

let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
let a: Desk;
let b: Desk;
let c: Desk;
const signUp = signUpInput("desktop");

const transportOf = (t: SessionTokens): SyncTransport => {
  const client = srv.client(t.accessToken);
  return { push: (input) => client.sync.push.mutate(input), pull: (input) => client.sync.pull.query(input) };
};

function desk(tokens: SessionTokens, label: string): Desk {
  const tmp = tempDir(`rsm-sync-${label}-`);
  const core = createStudioCore({ databaseFile: tmp.file() });
  // Every desk starts empty and becomes a replica of the studio created at sign-up.
  core.adoptServerStudio({ tenantId: tokens.tenantId, name: signUp.studioName });
  return { core, engine: core.createSyncEngine(transportOf(tokens), { deviceId: tokens.deviceId }), close: () => (core.close(), tmp.cleanup()) };
}

beforeAll(async () => {
  db = await createTestDatabase("desktop_sync");
  srv = await startTestSyncServer(db);
  owner = await srv.client().accounts.signUp.mutate(signUp);
  const logIn = (name: string) => srv.client().accounts.logIn.mutate({ email: signUp.owner.email, password: signUp.owner.password, device: { name } });
  a = desk(owner, "a");
  b = desk(await logIn("Desk B"), "b");
  c = desk(await logIn("Desk C"), "c");
});
afterAll(async () => {
  for (const d of [a, b, c]) d?.close();
  await srv?.close();
});

async function expectConverged(): Promise<void> {
  const server = await serverRows(srv.client(owner.accessToken));
  for (const d of [a, b, c]) {
    expect(deskRows(d.core)).toEqual(server);
    expect(d.engine.status()).toMatchObject({ state: "online", pending: 0, lastError: null });
  }
}

/** A Tuesday three weeks ahead, on Paris' wall clock (open 10:00–22:00 at sign-up). */
function parisTuesday(hour: number): string {
  const day = new Date(Date.now() + 21 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((2 - day.getUTCDay() + 7) % 7));
  return new Date(zonedToInstant("Europe/Paris", day.toISOString().slice(0, 10), hour * 60)).toISOString();
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
let roomId: string;
let adaId: string;

describe("desktop sync engine", () => {
  it("first pull gives every empty desk the studio's location, then each desk's edits reach the others", async () => {
    for (const d of [a, b, c]) await d.engine.syncOnce();
    for (const d of [a, b, c]) expect(d.core.locations.list().map((l) => l.name)).toEqual(["Paris"]);
    const paris = a.core.locations.list()[0]!;
    roomId = a.core.rooms.create(roomInput(paris.id, { name: "Studio A" })).id;
    adaId = a.core.clients.create({ kind: "person", name: "Ada Lovelace" }).id;
    expect(await a.engine.syncOnce()).toMatchObject({ applied: 2, rejected: 0 });
    await b.engine.syncOnce();
    await c.engine.syncOnce();
    await expectConverged();
    // Derived locally from pulled rows: the accent-insensitive search text.
    expect(c.core.clients.list({ search: "lovelace" }).map((x) => x.id)).toEqual([adaId]);
  });

  it("edits made offline on three desks converge whatever the order of syncing, per field last writer wins", async () => {
    a.core.clients.update(adaId, { phone: "+33 1 23 45 67 89" });
    a.core.rooms.update(roomId, { capacity: 7 });
    const bob = a.core.clients.create({ kind: "person", name: "Bob Dylan" }).id;
    const lyon = b.core.locations.create(locationInput({ name: "Lyon", timeZone: "Europe/Paris" })).id;
    b.core.rooms.create(roomInput(lyon, { name: "Live Room" }));
    b.core.clients.update(adaId, { email: "ada@example.com" });
    await pause(5);
    // Later than A's capacity edit: it wins on every desk, while A's phone and B's email both stay.
    c.core.rooms.update(roomId, { capacity: 9 });
    c.core.clients.update(adaId, { notes: "Prefers mornings" });

    await c.engine.syncOnce();
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    await c.engine.syncOnce();

    await expectConverged();
    for (const d of [a, b, c]) {
      expect(d.core.rooms.get(roomId).capacity).toBe(9);
      expect(d.core.clients.get(adaId)).toMatchObject({ phone: "+33 1 23 45 67 89", email: "ada@example.com", notes: "Prefers mornings" });
      expect(d.core.clients.find(bob)?.name).toBe("Bob Dylan");
      expect(d.core.rooms.list().map((r) => r.name).sort()).toEqual(["Live Room", "Studio A"]);
    }
  });

  it("the same room booked offline on two desks: one confirmed, the other kept as conflict on both, nothing lost", async () => {
    const locationId = a.core.locations.list().find((l) => l.name === "Paris")!.id;
    const fromA = a.core.bookings.create({ locationId, roomIds: [roomId], startsAt: parisTuesday(14), endsAt: parisTuesday(16), title: "Ada vocals", clientId: adaId }).booking.id;
    const fromB = b.core.bookings.create({ locationId, roomIds: [roomId], startsAt: parisTuesday(15), endsAt: parisTuesday(17), title: "Drums" }).booking.id;

    expect(await b.engine.syncOnce()).toMatchObject({ applied: 1, conflicts: 0 });
    expect(await a.engine.syncOnce()).toMatchObject({ applied: 0, conflicts: 1 });
    await b.engine.syncOnce();
    await c.engine.syncOnce();

    for (const d of [a, b, c]) {
      expect(d.core.bookings.get(fromB).status).toBe("confirmed");
      expect(d.core.bookings.get(fromA).status).toBe("conflict");
    }
    // The pulled booking was indexed and is found by search on the desk that did not make it.
    expect(b.core.bookings.list({ search: "vocals" }).rows.map((r) => r.id)).toEqual([fromA]);
    await expectConverged();
  });

  it("a weekly series, an engineer's time off and gear out for maintenance reach every desk, and the other desks' checks use them", async () => {
    const locationId = a.core.locations.list().find((l) => l.name === "Paris")!.id;
    const engineer = a.core.staff.create({ name: "Hugo", role: "engineer", hourlyRateCents: 4000, dayRateCents: 30000, colour: "#22c55e" });
    const mic = a.core.equipment.create({ locationId, name: "U87", category: "microphone", quantity: 1, dailyRateCents: 1500 });
    const series = a.core.bookings.createSeries({ locationId, roomIds: [roomId], startsAt: parisTuesday(10), endsAt: parisTuesday(12), title: "Weekly rehearsal", rrule: "FREQ=WEEKLY;COUNT=3" });
    a.core.bookings.blockouts.addTimeOff({ staffId: engineer.id, startsAt: parisTuesday(18), endsAt: parisTuesday(20), reason: "Dentist" });
    a.core.bookings.blockouts.addMaintenance({ equipmentId: mic.id, startsAt: parisTuesday(18), endsAt: parisTuesday(20), reason: "Capsule" });

    expect(await a.engine.syncOnce()).toMatchObject({ rejected: 0 });
    await b.engine.syncOnce();
    expect(b.core.bookings.list({ search: "rehearsal" }).rows).toHaveLength(3);
    expect(b.core.db.prepare("SELECT rrule FROM booking_series WHERE id = ?").get(series.seriesId)).toEqual({ rrule: "FREQ=WEEKLY;COUNT=3" });
    const onB = b.core.bookings.check({ locationId, roomIds: [roomId], staffIds: [engineer.id], equipment: [{ equipmentId: mic.id, quantity: 1 }], startsAt: parisTuesday(18), endsAt: parisTuesday(19) });
    expect(onB.failures.map((f) => f.code).sort()).toEqual(["GEAR_MAINTENANCE", "STAFF_TIME_OFF"]);
    await c.engine.syncOnce();
    await a.engine.syncOnce();
  });

  it("a push replayed after a crash before the outbox was cleared changes nothing", async () => {
    a.core.clients.update(adaId, { notes: "Replayed" });
    await a.engine.syncOnce();
    const before = await serverRows(srv.client(owner.accessToken));
    const sent = (a.core.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'sent'").get() as { n: number }).n;
    expect(sent).toBeGreaterThan(0);
    // As if the app died after the server answered but before the outcomes were recorded.
    a.core.db.prepare("UPDATE outbox SET status = 'pending', result_version = NULL WHERE status = 'sent'").run();

    const report = await a.engine.syncOnce();
    expect(report.applied + report.conflicts).toBe(sent);
    expect(report.rejected).toBe(0);
    expect(await serverRows(srv.client(owner.accessToken))).toEqual(before);
    await b.engine.syncOnce();
    await c.engine.syncOnce();
    await expectConverged();
  });
});
