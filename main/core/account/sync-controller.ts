import type { AppErrorCode } from "../../../shared/errors";
import { errorCodeOf } from "../../../shared/app-error";
import { nextDelay } from "../sync/backoff";
import type { SyncConnection, SyncEngine, SyncTransport } from "../sync/sync-engine";
import type { StudioCore } from "../studio-core";
import { SyncStateStore } from "../sync/sync-state";
import { AccountSessionStore } from "./account-session-store";
import { AuthorizedServer } from "./authorized-server";
import { PlanStore } from "./plan-store";
import { readPlan } from "./plan-view";
import { LOGIN_AGAIN_CODES } from "./server-client";
import { AppError } from "../errors";
import { scopeNarrowed } from "../../../shared/sync/location-scope";
import { dropRowsOutsideScope } from "./drop-out-of-scope";
import { PendingLogOuts } from "./pending-log-outs";
import { PLAIN_SECRETS, type SecretProtector } from "./secret-protector";

/** What the status indicator and the conflicts inbox badge show. */
export interface SyncPanelStatus {
  /** "disconnected": no studio account; "login_required": the server wants a new login. */
  state: SyncConnection | "disconnected" | "login_required";
  pending: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  errorCode: AppErrorCode | null;
  /** Bookings kept as `conflict`, and changes the server refused: both wait in the inbox. */
  conflicts: number;
  rejected: number;
  serverUrl: string | null;
}

export interface SyncControllerOptions {
  /** Between rounds when nothing happens (live notifications and local writes sync sooner). */
  intervalMs?: number;
  /** A local write is pushed this long after the last one, so a burst of edits goes as one push. */
  debounceMs?: number;
  random?: () => number;
  /** Seals the refresh token in SQLite (the Electron host passes safeStorage's); plain text without one. */
  secrets?: SecretProtector;
}

/**
 * Runs sync for the connected account: the engine's periodic rounds with backoff, a round soon
 * after every local write, and the server's live notifications (a change elsewhere → pull now).
 * Without an account, or once the server asks for a new login, it stays idle and says why.
 */
export class SyncController {
  readonly sessions: AccountSessionStore;
  /** Sessions logged out here that the server has yet to end: told at start, after each round, at login. */
  readonly logOuts: PendingLogOuts;
  private server: AuthorizedServer | null = null;
  private engine: SyncEngine | null = null;
  private live: { unsubscribe(): void } | null = null;
  private liveTimer: ReturnType<typeof setTimeout> | null = null;
  private liveAttempt = 0;
  private kickTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  /** The access snapshot being fetched after a round (syncNow waits for it). */
  private accessFetch: Promise<void> | null = null;

  constructor(
    private readonly core: StudioCore,
    private readonly o: SyncControllerOptions = {},
  ) {
    const secrets = o.secrets ?? PLAIN_SECRETS;
    this.sessions = new AccountSessionStore(core.db, secrets);
    this.logOuts = new PendingLogOuts(core.db, secrets, (message) => console.warn(message));
  }

  /** Starts syncing when this computer has a usable session; a no-op otherwise. */
  start(): void {
    this.stop();
    if (this.sessions.pendingLogOuts() > 0) void this.logOuts.flush();
    const session = this.sessions.get();
    if (!session || session.loginRequired) return;
    this.stopped = false;
    const server = new AuthorizedServer(this.sessions, session.serverUrl, this.core.now);
    const transport: SyncTransport = {
      push: (input) => server.call((c) => c.sync.push.mutate(input)),
      pull: (input) => server.call((c) => c.sync.pull.query(input)),
    };
    this.server = server;
    this.engine = this.core.createSyncEngine(transport, {
      deviceId: session.deviceId,
      ...(this.o.random ? { random: this.o.random } : {}),
      onStatus: (s) => {
        // Retrying cannot help until someone logs in again: stop, keep everything pending.
        if (s.errorCode === "LOGIN_REQUIRED") this.stop();
        // After each successful round, the person's current access, for the core's offline checks.
        if (s.state === "online") {
          this.accessFetch = Promise.all([this.fetchAccess(server), this.fetchPlan(server)]).then(() => undefined);
          if (this.sessions.pendingLogOuts() > 0) void this.logOuts.flush();
        }
      },
    });
    this.engine.start(this.o.intervalMs ?? 60_000);
    this.openLive();
  }

  stop(): void {
    this.stopped = true;
    this.engine?.stop();
    this.live?.unsubscribe();
    this.live = null;
    for (const t of [this.liveTimer, this.kickTimer]) if (t) clearTimeout(t);
    this.liveTimer = this.kickTimer = null;
  }

  /** After a local write: push soon (a live notification passes 0: pull now). */
  kick(delayMs = this.o.debounceMs ?? 10): void {
    if (this.stopped || !this.engine) return;
    if (this.kickTimer) clearTimeout(this.kickTimer);
    this.kickTimer = setTimeout(() => {
      this.kickTimer = null;
      void this.syncNow().catch(() => undefined);
    }, delayMs);
  }

  /** One round now (the "Sync now" button); throws what the round threw. */
  async syncNow(): Promise<SyncPanelStatus> {
    if (!this.engine) return this.status();
    await this.engine.syncFresh();
    // The round's status, taken before a live notification can start the next one.
    const status = this.status();
    await this.accessFetch;
    return status;
  }

