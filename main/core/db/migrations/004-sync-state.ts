import type { Migration } from "../migration";

/**
 * The desktop sync engine's state. `sync_state` is one row: which server and tenant this studio
 * syncs with, the pull cursor (last server version applied) and the outcome of the last attempt,
 * so a restart resumes where it stopped and the UI can say when it last synced and why it failed.
 * The outbox keeps what the server answered: a mutation is 'pending' until pushed, then 'sent'
 * (applied or kept as conflict, with the server version) or 'rejected' with the code and message
 * the UI shows; a rejected change is never dropped silently.
 */
export const syncState: Migration = {
  version: 4,
  name: "sync state and outbox outcomes",
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        server_url TEXT,
        tenant_id TEXT,
        cursor INTEGER NOT NULL DEFAULT 0,
        last_synced_at TEXT,
        last_error TEXT
      );
      ALTER TABLE outbox ADD COLUMN result_version INTEGER;
      ALTER TABLE outbox ADD COLUMN reject_code TEXT;
      ALTER TABLE outbox ADD COLUMN reject_message TEXT;
      -- Re-applying pending changes on top of a pulled row looks them up by row.
      CREATE INDEX outbox_row ON outbox (row_id, status, seq);
    `);
  },
  down(db) {
    db.exec(`
      DROP INDEX outbox_row;
      ALTER TABLE outbox DROP COLUMN reject_message;
      ALTER TABLE outbox DROP COLUMN reject_code;
      ALTER TABLE outbox DROP COLUMN result_version;
      DROP TABLE sync_state;
    `);
  },
};
