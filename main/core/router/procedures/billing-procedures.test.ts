import http from "node:http";
import type { AddressInfo } from "node:net";
import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it } from "vitest";
import type { BillingStatus } from "../../../../shared/billing/billing-api";
import type { BillingState } from "../../../../shared/billing/billing-state";
import { effectivePlan } from "../../../../shared/billing/effective-plan";
import { entitlementsOf } from "../../../../shared/billing/entitlements";
import { OFFLINE_GRACE_MS } from "../../../../shared/billing/offline-plan";
import { errorCodeOf } from "../../../../shared/app-error";
import { appErrorData } from "../../../../shared/trpc-error-data";
import { PLAN_PREF_KEY } from "../../account/plan-store";
import { manualClock, setUpCore, T0 } from "../../test-fixtures";
import type { StudioCore } from "../../studio-core";
import { createCoreCaller } from "../app-router";

const DAY = 24 * 3600_000;

/** The refusal code a call ends with, as the renderer reads it (data.appCode). */
const codeOf = (call: Promise<unknown>): Promise<string | undefined> =>
  call.then(() => undefined, (e: unknown) => (e instanceof TRPCError ? appErrorData(e).appCode : errorCodeOf(e)));
const TENANT = "tenant-lumiere";

/** A studio trial of Pro running three more days, as the server reports it at `fetchedAt`. */
function statusOf(state: BillingState, fetchedAt = T0): BillingStatus {
  const effective = effectivePlan(state, fetchedAt);
  return {
    billing: state.mode,
    effective,
    entitlements: entitlementsOf(effective.plan),
    usage: { locations: 1, rooms: 2, users: 1, bookingsThisMonth: 12 },
    subscription: null,
    state,
    fetchedAt,
  };
}
const TRIAL = statusOf({ mode: "on", subscription: null, studioTrialEndsAt: T0 + 3 * DAY });

/** Answers the sync server's billing procedures in tRPC's wire format; `answer` says what. */
interface FakeServer {
  url: string;
  calls: { path: string; body: string; auth: string | undefined }[];
  answer: (path: string) => { data: unknown } | { code: string; status: number };
  close(): Promise<void>;
}

