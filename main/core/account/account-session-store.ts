import type { SessionTokens } from "../../../shared/schemas/account";
import type { AccountStatus } from "../../../shared/schemas/account-link";
import type { Db } from "../db/open-database";

export interface AccountSession {
  serverUrl: string;
  tenantId: string;
  userId: string;
  email: string;
  role: string;
  deviceId: string;
  accessToken: string | null;
  accessExpiresAt: number | null;
  refreshToken: string | null;
  refreshExpiresAt: number | null;
  loginRequired: string | null;
  connectedAt: string;
}

interface Row {
  server_url: string; tenant_id: string; user_id: string; email: string; role: string; device_id: string;
  access_token: string | null; access_expires_at: number | null; refresh_token: string | null; refresh_expires_at: number | null;
  login_required: string | null; connected_at: string;
}

/** The one `account_session` row (migration 005). */
export class AccountSessionStore {
  constructor(private readonly db: Db) {}

  get(): AccountSession | null {
    const r = this.db.prepare("SELECT * FROM account_session WHERE singleton = 1").get() as Row | undefined;
    if (!r) return null;
    return {
      serverUrl: r.server_url, tenantId: r.tenant_id, userId: r.user_id, email: r.email, role: r.role, deviceId: r.device_id,
      accessToken: r.access_token, accessExpiresAt: r.access_expires_at, refreshToken: r.refresh_token, refreshExpiresAt: r.refresh_expires_at,
      loginRequired: r.login_required, connectedAt: r.connected_at,
    };
  }

  status(): AccountStatus {
    const s = this.get();
    return {
      connected: s !== null,
      serverUrl: s?.serverUrl ?? null,
      email: s?.email ?? null,
      role: s?.role ?? null,
      tenantId: s?.tenantId ?? null,
      deviceId: s?.deviceId ?? null,
      connectedAt: s?.connectedAt ?? null,
      loginRequired: s?.loginRequired ?? null,
    };
  }

  /** A new login (or sign-up): the whole row, and the sync state pointed at that server and studio. */
  saveLogin(serverUrl: string, email: string, t: SessionTokens): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO account_session (singleton, server_url, tenant_id, user_id, email, role, device_id, access_token, access_expires_at,
             refresh_token, refresh_expires_at, login_required, connected_at)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
           ON CONFLICT (singleton) DO UPDATE SET server_url = excluded.server_url, tenant_id = excluded.tenant_id, user_id = excluded.user_id,
             email = excluded.email, role = excluded.role, device_id = excluded.device_id, access_token = excluded.access_token,
             access_expires_at = excluded.access_expires_at, refresh_token = excluded.refresh_token,
             refresh_expires_at = excluded.refresh_expires_at, login_required = NULL`,
        )
        .run(serverUrl, t.tenantId, t.userId, email, t.role, t.deviceId, t.accessToken, t.accessTokenExpiresAt, t.refreshToken, t.refreshTokenExpiresAt, new Date().toISOString());
      this.db.prepare("INSERT OR IGNORE INTO sync_state (singleton) VALUES (1)").run();
      this.db.prepare("UPDATE sync_state SET server_url = ?, tenant_id = ? WHERE singleton = 1").run(serverUrl, t.tenantId);
    })();
  }

  /** A refresh: new tokens for the same person and device. */
  saveTokens(t: SessionTokens): void {
    this.db
      .prepare("UPDATE account_session SET access_token = ?, access_expires_at = ?, refresh_token = ?, refresh_expires_at = ?, role = ? WHERE singleton = 1")
      .run(t.accessToken, t.accessTokenExpiresAt, t.refreshToken, t.refreshTokenExpiresAt, t.role);
  }

  /** Marks the access token lapsed, so the next request refreshes it first. */
  expireAccessToken(): void {
    this.db.prepare("UPDATE account_session SET access_expires_at = 0 WHERE singleton = 1").run();
  }

  /** The server refused the session: tokens are dropped, the link and everything pending stay. */
  requireLogin(reason: string): void {
    this.db
      .prepare("UPDATE account_session SET access_token = NULL, access_expires_at = NULL, refresh_token = NULL, refresh_expires_at = NULL, login_required = ? WHERE singleton = 1")
      .run(reason);
  }

  /** Disconnect: the local data and its pending changes stay; only the account link goes. */
  clear(): void {
    this.db.prepare("DELETE FROM account_session").run();
  }
}
