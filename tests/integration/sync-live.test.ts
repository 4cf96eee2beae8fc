import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink, TRPCClientError, type TRPCClient } from "@trpc/client";
import { EventSource, type FetchLike } from "eventsource";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import { signUp } from "../../sync-server/src/accounts/sign-up";
import type { SyncRouter } from "../../sync-server/src/router";
import { startSyncServer } from "../../sync-server/src/server";
import { asAdmin, createTestDatabase, type TestDatabase } from "./support/postgres";
import { clientWire, SimDevice } from "./support/sync-device";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/** sync.live over SSE with tRPC's own client: who hears a push, who does not, and how streams end. */
let db: TestDatabase;
let srv: TestSyncServer;
let other: TestSyncServer;
let a: SessionTokens;
let b: SessionTokens;
let c: SessionTokens;
const studioA = signUpInput("live-a");

/** A desktop's client: queries and mutations over HTTP, subscriptions over SSE, the token as a header. */
function liveClient(url: string, accessToken: string, how: "header" | "connectionParams" = "header"): TRPCClient<SyncRouter> {
  const authorization = `Bearer ${accessToken}`;
  // Node's EventSource (the eventsource package) lets a desktop send its token as a header.
  const withToken: FetchLike = (input, init) => fetch(input, { ...init, headers: { ...init.headers, authorization } });
  return createTRPCClient<SyncRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          EventSource,
          ...(how === "header"
            ? { eventSourceOptions: { fetch: withToken } }
            : { connectionParams: { authorization } }),
        }),
        false: httpLink({ url: `${url}/trpc`, headers: { authorization } }),
      }),
    ],
  });
}

interface Stream {
  versions: number[];
  /** Resolves with the error the stream ended with. */
  failed: Promise<TRPCClientError<SyncRouter>>;
  /** Resolves once `versions` holds a version at least `v`. */
  reaches(v: number): Promise<void>;
  stop(): void;
}

function openLive(client: TRPCClient<SyncRouter>): Stream {
  const versions: number[] = [];
  const waiters: { v: number; resolve: () => void }[] = [];
  let fail: (e: TRPCClientError<SyncRouter>) => void = () => {};
  const failed = new Promise<TRPCClientError<SyncRouter>>((r) => (fail = r));
  const sub = client.sync.live.subscribe(undefined, {
    onData: ({ version }) => {
      versions.push(version);
      for (const w of waiters.filter((x) => version >= x.v)) w.resolve();
    },
    onError: (err) => fail(err as TRPCClientError<SyncRouter>),
  });
  return {
    versions,
    failed,
    reaches: (v) => (versions.some((x) => x >= v) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ v, resolve }))),
    stop: () => sub.unsubscribe(),
  };
}

