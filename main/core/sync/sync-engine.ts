import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, type PullInput, type PullOutput, type PushInput, type PushOutput, type PushedMutation } from "../../../shared/sync/protocol";
import type { Db } from "../db/open-database";
import { applyPulledPage } from "./apply-pulled";
import { nextDelay } from "./backoff";
import type { DeviceClock } from "./device-clock";
import { SyncStateStore } from "./sync-state";
import type { SyncedTable } from "./synced-tables";
import type { OutboxRow } from "./outbox-service";
import type { AppErrorCode } from "../../../shared/errors";
import { AppError, errorCodeOf } from "../../../shared/app-error";
import type { FieldErrors } from "../../../shared/errors";

/** The server's sync procedures; the app passes a tRPC client, tests the same against a real server. */
export interface SyncTransport {
  push(input: PushInput): Promise<PushOutput>;
  pull(input: PullInput): Promise<PullOutput>;
}

/**
 * How long a pushed mutation stays in the outbox once the server has it: long enough to look into
 * what a desk sent last week, short enough that the outbox of a busy studio stays small.
 */
export const SENT_RETENTION_MS = 7 * 86_400_000;

export type SyncConnection = "online" | "offline" | "syncing" | "error";

/** What the status indicator shows. */
export interface SyncStatus {
  state: SyncConnection;
  pending: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  /** The refusal's code when the server (or the session) refused, for the UI to say it in words. */
  errorCode: AppErrorCode | null;
}

export interface SyncReport {
  applied: number;
  conflicts: number;
  rejected: number;
  /** Refused for clock skew: kept pending, to be pushed once this computer's clock is fixed. */
  skewed: number;
  pulled: number;
}

export interface SyncEngineOptions {
  db: Db;
  clock: DeviceClock;
  transport: SyncTransport;
  tables: Record<string, SyncedTable>;
  tenantId: () => string;
  deviceId?: string;
  pullLimit?: number;
  random?: () => number;
  /** Called after every status change (the UI subscribes later). */
  onStatus?: (status: SyncStatus) => void;
}


/**
 * Pushes the outbox, then pulls until caught up (ARCHITECTURE.md, sync steps 2–4). Plain Node:
 * the network is the injected transport, and every local effect commits in SQLite transactions, so
 * a crash between push and its bookkeeping only makes the next push a replay, which the server
 * answers from its stored outcomes without changing anything.
 */
export class SyncEngine {
  private readonly state: SyncStateStore;
  private connection: SyncConnection = "offline";
  private running: Promise<SyncReport> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private active = false;
  private errorCode: AppErrorCode | null = null;

  constructor(private readonly o: SyncEngineOptions) {
    this.state = new SyncStateStore(o.db);
  }

  status(): SyncStatus {
    const { pending } = this.o.db.prepare("SELECT count(*) AS pending FROM outbox WHERE status = 'pending'").get() as { pending: number };
    const s = this.state.get();
    return { state: this.connection, pending, lastSyncedAt: s.lastSyncedAt, lastError: s.lastError, errorCode: this.errorCode };
  }

  /** One push-then-pull round; concurrent calls share the round in flight. Throws transport errors. */
  syncOnce(): Promise<SyncReport> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * A round that starts now: one already in flight may have read the outbox before the latest
   * change, so it is awaited (its failure is its own) and a new one follows.
   */
  async syncFresh(): Promise<SyncReport> {
    await this.running?.catch(() => undefined);
    return this.syncOnce();
  }

  /** Syncs now and every `intervalMs`, retrying failures with backoff until stop(). */
  start(intervalMs = 30_000): void {
    this.stop();
    this.active = true;
    const tick = (): void => {
      this.syncOnce().then(
        () => {
          // stop() may have come while this round was in flight: schedule nothing more.
          if (!this.active) return;
          this.attempt = 0;
          this.timer = setTimeout(tick, intervalMs);
        },
        () => {
          if (!this.active) return;
          this.attempt += 1;
          this.timer = setTimeout(tick, nextDelay(this.attempt, this.o.random ?? Math.random));
        },
      );
    };
    tick();
  }

