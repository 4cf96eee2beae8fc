import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../shared/ids";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { addMember } from "./support/members";
import { refusal, signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

let db: TestDatabase;
let srv: TestSyncServer;

beforeAll(async () => {
  db = await createTestDatabase("accounts");
  srv = await startTestSyncServer(db);
});
afterAll(async () => {
  await srv?.close();
});

const MINUTE = 60_000;

describe("sign-up", () => {
  it("creates the studio, its owner, first location and device, and returns a working session", async () => {
    const input = signUpInput("signup");
    const session = await srv.client().accounts.signUp.mutate(input);
    expect(session).toMatchObject({ role: "owner", accessToken: expect.any(String), refreshToken: expect.stringContaining(session.tenantId) });
    expect(session.accessTokenExpiresAt).toBe(Math.floor(srv.clock.ms / 1000) * 1000 + 900_000);
    const me = await srv.client(session.accessToken).accounts.me.query();
    expect(me).toEqual({
      userId: session.userId,
      email: input.owner.email,
      name: input.owner.name,
      tenantId: session.tenantId,
      studioName: input.studioName,
      role: "owner",
      deviceId: session.deviceId,
    });
    const rows = await asAdmin(db, async (c) => ({
      tenant: (await c.query("SELECT plan FROM tenants WHERE tenant_id = $1", [session.tenantId])).rows,
      location: (await c.query("SELECT name, version, field_hlc ? 'openingHours' AS stamped FROM locations WHERE tenant_id = $1", [session.tenantId])).rows,
      hash: (await c.query("SELECT password_hash FROM users WHERE id = $1", [session.userId])).rows[0].password_hash as string,
    }));
    expect(rows.tenant).toEqual([{ plan: "trial" }]);
    expect(rows.location).toEqual([{ name: "Paris", version: "1", stamped: true }]);
    expect(rows.hash).toMatch(/^scrypt\$N=\d+,r=\d+,p=\d+\$/);
    expect(rows.hash).not.toContain(input.owner.password);
  });

  it("keeps the desktop's own tenant id when it sends one, and refuses it twice", async () => {
    const tenantId = uuidv7();
    const session = await srv.client().accounts.signUp.mutate(signUpInput("own-id", { tenantId }));
    expect(session.tenantId).toBe(tenantId);
    const again = await refusal(srv.client().accounts.signUp.mutate(signUpInput("own-id-2", { tenantId })));
    expect(again).toMatchObject({ appCode: "ALREADY_INITIALIZED", httpStatus: 409 });
  });

  it("refuses an email already in use (any case), and invalid fields with their messages", async () => {
    await srv.client().accounts.signUp.mutate(signUpInput("taken"));
    const dup = signUpInput("taken-2");
    dup.owner.email = "OWNER.taken@Example.com";
    expect(await refusal(srv.client().accounts.signUp.mutate(dup))).toMatchObject({ appCode: "EMAIL_TAKEN", httpStatus: 409 });

    const bad = signUpInput("bad");
    bad.owner.password = "short";
    bad.owner.email = "not-an-email";
    const invalid = await refusal(srv.client().accounts.signUp.mutate(bad));
    expect(invalid).toMatchObject({ appCode: "VALIDATION_FAILED", httpStatus: 400 });
    expect(invalid.fieldErrors).toEqual({ "owner.email": ["v.email"], "owner.password": ["v.passwordTooShort"] });
  });
});

describe("log-in", () => {
  it("opens a session on a new device with the right password, whatever the email's case", async () => {
    const input = signUpInput("login");
    const owner = await srv.client().accounts.signUp.mutate(input);
    srv.clock.advance(1000);
    const session = await srv.client().accounts.logIn.mutate({ email: input.owner.email.toUpperCase(), password: input.owner.password, device: { name: "Laptop" } });
    expect(session).toMatchObject({ tenantId: owner.tenantId, userId: owner.userId, role: "owner" });
    expect(session.deviceId).not.toBe(owner.deviceId);
    // The same live device logging in again keeps its id.
    const again = await srv.client().accounts.logIn.mutate({ email: input.owner.email, password: input.owner.password, device: { id: session.deviceId, name: "Laptop 2" } });
    expect(again.deviceId).toBe(session.deviceId);
    const devices = await srv.client(owner.accessToken).devices.list.query();
    expect(devices.map((d) => [d.name, d.current])).toEqual([
      ["Laptop 2", false],
      [input.device.name, true],
    ]);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const input = signUpInput("wrong");
    await srv.client().accounts.signUp.mutate(input);
    const wrong = await refusal(srv.client().accounts.logIn.mutate({ email: input.owner.email, password: "nope nope nope", device: { name: "x" } }));
    const unknown = await refusal(srv.client().accounts.logIn.mutate({ email: "nobody@example.com", password: "nope nope nope", device: { name: "x" } }));
    expect(wrong).toMatchObject({ appCode: "INVALID_CREDENTIALS", httpStatus: 401 });
    expect(unknown).toEqual(wrong);
  });

  it("after 5 failures in 15 minutes from one address, refuses even the right password, with retry-after", async () => {
    const input = signUpInput("throttle");
    await srv.client().accounts.signUp.mutate(input);
    const from = (ip: string, password: string) => srv.client(undefined, ip).accounts.logIn.mutate({ email: input.owner.email, password, device: { name: "x" } });
    for (let i = 0; i < 5; i++) {
      expect((await refusal(from("203.0.113.7", `guess number ${i}`))).appCode).toBe("INVALID_CREDENTIALS");
      srv.clock.advance(MINUTE);
    }
    const throttled = await refusal(from("203.0.113.7", input.owner.password));
    expect(throttled).toMatchObject({ appCode: "TOO_MANY_ATTEMPTS", httpStatus: 429 });
    // The first failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes.
    expect(throttled.details).toEqual({ retryAfterSeconds: 600 });
    // Five guesses in parallel from another address: never more than five are checked.
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => refusal(from("198.51.100.9", `parallel ${i}`))));
    expect(burst.filter((r) => r.appCode === "INVALID_CREDENTIALS")).toHaveLength(5);
    expect(burst.filter((r) => r.appCode === "TOO_MANY_ATTEMPTS")).toHaveLength(3);
    // Another address is not affected; the throttled one may try again once the window has passed.
    await expect(from("192.0.2.1", input.owner.password)).resolves.toMatchObject({ role: "owner" });
    srv.clock.advance(10 * MINUTE);
    await expect(from("203.0.113.7", input.owner.password)).resolves.toMatchObject({ role: "owner" });
  });

  it("asks a person who belongs to several studios which one, then logs into it", async () => {
    const first = signUpInput("multi-1");
    const one = await srv.client().accounts.signUp.mutate(first);
    const two = await srv.client().accounts.signUp.mutate(signUpInput("multi-2"));
    await addMember(db, two.tenantId, first.owner.email, "irrelevant-password", "front_desk");
    const creds = { email: first.owner.email, password: first.owner.password, device: { name: "x" } };
    const choose = await refusal(srv.client().accounts.logIn.mutate(creds));
    expect(choose).toMatchObject({ appCode: "TENANT_REQUIRED", httpStatus: 400 });
    expect(choose.details).toEqual({
      tenants: [
        { tenantId: one.tenantId, name: "Studio multi-1" },
        { tenantId: two.tenantId, name: "Studio multi-2" },
      ],
    });
    const inTwo = await srv.client().accounts.logIn.mutate({ ...creds, tenantId: two.tenantId });
    expect(inTwo).toMatchObject({ tenantId: two.tenantId, role: "front_desk", userId: one.userId });
    expect((await refusal(srv.client().accounts.logIn.mutate({ ...creds, tenantId: uuidv7() }))).appCode).toBe("FORBIDDEN");
  });
});

