import type { Db } from "../db/open-database";

export interface SyncState {
  serverUrl: string | null;
  tenantId: string | null;
  /** The last server version applied here (0: never pulled). */
  cursor: number;
  lastSyncedAt: string | null;
  lastError: string | null;
}

/** The one `sync_state` row (migration 004), created on first use. */
export class SyncStateStore {
  constructor(private readonly db: Db) {
    db.prepare("INSERT OR IGNORE INTO sync_state (singleton) VALUES (1)").run();
  }

  get(): SyncState {
    const r = this.db.prepare("SELECT * FROM sync_state WHERE singleton = 1").get() as {
      server_url: string | null; tenant_id: string | null; cursor: number; last_synced_at: string | null; last_error: string | null;
    };
    return { serverUrl: r.server_url, tenantId: r.tenant_id, cursor: r.cursor, lastSyncedAt: r.last_synced_at, lastError: r.last_error };
  }

  /** Written in the transaction that applies the page, so a crash never skips or re-counts changes. */
  setCursor(cursor: number): void {
    this.db.prepare("UPDATE sync_state SET cursor = ? WHERE singleton = 1").run(cursor);
  }

  synced(at: string): void {
    this.db.prepare("UPDATE sync_state SET last_synced_at = ?, last_error = NULL WHERE singleton = 1").run(at);
  }

  failed(message: string): void {
    this.db.prepare("UPDATE sync_state SET last_error = ? WHERE singleton = 1").run(message);
  }
}
