import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoreCaller } from "../../main/core/router/app-router";
import { locationInput, roomInput, SETUP } from "../../main/core/test-fixtures";
import { errorCodeOf } from "../../shared/app-error";
import { zonedToInstant } from "../../shared/zoned-time";
import { totp, TOTP_STEP_SECONDS } from "../../sync-server/src/accounts/totp";
import { createMailer } from "../../sync-server/src/accounts/mailer";
import { addMember } from "./support/members";
import { bodyOf, startSmtpInbox, type SmtpInbox } from "./support/smtp-inbox";
import { desktopComputers } from "./support/desktop-computers";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";
import { MEMBER_PASSWORD } from "./support/team";
import { syncInbox } from "../../main/core/account/sync-inbox";

/**
 * The desktop side: each sync round brings the person's access (role, scope, delegations) into
 * the core, which then refuses offline what the server would; and the `team.*` proxies.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let smtp: SmtpInbox;
const computer = desktopComputers("team");

beforeAll(async () => {
  smtp = await startSmtpInbox();
  db = await createTestDatabase("team_desktop");
  srv = await startTestSyncServer(db, { accessTokenTtlSeconds: 86_400, mailer: createMailer(smtp.url, "Studio <studio@example.com>", () => {}) });
});
afterAll(async () => {
  await srv?.close();
  await smtp?.close();
});

async function codeOf(call: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof call === "function" ? call() : call);
  } catch (e) {
    // A core caller's error is a TRPCError carrying the AppError as its cause.
    return errorCodeOf(e) ?? errorCodeOf((e as { cause?: unknown }).cause);
  }
  throw new Error("expected a refusal");
}

function tuesday(timeZone: string, hour: number): string {
  const day = new Date(Date.now() + 21 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((2 - day.getUTCDay() + 7) % 7));
  return new Date(zonedToInstant(timeZone, day.toISOString().slice(0, 10), hour * 60)).toISOString();
}

describe("the desktop with a studio account", () => {
  it("takes its scope from the server after a round, and refuses locally what lies outside it", async () => {
    const studio = computer("owner");
    studio.studio.setup(SETUP);
    const paris = studio.locations.list()[0]!;
    const parisRoom = studio.rooms.list()[0]!;
    const london = studio.locations.create(locationInput({ name: "London", timeZone: "Europe/London" }));
    const londonRoom = studio.rooms.create(roomInput(london.id, { name: "Live Room" }));
    const owner = await studio.account.signUp({ serverUrl: srv.server.url, ownerName: "Owner", email: "owner@desk.example", password: "long enough pw", deviceName: "Office" });
    expect(await studio.sync.syncNow()).toMatchObject({ state: "online", pending: 0 });
    const ownerCalls = createCoreCaller({ core: studio });

    const userId = await addMember(db, owner.tenantId!, "desk@desk.example", MEMBER_PASSWORD, "front_desk");
    const desk = computer("desk");
    await desk.account.logIn({ serverUrl: srv.server.url, email: "desk@desk.example", password: MEMBER_PASSWORD, deviceName: "Front desk" });
    await desk.sync.syncNow();
    expect(desk.access.snapshot()).toEqual({ role: "front_desk", locationIds: null, delegations: [] });
    expect(desk.locations.list().map((l) => l.name).sort()).toEqual(["London", "Lumière Paris"]);

    // The owner limits the desk to Paris from their own computer (team.* proxies the server).
    expect(await ownerCalls.team.members.setLocations({ userId, locationIds: [paris.id] })).toEqual({ userId, locationIds: [paris.id] });
    await desk.sync.syncNow();
    expect(desk.access.snapshot()).toEqual({ role: "front_desk", locationIds: [paris.id], delegations: [] });

    const outbox = () => (desk.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
    const before = outbox();
    // London left the desk with the narrower scope: a booking there is refused before any write
    // (not found here; access-guard.test.ts covers FORBIDDEN for a location the desk still holds).
    expect(desk.locations.list().map((l) => l.name)).toEqual(["Lumière Paris"]);
    expect(await codeOf(() => desk.bookings.create({ locationId: london.id, roomIds: [londonRoom.id], title: "London", startsAt: tuesday("Europe/London", 10), endsAt: tuesday("Europe/London", 12) }))).toBe("NOT_FOUND");
    expect(outbox()).toBe(before);
    expect(desk.bookings.create({ locationId: paris.id, roomIds: [parisRoom.id], title: "Paris", startsAt: tuesday("Europe/Paris", 10), endsAt: tuesday("Europe/Paris", 12) }).booking.title).toBe("Paris");
    expect(await desk.sync.syncNow()).toMatchObject({ pending: 0, rejected: 0 });

    // The server's refusal comes back with its code; a computer without an account says so.
    expect(await codeOf(createCoreCaller({ core: desk }).team.members.list())).toBe("FORBIDDEN");
    const members = await ownerCalls.team.members.list();
    expect(members.map((m) => m.role).sort()).toEqual(["front_desk", "owner"]);
    expect(await codeOf(createCoreCaller({ core: computer("alone") }).team.audit.list({ limit: 5 }))).toBe("NOT_CONNECTED");
    const audit = await ownerCalls.team.audit.list({ kind: "change", entity: "booking", limit: 5 });
    expect(audit.events[0]).toMatchObject({ action: "insert", userId, after: expect.objectContaining({ title: "Paris" }) });
  });

  it("pulls a location's rows again when the person's scope grows to include it", async () => {
    const studio = computer("grow-owner");
    studio.studio.setup(SETUP);
    const paris = studio.locations.list()[0]!;
    const london = studio.locations.create(locationInput({ name: "London", timeZone: "Europe/London" }));
    studio.rooms.create(roomInput(london.id, { name: "Live Room" }));
    const owner = await studio.account.signUp({ serverUrl: srv.server.url, ownerName: "Owner", email: "grow@desk.example", password: "long enough pw", deviceName: "Office" });
    await studio.sync.syncNow();
    const ownerCalls = createCoreCaller({ core: studio });
    const userId = await addMember(db, owner.tenantId!, "grow.desk@desk.example", MEMBER_PASSWORD, "front_desk");
    await ownerCalls.team.members.setLocations({ userId, locationIds: [paris.id] });

    const desk = computer("grow-desk");
    await desk.account.logIn({ serverUrl: srv.server.url, email: "grow.desk@desk.example", password: MEMBER_PASSWORD, deviceName: "Front desk" });
    await desk.sync.syncNow();
    expect(desk.locations.list().map((l) => l.name)).toEqual(["Lumière Paris"]);

    // London's rows are older than the desk's cursor: only a fresh pull brings them.
    await ownerCalls.team.members.setLocations({ userId, locationIds: null });
    await desk.sync.syncNow(); // brings the wider scope, which restarts the cursor
    await desk.sync.syncNow();
    expect(desk.locations.list().map((l) => l.name).sort()).toEqual(["London", "Lumière Paris"]);
    expect(desk.rooms.list().map((r) => r.name).sort()).toEqual(["Live Room", "Studio A"]);
  });

  it("drops the rows of a location the person may no longer see, and shows a change still pending there as refused", async () => {
    const studio = computer("narrow-owner");
    studio.studio.setup(SETUP);
    const paris = studio.locations.list()[0]!;
    const parisRoom = studio.rooms.list()[0]!;
    const london = studio.locations.create(locationInput({ name: "London", timeZone: "Europe/London" }));
    const londonRoom = studio.rooms.create(roomInput(london.id, { name: "Live Room" }));
    const londonBooking = studio.bookings.create({ locationId: london.id, roomIds: [londonRoom.id], title: "London", startsAt: tuesday("Europe/London", 10), endsAt: tuesday("Europe/London", 12) }).booking;
    studio.bookings.create({ locationId: paris.id, roomIds: [parisRoom.id], title: "Paris", startsAt: tuesday("Europe/Paris", 10), endsAt: tuesday("Europe/Paris", 12) });
    const owner = await studio.account.signUp({ serverUrl: srv.server.url, ownerName: "Owner", email: "narrow@desk.example", password: "long enough pw", deviceName: "Office" });
    await studio.sync.syncNow();
    const ownerCalls = createCoreCaller({ core: studio });
    const userId = await addMember(db, owner.tenantId!, "narrow.desk@desk.example", MEMBER_PASSWORD, "front_desk");

    const desk = computer("narrow-desk");
    await desk.account.logIn({ serverUrl: srv.server.url, email: "narrow.desk@desk.example", password: MEMBER_PASSWORD, deviceName: "Front desk" });
    await desk.sync.syncNow();
    expect(desk.bookings.list().rows.map((b) => b.title).sort()).toEqual(["London", "Paris"]);
    // Offline at the desk, a change to the London booking waits in the outbox.
    desk.sync.stop();
    desk.bookings.update({ id: londonBooking.id, patch: { title: "London, renamed offline" } });
    expect(desk.sync.status().pending).toBe(1);

    await ownerCalls.team.members.setLocations({ userId, locationIds: [paris.id] });
    desk.sync.start();
    const round = await desk.sync.syncNow();
    // The push came first: the server refused the change, which waits in the inbox with its content.
    expect(round).toMatchObject({ pending: 0, rejected: 1 });
    expect(syncInbox(desk).rejected).toMatchObject([{ entity: "booking", rowId: londonBooking.id, code: "LOCATION_FORBIDDEN", changes: { title: "London, renamed offline" } }]);
    // Then the narrower scope: London's rows left the desk, without a mutation of their own.
    expect(desk.access.snapshot()?.locationIds).toEqual([paris.id]);
    expect(desk.locations.list().map((l) => l.name)).toEqual(["Lumière Paris"]);
    expect(desk.rooms.list().map((r) => r.name)).toEqual(["Studio A"]);
    expect(desk.bookings.list().rows.map((b) => b.title)).toEqual(["Paris"]);
    expect(desk.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get()).toEqual({ n: 0 });
    // A later round changes nothing: the server sends nothing of London, the inbox keeps the refusal.
    await desk.sync.syncNow();
    expect(desk.locations.list()).toHaveLength(1);
    expect(syncInbox(desk).rejected).toHaveLength(1);
    // And the owner's own desk still holds everything.
    expect(studio.bookings.list().rows.map((b) => b.title).sort()).toEqual(["London", "Paris"]);
  });

  it("joins a studio on a fresh computer with an invitation's code, and gets the role it was given", async () => {
    const studio = computer("inviter");
    studio.studio.setup(SETUP);
    await studio.account.signUp({ serverUrl: srv.server.url, ownerName: "Owner", email: "inviter@desk.example", password: "long enough pw", deviceName: "Office" });
    await studio.sync.syncNow();
    const since = smtp.mails.length;
    await createCoreCaller({ core: studio }).team.members.invite({ email: "new.engineer@desk.example", role: "engineer", locationIds: null });
    const token = /^ {4}(\S+)\s*$/m.exec(bodyOf(await smtp.mailFor("new.engineer@desk.example", since)))![1]!;

    const fresh = computer("invitee");
    const status = await createCoreCaller({ core: fresh }).account.acceptInvitation({ serverUrl: srv.server.url, token, name: "Nina", password: "a long password 1", deviceName: "Control room" });
    expect(status).toMatchObject({ connected: true, email: "new.engineer@desk.example", role: "engineer" });
    await fresh.sync.syncNow();
    expect(fresh.studio.get().tenantId).toBe(studio.studio.get().tenantId);
    expect(fresh.access.snapshot()).toEqual({ role: "engineer", locationIds: null, delegations: [] });
    expect(await codeOf(() => fresh.clients.create({ kind: "person", name: "Not mine to add" }))).toBe("FORBIDDEN");
  });

  it("passes TOTP_REQUIRED through logIn, then logs in with the code", async () => {
    const studio = computer("totp-owner");
    studio.studio.setup(SETUP);
    await studio.account.signUp({ serverUrl: srv.server.url, ownerName: "Owner", email: "totp@desk.example", password: "long enough pw", deviceName: "Office" });
    const calls = createCoreCaller({ core: studio });
    const { secret } = await calls.team.security.totpBegin();
    const { backupCodes } = await calls.team.security.totpConfirm({ code: totp(secret, srv.clock.ms) });
    expect(backupCodes).toHaveLength(10);
    expect(await calls.team.security.status()).toMatchObject({ totpEnabled: true, backupCodesLeft: 10 });

    const laptop = computer("totp-laptop");
    const form = { serverUrl: srv.server.url, email: "totp@desk.example", password: "long enough pw", deviceName: "Laptop" };
    expect(await codeOf(laptop.account.logIn(form))).toBe("TOTP_REQUIRED");
    expect(laptop.account.status().connected).toBe(false);
    srv.clock.advance(TOTP_STEP_SECONDS * 1000);
    expect(await laptop.account.logIn({ ...form, totpCode: totp(secret, srv.clock.ms) })).toMatchObject({ connected: true, role: "owner" });
    expect(await codeOf(computer("totp-2").account.logIn({ ...form, backupCode: "WRONG-CODE1" }))).toBe("TOTP_INVALID");
  });
});