describe("tokens", () => {
  it("rotates the refresh token on every use, and a reused one ends the whole session", async () => {
    const s0 = await srv.client().accounts.signUp.mutate(signUpInput("rotate"));
    const s1 = await srv.client().accounts.refresh.mutate({ refreshToken: s0.refreshToken });
    expect(s1.refreshToken).not.toBe(s0.refreshToken);
    expect(s1).toMatchObject({ tenantId: s0.tenantId, userId: s0.userId, deviceId: s0.deviceId, role: "owner" });
    const s2 = await srv.client().accounts.refresh.mutate({ refreshToken: s1.refreshToken });
    // s1 again: someone holds a copy. Refused, and s2 (the legitimate chain) is revoked with it.
    expect(await refusal(srv.client().accounts.refresh.mutate({ refreshToken: s1.refreshToken }))).toMatchObject({ appCode: "SESSION_REVOKED", httpStatus: 401 });
    expect((await refusal(srv.client().accounts.refresh.mutate({ refreshToken: s2.refreshToken }))).appCode).toBe("SESSION_REVOKED");
    // Other sessions of the same person are untouched.
    const other = await srv.client().accounts.logIn.mutate({ email: "owner.rotate@example.com", password: "correct horse rotate", device: { name: "Other" } });
    await expect(srv.client().accounts.refresh.mutate({ refreshToken: other.refreshToken })).resolves.toMatchObject({ deviceId: other.deviceId });
  });

  it("refuses a tampered or unknown refresh token", async () => {
    const s = await srv.client().accounts.signUp.mutate(signUpInput("tamper"));
    const [tenant, id, secret] = s.refreshToken.split(".");
    const flipped = `${tenant}.${id}.${secret!.slice(0, -1)}${secret!.endsWith("A") ? "B" : "A"}`;
    for (const refreshToken of [flipped, `${tenant}.${uuidv7()}.${secret}`, "garbage"]) {
      expect(await refusal(srv.client().accounts.refresh.mutate({ refreshToken }))).toMatchObject({ appCode: "UNAUTHENTICATED", httpStatus: 401 });
    }
  });

  it("an expired access token is refused with TOKEN_EXPIRED; refreshing gives a working one", async () => {
    const s = await srv.client().accounts.signUp.mutate(signUpInput("expire"));
    srv.clock.advance(15 * MINUTE);
    expect(await refusal(srv.client(s.accessToken).accounts.me.query())).toMatchObject({ appCode: "TOKEN_EXPIRED", httpStatus: 401 });
    const fresh = await srv.client().accounts.refresh.mutate({ refreshToken: s.refreshToken });
    await expect(srv.client(fresh.accessToken).accounts.me.query()).resolves.toMatchObject({ deviceId: s.deviceId });
  });

  it("an expired refresh token is refused with TOKEN_EXPIRED", async () => {
    const s = await srv.client().accounts.signUp.mutate(signUpInput("expire-refresh"));
    srv.clock.advance(30 * 24 * 60 * MINUTE);
    expect(await refusal(srv.client().accounts.refresh.mutate({ refreshToken: s.refreshToken }))).toMatchObject({ appCode: "TOKEN_EXPIRED", httpStatus: 401 });
  });

  it("refuses requests without a token, with a malformed one, or one signed with another secret", async () => {
    const s = await srv.client().accounts.signUp.mutate(signUpInput("forged"));
    const [header, payload] = s.accessToken.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const promoted = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: "owner", sub: uuidv7() })).toString("base64url")}.${s.accessToken.split(".")[2]}`;
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${payload}.`;
    for (const token of [undefined, "abc", promoted, unsigned]) {
      expect(await refusal(srv.client(token).accounts.me.query())).toMatchObject({ appCode: "UNAUTHENTICATED", httpStatus: 401 });
    }
  });
});