  stop(): void {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async round(): Promise<SyncReport> {
    this.setConnection("syncing");
    try {
      const report = await this.push();
      report.pulled = await this.pull();
      this.o.db.prepare("DELETE FROM outbox WHERE status = 'sent' AND created_at < ?").run(new Date(Date.now() - SENT_RETENTION_MS).toISOString());
      if (report.skewed > 0) {
        this.state.failed(`${report.skewed} change(s) refused for clock skew: set this computer's clock, they stay queued`);
        this.errorCode = "CLOCK_SKEW";
        this.setConnection("error");
      } else {
        this.state.synced(new Date().toISOString());
        this.errorCode = null;
        this.setConnection("online");
      }
      return report;
    } catch (e) {
      this.state.failed(e instanceof Error ? e.message : String(e));
      // An answer with an application code means the server is reachable but refused (e.g. a revoked device).
      const code = errorCodeOf(e);
      this.errorCode = code ?? "SERVER_UNREACHABLE";
      this.setConnection(code && code !== "SERVER_UNREACHABLE" ? "error" : "offline");
      throw e;
    }
  }

  /** In outbox order, batch by batch; each batch's outcomes are recorded in one transaction. */
  private async push(): Promise<SyncReport> {
    const report: SyncReport = { applied: 0, conflicts: 0, rejected: 0, skewed: 0, pulled: 0 };
    const next = this.o.db.prepare("SELECT * FROM outbox WHERE status = 'pending' AND seq > ? ORDER BY seq LIMIT ?");
    const sent = this.o.db.prepare("UPDATE outbox SET status = 'sent', result_version = ? WHERE mutation_id = ?");
    const rejected = this.o.db.prepare("UPDATE outbox SET status = 'rejected', reject_code = ?, reject_message = ? WHERE mutation_id = ?");
    // Skewed mutations stay pending: the cursor over seq keeps this round from sending them twice.
    let after = 0;
    for (;;) {
      const rows = next.all(after, MAX_PUSH_MUTATIONS) as OutboxRow[];
      if (rows.length === 0) return report;
      let results: PushOutput["results"];
      try {
        ({ results } = await this.o.transport.push({ ...(this.o.deviceId ? { deviceId: this.o.deviceId } : {}), mutations: rows.map(toPushed) }));
      } catch (e) {
        // The server refused the whole batch for some mutations' shape (an older server that does not
        // know an entity yet): those are kept as rejected, with the reason, and the rest goes again.
        const invalid = invalidMutations(e, rows);
        if (invalid.length === 0) throw e;
        this.o.db.transaction(() => {
          for (const [row, message] of invalid) rejected.run("VALIDATION_FAILED", message, row.mutation_id);
        })();
        report.rejected += invalid.length;
        continue;
      }
      after = rows.at(-1)!.seq;
      this.o.db.transaction(() => {
        for (const r of results) {
          if (r.status === "applied") {
            sent.run(r.version, r.mutationId);
            report.applied++;
          } else if (r.status === "conflict") {
            // Kept by the server as a `conflict` booking: the pull brings that status back here.
            sent.run(r.version, r.mutationId);
            report.conflicts++;
          } else if (r.code === "CLOCK_SKEW") {
            report.skewed++;
          } else {
            rejected.run(r.code, r.message, r.mutationId);
            report.rejected++;
          }
        }
      })();
    }
  }

  /** Page by page; a page and its cursor commit together. */
  private async pull(): Promise<number> {
    const limit = this.o.pullLimit ?? MAX_PULL_LIMIT;
    let pulled = 0;
    let next = this.o.transport.pull({ cursor: this.state.get().cursor, limit });
    for (;;) {
      const page = await next;
      // The next page is asked for before this one is applied: the server reads while the desk
      // writes. Its failure, if this page's apply throws first, is dropped with the round.
      if (page.hasMore) {
        next = this.o.transport.pull({ cursor: page.cursor, limit });
        next.catch(() => undefined);
        // The request may only be written once the event loop turns (fetch goes through promise
        // callbacks and its socket pool; seen held back by a whole synchronous apply when not).
        await nextTurn();
      }
      const tenantId = this.o.tenantId();
      this.o.db.transaction(() => {
        applyPulledPage(this.o.db, this.o.clock, this.o.tables, tenantId, page);
        this.state.setCursor(page.cursor);
      })();
      pulled += page.rows.length;
      if (!page.hasMore) return pulled;
    }
  }

  private setConnection(state: SyncConnection): void {
    this.connection = state;
    this.o.onStatus?.(this.status());
  }
}

/** Resolves after pending callbacks and one pass of the event loop's I/O. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function toPushed(r: OutboxRow): PushedMutation {
  return {
    mutationId: r.mutation_id,
    entity: r.entity as PushedMutation["entity"],
    rowId: r.row_id,
    op: r.op as PushedMutation["op"],
    changes: JSON.parse(r.changes) as PushedMutation["changes"],
    hlc: r.hlc,
    baseVersion: r.base_version,
  };
}

/** The batch's mutations a VALIDATION_FAILED refusal names (field paths "mutations.<i>.…"), with why. */
function invalidMutations(e: unknown, rows: OutboxRow[]): [OutboxRow, string][] {
  if (errorCodeOf(e) !== "VALIDATION_FAILED") return [];
  const fieldErrors = e instanceof AppError ? e.fieldErrors : (e as { data?: { fieldErrors?: FieldErrors | null } }).data?.fieldErrors;
  const out = new Map<number, string>();
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const m = /^mutations\.(\d+)\.(.+)$/.exec(path);
    if (m && rows[Number(m[1])]) out.set(Number(m[1]), `The server does not accept ${m[2]} of this ${rows[Number(m[1])]!.entity} change (${messages.join(", ")})`);
  }
  return [...out].map(([i, message]) => [rows[i]!, message]);
}
