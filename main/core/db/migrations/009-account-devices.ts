import type { Migration } from "../migration";

/**
 * What outlives a logout:
 * - `account_devices`: the device id each person was given on each server, so that logging in
 *   again on this computer resumes the same entry of the studio's device list (the server reuses
 *   it while it is not revoked) instead of adding a second one. Seeded from a connected desk.
 * - `pending_log_outs`: refresh tokens whose session the server has not yet ended (logged out
 *   while it was out of reach), kept as stored (protected) and sent again at the next chance.
 */
export const accountDevices: Migration = {
  version: 9,
  name: "account devices",
  up(db) {
    db.exec(`
      CREATE TABLE account_devices (
        server_url TEXT NOT NULL,
        email_key TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        last_login_at TEXT NOT NULL,
        PRIMARY KEY (server_url, email_key)
      );
      INSERT INTO account_devices (server_url, email_key, tenant_id, device_id, last_login_at)
        SELECT server_url, lower(trim(email)), tenant_id, device_id, connected_at FROM account_session;
      CREATE TABLE pending_log_outs (
        id INTEGER PRIMARY KEY,
        server_url TEXT NOT NULL,
        refresh_token TEXT NOT NULL,
        logged_out_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0
      );
    `);
  },
  down(db) {
    db.exec("DROP TABLE pending_log_outs; DROP TABLE account_devices;");
  },
};