describe("log-out", () => {
  it("ends the whole session of that refresh token (its rotation chain), and no other, with an audit event", async () => {
    const s0 = await srv.client().accounts.signUp.mutate(signUpInput("logout"));
    const s1 = await srv.client().accounts.refresh.mutate({ refreshToken: s0.refreshToken });
    const other = await srv.client().accounts.logIn.mutate({ email: "owner.logout@example.com", password: "correct horse logout", device: { name: "Other" } });
    expect(await srv.client(undefined, "198.51.100.7").accounts.logOut.mutate({ refreshToken: s1.refreshToken })).toEqual({ ended: true });
    for (const refreshToken of [s1.refreshToken, s0.refreshToken]) {
      expect((await refusal(srv.client().accounts.refresh.mutate({ refreshToken }))).appCode).toBe("SESSION_REVOKED");
    }
    await expect(srv.client().accounts.refresh.mutate({ refreshToken: other.refreshToken })).resolves.toMatchObject({ deviceId: other.deviceId });
    // Said again (a desk back from an outage): the same quiet answer, one event.
    expect(await srv.client().accounts.logOut.mutate({ refreshToken: s1.refreshToken })).toEqual({ ended: false });
    const events = await asAdmin(db, async (c) => (await c.query("SELECT user_id, device_id, ip FROM audit_events WHERE tenant_id = $1 AND action = 'logout'", [s0.tenantId])).rows);
    expect(events).toEqual([{ user_id: s0.userId, device_id: s0.deviceId, ip: "198.51.100.7" }]);
    // The device stays registered and live: logging in again on it resumes it.
    const again = await srv.client().accounts.logIn.mutate({ email: "owner.logout@example.com", password: "correct horse logout", device: { id: s0.deviceId, name: "Desk" } });
    expect(again.deviceId).toBe(s0.deviceId);
  });

  it("a tampered, unknown or malformed token ends nothing, and is answered the same", async () => {
    const s = await srv.client().accounts.signUp.mutate(signUpInput("logout-tamper"));
    const [tenant, id, secret] = s.refreshToken.split(".");
    const flipped = `${tenant}.${id}.${secret!.slice(0, -1)}${secret!.endsWith("A") ? "B" : "A"}`;
    for (const refreshToken of [flipped, `${tenant}.${uuidv7()}.${secret}`, "garbage"]) {
      expect(await srv.client().accounts.logOut.mutate({ refreshToken })).toEqual({ ended: false });
    }
    await expect(srv.client().accounts.refresh.mutate({ refreshToken: s.refreshToken })).resolves.toMatchObject({ deviceId: s.deviceId });
  });

  it("a device id that is someone else's is not taken over: the login gets a device of its own", async () => {
    const owner = await srv.client().accounts.signUp.mutate(signUpInput("not-mine"));
    await addMember(db, owner.tenantId, "member.not-mine@example.com", "member password 1", "front_desk");
    const member = await srv.client().accounts.logIn.mutate({ email: "member.not-mine@example.com", password: "member password 1", device: { id: owner.deviceId, name: "Borrowed id" } });
    expect(member.deviceId).not.toBe(owner.deviceId);
    expect((await srv.client(owner.accessToken).devices.list.query()).map((d) => d.name).sort()).toEqual(["Borrowed id", signUpInput("not-mine").device.name].sort());
  });
});