async function fakeServer(): Promise<FakeServer> {
  const fake: Omit<FakeServer, "url" | "close"> = { calls: [], answer: () => ({ data: TRIAL }) };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/trpc\//, "");
      fake.calls.push({ path, body, auth: req.headers.authorization });
      const out = fake.answer(path);
      res.setHeader("content-type", "application/json");
      if ("data" in out) {
        res.end(JSON.stringify({ result: { data: out.data } }));
      } else {
        res.statusCode = out.status;
        res.end(JSON.stringify({ error: { message: out.code, code: -32603, data: { code: "FORBIDDEN", httpStatus: out.status, appCode: out.code } } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Links the core to `serverUrl` as if someone had logged in (tokens valid for a year of the test clock). */
function connect(core: StudioCore, serverUrl: string, tenantId = TENANT): void {
  core.sync.sessions.saveLogin(serverUrl, "nadia@studio-lumiere.fr", {
    accessToken: "access", accessTokenExpiresAt: T0 + 365 * DAY, refreshToken: "refresh", refreshTokenExpiresAt: T0 + 365 * DAY,
    userId: "user-1", tenantId, deviceId: "device-1", role: "owner",
  });
}

/** A port nothing listens on: the server "does not answer". */
async function deadUrl(): Promise<string> {
  const fake = await fakeServer();
  await fake.close();
  return fake.url;
}

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

function setUp() {
  const clock = manualClock();
  const { core } = setUpCore(clock.now);
  opened.push(core);
  return { core, clock, call: createCoreCaller({ core }) };
}

describe("billing procedures", () => {
  it("say NOT_CONNECTED without a studio account, and ask nothing of any server", async () => {
    const { call } = setUp();
    for (const run of [() => call.billing.status(), () => call.billing.checkout({ plan: "pro", interval: "month" }), () => call.billing.portal(), () => call.billing.invoices()]) {
      expect(await codeOf(run())).toBe("NOT_CONNECTED");
    }
  });

  it("return the server's status live and keep it, then show it offline with the grace rule", async () => {
    const { core, clock, call } = setUp();
    const fake = await fakeServer();
    opened.push(fake);
    connect(core, fake.url);

    const live = await call.billing.status();
    expect(live).toMatchObject({ source: "live", offlineCode: null, offlineGraceEndsAt: null, effective: { plan: "pro", reason: "studio_trial" } });
    expect(live.status?.usage.bookingsThisMonth).toBe(12);
    expect(fake.calls.map((c) => c.path)).toEqual(["billing.status"]);
    expect(fake.calls[0]!.auth).toBe("Bearer access");

    // The server goes away: the last answer, re-read against this computer's clock.
    await fake.close();
    opened.pop();
    clock.advance(DAY);
    const offline = await call.billing.status();
    expect(offline).toMatchObject({
      source: "last_known", offlineCode: "SERVER_UNREACHABLE", offlineGraceEndsAt: T0 + OFFLINE_GRACE_MS,
      effective: { plan: "pro", reason: "studio_trial" }, entitlements: { plan: "pro" },
    });
    expect(offline.status?.usage.bookingsThisMonth).toBe(12);

    // The trial ends while offline: it ends here too.
    clock.advance(3 * DAY);
    expect(await call.billing.status()).toMatchObject({ source: "last_known", effective: { plan: "free", reason: "no_subscription" } });

    // Past the offline grace: Free's limits, never read-only.
    clock.set(T0 + OFFLINE_GRACE_MS);
    expect(await call.billing.status()).toMatchObject({ source: "offline_expired", effective: { plan: "free", access: "full" }, entitlements: { maxRooms: 2 } });
  });

  it("survive a restart: the last status is in the database", async () => {
    const { core, clock, call } = setUp();
    const fake = await fakeServer();
    fake.answer = () => ({ data: statusOf({ mode: "off", plan: "enterprise" }) });
    connect(core, fake.url);
    await call.billing.status();
    await fake.close();
    const row = core.db.prepare("SELECT value FROM device_prefs WHERE key = ?").get(PLAN_PREF_KEY) as { value: string };
    expect(JSON.parse(row.value)).toMatchObject({ tenantId: TENANT, status: { billing: "off" } });
    // The language and theme still read as before: the extra key is not a preference.
    expect(core.studio.prefs()).toEqual(expect.objectContaining({ language: expect.any(String) }));
    clock.advance(10 * OFFLINE_GRACE_MS);
    // Billing off holds for good, however long the desk stays offline.
    expect(await call.billing.status()).toMatchObject({ source: "last_known", effective: { plan: "enterprise", reason: "billing_off" }, offlineGraceEndsAt: null });
  });

  it("know nothing offline before the first answer, and never show another studio's plan", async () => {
    const { core, call } = setUp();
    const url = await deadUrl();
    connect(core, url);
    expect(await call.billing.status()).toMatchObject({ source: "unknown", status: null, effective: null, entitlements: null, offlineCode: "SERVER_UNREACHABLE" });

    core.db.prepare("INSERT INTO device_prefs (key, value) VALUES (?, ?)").run(PLAN_PREF_KEY, JSON.stringify({ tenantId: "another-studio", status: TRIAL }));
    expect(await call.billing.status()).toMatchObject({ source: "unknown", status: null });
  });

  it("show the last known plan while the account asks for a new login", async () => {
    const { core, call } = setUp();
    const fake = await fakeServer();
    opened.push(fake);
    connect(core, fake.url);
    await call.billing.status();
    core.sync.sessions.requireLogin("DEVICE_REVOKED: this computer was removed");
    expect(await call.billing.status()).toMatchObject({ source: "last_known", offlineCode: "LOGIN_REQUIRED", effective: { plan: "pro" } });
    expect(fake.calls).toHaveLength(1);
  });

  it("pass the server's refusals through rather than an old plan", async () => {
    const { core, call } = setUp();
    const fake = await fakeServer();
    opened.push(fake);
    connect(core, fake.url);
    fake.answer = () => ({ code: "FORBIDDEN", status: 403 });
    expect(await codeOf(call.billing.status())).toBe("FORBIDDEN");
    fake.answer = () => ({ code: "BILLING_DISABLED", status: 412 });
    expect(await codeOf(call.billing.invoices())).toBe("BILLING_DISABLED");
  });

  it("proxy checkout, portal and invoices to the server", async () => {
    const { core, call } = setUp();
    const fake = await fakeServer();
    opened.push(fake);
    connect(core, fake.url);
    fake.answer = (path) => ({ data: path === "billing.invoices" ? [] : { url: `https://checkout.stripe.test/${path}` } });
    expect(await call.billing.checkout({ plan: "enterprise", interval: "year" })).toEqual({ url: "https://checkout.stripe.test/billing.checkout" });
    expect(JSON.parse(fake.calls.at(-1)!.body)).toEqual({ plan: "enterprise", interval: "year" });
    expect(await call.billing.portal()).toEqual({ url: "https://checkout.stripe.test/billing.portal" });
    expect(await call.billing.invoices()).toEqual([]);
    // Checkout's input is checked here first: nothing leaves for a plan that is not sold.
    const before = fake.calls.length;
    expect(await codeOf(call.billing.checkout({ plan: "free" as "pro", interval: "month" }))).toBe("VALIDATION_FAILED");
    expect(fake.calls).toHaveLength(before);
  });
});
