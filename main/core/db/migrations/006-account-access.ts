import type { Migration } from "../migration";

/**
 * What the connected person may do, as the server last said (roles with their location scope, and
 * delegations with their expiry), kept so that the same rules hold offline: JSON, refreshed at
 * every sync round.
 */
export const accountAccess: Migration = {
  version: 6,
  name: "account access",
  up(db) {
    db.exec(`
      ALTER TABLE account_session ADD COLUMN access TEXT;
      ALTER TABLE account_session ADD COLUMN access_fetched_at TEXT;
    `);
  },
  down(db) {
    db.exec(`
      ALTER TABLE account_session DROP COLUMN access_fetched_at;
      ALTER TABLE account_session DROP COLUMN access;
    `);
  },
};