describe("devices", () => {
  it("the owner sees every device of the studio and revokes one: it is refused at once, token and refresh alike", async () => {
    const input = signUpInput("revoke");
    const owner = await srv.client().accounts.signUp.mutate(input);
    await addMember(db, owner.tenantId, "engineer.revoke@example.com", "engineer password 1", "front_desk");
    srv.clock.advance(1000);
    const engineer = await srv.client().accounts.logIn.mutate({ email: "engineer.revoke@example.com", password: "engineer password 1", device: { name: "Control room" } });

    const listed = await srv.client(owner.accessToken).devices.list.query();
    expect(listed).toEqual([
      expect.objectContaining({ id: engineer.deviceId, name: "Control room", userEmail: "engineer.revoke@example.com", revokedAt: null, current: false }),
      expect.objectContaining({ id: owner.deviceId, name: input.device.name, userEmail: input.owner.email, revokedAt: null, current: true }),
    ]);

    await expect(srv.client(engineer.accessToken).accounts.me.query()).resolves.toMatchObject({ role: "front_desk" });
    const revoked = await srv.client(owner.accessToken).devices.revoke.mutate({ deviceId: engineer.deviceId });
    expect(revoked).toMatchObject({ id: engineer.deviceId, revokedAt: expect.any(String) });

    expect(await refusal(srv.client(engineer.accessToken).accounts.me.query())).toMatchObject({ appCode: "DEVICE_REVOKED", httpStatus: 401 });
    expect(await refusal(srv.client().accounts.refresh.mutate({ refreshToken: engineer.refreshToken }))).toMatchObject({ appCode: "DEVICE_REVOKED", httpStatus: 401 });
    // Logging in again with the password is a new device, not the revoked one.
    const back = await srv.client().accounts.logIn.mutate({ email: "engineer.revoke@example.com", password: "engineer password 1", device: { id: engineer.deviceId, name: "Control room" } });
    expect(back.deviceId).not.toBe(engineer.deviceId);
    // Revoking twice is harmless and keeps the first revocation time.
    await expect(srv.client(owner.accessToken).devices.revoke.mutate({ deviceId: engineer.deviceId })).resolves.toMatchObject({ revokedAt: revoked.revokedAt });
  });

  it("only the owner may list or revoke devices", async () => {
    const owner = await srv.client().accounts.signUp.mutate(signUpInput("owner-only"));
    await addMember(db, owner.tenantId, "staff.owner-only@example.com", "staff password 1", "front_desk");
    const staff = await srv.client().accounts.logIn.mutate({ email: "staff.owner-only@example.com", password: "staff password 1", device: { name: "Desk" } });
    expect(await refusal(srv.client(staff.accessToken).devices.list.query())).toMatchObject({ appCode: "FORBIDDEN", httpStatus: 403 });
    expect(await refusal(srv.client(staff.accessToken).devices.revoke.mutate({ deviceId: owner.deviceId }))).toMatchObject({ appCode: "FORBIDDEN" });
    await expect(srv.client(owner.accessToken).accounts.me.query()).resolves.toMatchObject({ role: "owner" });
  });

  it("records when a device was last seen, at most once a minute", async () => {
    const s = await srv.client().accounts.signUp.mutate(signUpInput("seen"));
    const seen = async () => (await srv.client(s.accessToken).devices.list.query())[0]!.lastSeenAt;
    const first = await seen();
    srv.clock.advance(30_000);
    expect(await seen()).toBe(first);
    srv.clock.advance(31_000);
    expect(await seen()).toBe(new Date(srv.clock.ms).toISOString());
  });
});
