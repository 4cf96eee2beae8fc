import { createTRPCClient, httpLink, TRPCClientError, type TRPCClient } from "@trpc/client";
import { expect } from "vitest";
import type { AppErrorCode } from "../../../shared/errors";
import { defaultWeeklyHours } from "../../../shared/schemas/opening-hours";
import type { SignUpInput } from "../../../shared/schemas/account";
import { AccessTokens } from "../../../sync-server/src/accounts/access-token";
import { DEFAULT_ACCOUNTS_SETTINGS, type AccountsDeps, type AccountsSettings } from "../../../sync-server/src/accounts/accounts-deps";
import { createMailer, type Mailer } from "../../../sync-server/src/accounts/mailer";
import type { BillingDeps } from "../../../sync-server/src/billing/billing-deps";
import { TenantDatabases } from "../../../sync-server/src/db/tenant-databases";
import type { LogLine } from "../../../sync-server/src/log";
import type { SyncRouter } from "../../../sync-server/src/router";
import { startSyncServer, type SyncServer } from "../../../sync-server/src/server";
import type { TestDatabase } from "./postgres";

export const TEST_TOKEN_SECRET = "test-token-secret-0123456789-abcdefghij";
/** Far cheaper than production's scrypt: the tests check behaviour, not the cost. */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

/** A clock the test moves forward, for expiry and rate-limit windows without waiting. */
export class TestClock {
  constructor(public ms: number = Date.now()) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestSyncServer {
  server: SyncServer;
  deps: AccountsDeps;
  clock: TestClock;
  logs: LogLine[];
  /** A client sending `accessToken` (and, to stand for another address, X-Forwarded-For). */
  client(accessToken?: string, forwardedFor?: string): TRPCClient<SyncRouter>;
  close(): Promise<void>;
}

export async function startTestSyncServer(
  db: TestDatabase,
  options: {
    mailer?: Mailer;
    settings?: Partial<AccountsSettings>;
    accessTokenTtlSeconds?: number;
    /** Billing on the test's clock and databases; absent, billing is off (as for a server without Stripe). */
    billing?: Omit<BillingDeps, "databases" | "log" | "now">;
  } = {},
): Promise<TestSyncServer> {
  const logs: LogLine[] = [];
  const log = (line: LogLine) => logs.push(line);
  const clock = new TestClock();
  const databases = new TenantDatabases({ primary: db.app, poolMax: 4, log });
  const mailer = options.mailer ?? createMailer(undefined, "test@localhost", log);
  const deps: AccountsDeps = {
    databases,
    tokens: new AccessTokens(TEST_TOKEN_SECRET, options.accessTokenTtlSeconds ?? 900),
    mailer,
    log,
    now: clock.now,
    settings: { ...DEFAULT_ACCOUNTS_SETTINGS, scrypt: TEST_SCRYPT, ...options.settings },
  };
  const server = await startSyncServer({ port: 0, hostname: "127.0.0.1", log, services: { accounts: deps, ...(options.billing ? { billing: { ...options.billing, databases, log, now: clock.now } } : {}) }, trustProxy: true });
  return {
    server,
    deps,
    clock,
    logs,
    client: (accessToken, forwardedFor) =>
      createTRPCClient<SyncRouter>({
        links: [
          httpLink({
            url: `${server.url}/trpc`,
            headers: () => ({
              ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
              ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
            }),
          }),
        ],
      }),
    close: async () => {
      await server.close();
      mailer.close();
      await databases.close();
    },
  };
}

let counter = 0;

/** A valid sign-up; `label` makes the email and studio name unique within the file. */
export function signUpInput(label = `studio${++counter}`, overrides: Partial<SignUpInput> = {}): SignUpInput {
  return {
    studioName: `Studio ${label}`,
    owner: { name: `Owner ${label}`, email: `owner.${label}@example.com`, password: `correct horse ${label}` },
    location: {
      name: "Paris",
      timeZone: "Europe/Paris",
      address: null,
      phone: null,
      email: null,
      openingHours: defaultWeeklyHours(),
      closures: [],
    },
    device: { name: `Desk ${label}` },
    ...overrides,
  };
}

/** The error a call was refused with: its appCode, HTTP status and details. */
export async function refusal(call: Promise<unknown>): Promise<{ appCode: AppErrorCode; httpStatus: number; details: unknown; message: string; fieldErrors: unknown }> {
  const err = await call.then(
    () => {
      throw new Error("Expected the call to be refused, but it succeeded");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCClientError);
  const data = (err as TRPCClientError<SyncRouter>).data as unknown as { appCode: AppErrorCode; httpStatus: number; details: unknown; fieldErrors: unknown };
  return { appCode: data.appCode, httpStatus: data.httpStatus, details: data.details, fieldErrors: data.fieldErrors, message: (err as Error).message };
}
