import type { Migration } from "../migration";

/**
 * The studio account this computer is connected to: one row, absent until "Connect to studio
 * account". The refresh token lives here, beside the data it unlocks, so that working offline after
 * a login needs nothing else; `login_required` is set when the server refuses the session (revoked
 * device, expired refresh token) so the app asks to log in again while keeping pending changes.
 */
export const accountSession: Migration = {
  version: 5,
  name: "account session",
  up(db) {
    db.exec(`
      CREATE TABLE account_session (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        server_url TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        email TEXT NOT NULL,
        role TEXT NOT NULL,
        device_id TEXT NOT NULL,
        access_token TEXT,
        access_expires_at INTEGER,
        refresh_token TEXT,
        refresh_expires_at INTEGER,
        login_required TEXT,
        connected_at TEXT NOT NULL
      );
    `);
  },
  down(db) {
    db.exec("DROP TABLE account_session");
  },
};