/** Pushes one new client through `url` as `tokens`; the version it was applied at. */
async function pushClient(url: string, tokens: SessionTokens, name: string): Promise<number> {
  const { results } = await liveClient(url, tokens.accessToken).sync.push.mutate({ mutations: [new SimDevice(`desk-${name}`).insert("client", clientWire(name))] });
  const [result] = results;
  if (result?.status !== "applied") throw new Error(`push not applied: ${JSON.stringify(result)}`);
  return result.version;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const within = <T>(ms: number, p: Promise<T>, what: string): Promise<T> =>
  Promise.race([p, pause(ms).then(() => Promise.reject(new Error(`${what}: nothing within ${ms} ms`)))]);

beforeAll(async () => {
  db = await createTestDatabase("live");
  srv = await startTestSyncServer(db);
  // A second server process on the same database: NOTIFY reaches streams held by either.
  other = await startTestSyncServer(db);
  a = await srv.client().accounts.signUp.mutate(studioA);
  b = await srv.client().accounts.logIn.mutate({ email: studioA.owner.email, password: studioA.owner.password, device: { name: "Desk B" } });
  c = await srv.client().accounts.signUp.mutate(signUpInput("live-c"));
});
afterAll(async () => {
  await other?.close();
  await srv?.close();
});

describe("sync.live", () => {
  it("sends the current version on connect, then each version a push of the same studio commits, on either server, and nothing to another studio", async () => {
    const atB = openLive(liveClient(other.server.url, b.accessToken));
    const atC = openLive(liveClient(srv.server.url, c.accessToken, "connectionParams"));
    try {
      await within(5000, atB.reaches(1), "B's first version");
      await within(5000, atC.reaches(1), "C's first version");
      const cVersions = [...atC.versions];
      expect(atB.versions).toHaveLength(1);

      const d = new SimDevice("desk-a");
      const { results } = await liveClient(srv.server.url, a.accessToken).sync.push.mutate({ mutations: [d.insert("client", clientWire("Ada")), d.insert("client", clientWire("Grace"))] });
      const last = Math.max(...results.map((r) => (r.status === "applied" ? r.version : 0)));
      await within(3000, atB.reaches(last), "B's notification");
      expect(atB.versions.at(-1)).toBe(last);
      await pause(300);
      expect(atC.versions).toEqual(cVersions);
    } finally {
      atB.stop();
      atC.stop();
    }
  });

  it("hears the pushes of a studio kept in a dedicated database (LISTEN on that database)", async () => {
    const dedicated = await createTestDatabase("live_dedicated");
    const enterprise = await signUp(srv.deps, signUpInput("live-enterprise"), { database: dedicated.name });
    const stream = openLive(liveClient(other.server.url, enterprise.accessToken));
    try {
      await within(5000, stream.reaches(1), "first version");
      await within(3000, stream.reaches(await pushClient(srv.server.url, enterprise, "Enterprise client")), "notification");
    } finally {
      stream.stop();
    }
  });

  it("misses nothing when its LISTEN connection drops: it reconnects and reads the version again", async () => {
    const stream = openLive(liveClient(srv.server.url, b.accessToken));
    try {
      await within(5000, stream.reaches(1), "first version");
      const killed = await asAdmin(db, async (c) =>
        (await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", [db.name])).rowCount,
      );
      expect(killed).toBeGreaterThanOrEqual(1);
      // Committed while nobody listens: no notification can carry it.
      const version = await pushClient(other.server.url, a, "During the outage");
      await within(5000, stream.reaches(version), "version after reconnecting");
    } finally {
      stream.stop();
    }
  });

  it("ends a revoked device's stream with UNAUTHORIZED (DEVICE_REVOKED)", async () => {
    const doomed = await srv.client().accounts.logIn.mutate({ email: studioA.owner.email, password: studioA.owner.password, device: { name: "Lost laptop" } });
    const stream = openLive(liveClient(other.server.url, doomed.accessToken));
    try {
      await within(5000, stream.reaches(1), "first version");
      await srv.client(a.accessToken).devices.revoke.mutate({ deviceId: doomed.deviceId });
      const err = await within(3000, stream.failed, "end of the revoked stream");
      expect(err.data).toMatchObject({ code: "UNAUTHORIZED", appCode: "DEVICE_REVOKED" });
    } finally {
      stream.stop();
    }
  });

  it("ends a stream whose access token expired (TOKEN_EXPIRED) at its next re-check", async () => {
    // The same accounts, on a server that re-checks open streams every 100 ms instead of every minute.
    const quick = await startSyncServer({ port: 0, hostname: "127.0.0.1", services: { accounts: srv.deps }, live: { recheckMs: 100 }, log: () => {} });
    const stream = openLive(liveClient(quick.url, b.accessToken));
    try {
      await within(5000, stream.reaches(1), "first version");
      srv.clock.advance(901_000);
      const err = await within(3000, stream.failed, "end of the expired stream");
      expect(err.data).toMatchObject({ code: "UNAUTHORIZED", appCode: "TOKEN_EXPIRED" });
    } finally {
      srv.clock.advance(-901_000);
      stream.stop();
      await quick.close();
    }
  });

  it("refuses a stream without a valid token", async () => {
    const stream = openLive(liveClient(srv.server.url, "not-a-token"));
    try {
      const err = await within(3000, stream.failed, "refusal");
      expect(err.data).toMatchObject({ code: "UNAUTHORIZED", appCode: "UNAUTHENTICATED" });
    } finally {
      stream.stop();
    }
  });

  it("close() ends open streams at once, while a push in flight still finishes", async () => {
    const third = await startTestSyncServer(db);
    const stream = openLive(liveClient(third.server.url, b.accessToken));
    try {
      await within(5000, stream.reaches(1), "first version");
      const d = new SimDevice("desk-a2");
      const mutations = Array.from({ length: 150 }, (_, i) => d.insert("client", clientWire(`Bulk ${i}`)));
      let pushed = false;
      const pushing = liveClient(third.server.url, a.accessToken).sync.push.mutate({ mutations }).finally(() => (pushed = true));
      await pause(30);
      expect(pushed).toBe(false);
      const started = Date.now();
      await third.close();
      const took = Date.now() - started;
      const { results } = await pushing;
      expect(results.every((r) => r.status === "applied")).toBe(true);
      // The grace period is 10 s: a stream waited on would hold close() that long.
      expect(took).toBeLessThan(3000);
      expect(third.logs.some((l) => l.msg === "shutdown grace period over, closing open connections")).toBe(false);
    } finally {
      stream.stop();
    }
  });
});
