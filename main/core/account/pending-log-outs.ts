import type { Db } from "../db/open-database";
import { openSecret, type SecretProtector } from "./secret-protector";
import { asAppError, createServerClient } from "./server-client";

/** Logging out waits this long at most for the server; past it, the session is ended at the next chance. */
const LOG_OUT_TIMEOUT_MS = 5_000;

/**
 * Sessions logged out here that the server has yet to end (pending_log_outs, migration 009). The
 * logout itself is local and immediate (account-session-store.ts logOutLocally); this tells the
 * server, now and again at each chance (the app's start, a login, each sync round) while it is
 * out of reach. Whatever the server answers (ended, or a token it no longer knows) settles it; an
 * unreadable token cannot be sent and is dropped: its session ends at its expiry.
 */
export class PendingLogOuts {
  private flushing: Promise<void> | null = null;
  private again: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly secrets: SecretProtector,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /**
   * Tries each pending logout once, one run at a time (a call during a run gets one more run
   * after it, which sees rows added meanwhile); never rejects: what is left waits for the next chance.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again ??= this.flushing.then(() => {
        this.again = null;
        return this.flush();
      });
      return this.again;
    }
    this.flushing = this.run()
      .catch((e: unknown) => this.log(`pending logouts not settled: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }

  private async run(): Promise<void> {
    const rows = this.db.prepare("SELECT id, server_url, refresh_token FROM pending_log_outs ORDER BY id").all() as { id: number; server_url: string; refresh_token: string }[];
    const settle = this.db.prepare("DELETE FROM pending_log_outs WHERE id = ?");
    const retryLater = this.db.prepare("UPDATE pending_log_outs SET attempts = attempts + 1 WHERE id = ?");
    const unreachable = new Set<string>();
    for (const row of rows) {
      // The app closed its database meanwhile: the rest waits for the next start.
      if (!this.db.open) return;
      if (unreachable.has(row.server_url)) continue;
      const opened = openSecret(this.secrets, row.refresh_token);
      if (!opened.ok) {
        this.log(`pending logout dropped: ${opened.reason}`);
        settle.run(row.id);
        continue;
      }
      try {
        await createServerClient(row.server_url, () => null, { timeoutMs: LOG_OUT_TIMEOUT_MS }).accounts.logOut.mutate({ refreshToken: opened.secret });
        if (!this.db.open) return;
        settle.run(row.id);
      } catch (e) {
        if (!this.db.open) return;
        const err = asAppError(e);
        // Any answer from the server settles it (a malformed token will never be accepted);
        // silence means later.
        if (err.code !== "SERVER_UNREACHABLE") {
          this.log(`pending logout refused by the server (${err.code}): ${err.message}`);
          settle.run(row.id);
        } else {
          retryLater.run(row.id);
          unreachable.add(row.server_url);
        }
      }
    }
  }
}