  /**
   * The connected account's server, for calls beyond sync (the team screens). NOT_CONNECTED
   * without an account; LOGIN_REQUIRED (from the call) once the server asked for a new login.
   */
  authorized(): AuthorizedServer {
    const session = this.sessions.get();
    if (!session) throw new AppError("NOT_CONNECTED", "This computer is not connected to a studio account");
    if (this.server?.serverUrl === session.serverUrl) return this.server;
    return new AuthorizedServer(this.sessions, session.serverUrl, this.core.now);
  }

  /**
   * A failure keeps the last snapshot: the checks stay as they were until the next round. A scope
   * that lost locations drops their rows from the desk in the same transaction, so a crash cannot
   * leave the new scope saved and the old rows kept; should the drop fail, neither is saved and
   * the next round tries again (the server refuses meanwhile what the old scope would allow).
   */
  private fetchAccess(server: AuthorizedServer): Promise<void> {
    return server.call((c) => c.accounts.access.query()).then(
      (snapshot) => {
        // Stopped meanwhile (logged out, or the app closing its database): nothing to save.
        if (this.stopped) return;
        const before = this.core.access.snapshot();
        try {
          this.core.db.transaction(() => {
            this.core.access.save(snapshot);
            if (before && scopeNarrowed(before.locationIds, snapshot.locationIds)) dropRowsOutsideScope(this.core.db, this.core.syncedTables, snapshot.locationIds);
          })();
        } catch (e) {
          console.warn(`The rows of locations no longer permitted could not be dropped: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        // Rows of a newly permitted location sit below the pull cursor: pull everything again once.
        if (before && scopeWidened(before.locationIds, snapshot.locationIds)) {
          new SyncStateStore(this.core.db).setCursor(0);
          this.kick(0);
        }
      },
      () => undefined,
    );
  }

  /** The studio's plan, kept so the desk applies its limits offline (plan-guard.ts); a failure keeps the last one. */
  private fetchPlan(server: AuthorizedServer): Promise<void> {
    const tenantId = this.sessions.get()?.tenantId;
    if (!tenantId) return Promise.resolve();
    return readPlan(server, new PlanStore(this.core.db), tenantId, this.core.now).then(
      () => undefined,
      () => undefined,
    );
  }

  status(): SyncPanelStatus {
    const session = this.sessions.get();
    const counts = this.core.db
      .prepare(
        `SELECT (SELECT count(*) FROM outbox WHERE status = 'pending') AS pending,
                (SELECT count(*) FROM outbox WHERE status = 'rejected') AS rejected,
                (SELECT count(*) FROM bookings WHERE status = 'conflict' AND deleted_at IS NULL) AS conflicts`,
      )
      .get() as { pending: number; rejected: number; conflicts: number };
    const engine = this.engine?.status();
    const state: SyncPanelStatus["state"] = !session ? "disconnected" : session.loginRequired ? "login_required" : (engine?.state ?? "offline");
    return {
      state,
      pending: counts.pending,
      rejected: counts.rejected,
      conflicts: counts.conflicts,
      lastSyncedAt: engine?.lastSyncedAt ?? this.lastSyncedAt(),
      lastError: session?.loginRequired ?? engine?.lastError ?? null,
      errorCode: session?.loginRequired ? "LOGIN_REQUIRED" : (engine?.errorCode ?? null),
      serverUrl: session?.serverUrl ?? null,
    };
  }

  private lastSyncedAt(): string | null {
    const row = this.core.db.prepare("SELECT last_synced_at FROM sync_state WHERE singleton = 1").get() as { last_synced_at: string | null } | undefined;
    return row?.last_synced_at ?? null;
  }

  /** The server's live stream: each notification of a newer version pulls now; a dropped stream reopens with backoff. */
  private openLive(): void {
    const server = this.server;
    if (this.stopped || !server) return;
    const reopen = (e?: unknown) => {
      this.live = null;
      if (this.stopped) return;
      const code = errorCodeOf(e);
      if (code === "LOGIN_REQUIRED") return this.stop();
      // The stream was refused for the session itself (a revoked device): ask for a new login now,
      // as a push would; an expired token is refreshed by the next ensureFresh.
      if (code && code !== "TOKEN_EXPIRED" && LOGIN_AGAIN_CODES.includes(code)) {
        this.sessions.requireLogin(`${code}: ${e instanceof Error ? e.message : "refused by the server"}`);
        return this.stop();
      }
      if (code === "TOKEN_EXPIRED") server.forgetAccessToken();
      this.liveAttempt += 1;
      this.liveTimer = setTimeout(() => this.openLive(), nextDelay(this.liveAttempt, this.o.random ?? Math.random));
    };
    server.ensureFresh().then(
      () => {
        if (this.stopped) return;
        this.live = server.client.sync.live.subscribe(undefined, {
          onStarted: () => {
            this.liveAttempt = 0;
          },
          onData: () => this.kick(0),
          onError: (e) => reopen(e),
          onComplete: () => reopen(),
        });
      },
      (e: unknown) => reopen(e),
    );
  }
}

/** Whether a location scope now reaches a location it did not (null: every location). */
export function scopeWidened(before: readonly string[] | null, after: readonly string[] | null): boolean {
  if (before === null) return false;
  if (after === null) return true;
  return after.some((id) => !before.includes(id));
}
