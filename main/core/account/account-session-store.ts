import type { SessionTokens } from "../../../shared/schemas/account";
import type { AccountStatus } from "../../../shared/schemas/account-link";
import type { Db } from "../db/open-database";
import { openSecret, PLAIN_SECRETS, sealSecret, type SecretProtector } from "./secret-protector";

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

/** How a person is known in `account_devices` (migration 009): the server compares emails the same way. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * The one `account_session` row (migration 005), its access and refresh tokens sealed by the host's
 * SecretProtector (an access token stored plain by an earlier version lapses within 15 minutes), and what outlives a logout (migration 009): each person's device id, and the
 * sessions the server has yet to end.
 */
export class AccountSessionStore {
  /** The stored tokens (access and refresh) last opened: get() runs before every request, decrypting is not free. */
  private opened = new Map<string, string>();

  constructor(
    private readonly db: Db,
    readonly secrets: SecretProtector = PLAIN_SECRETS,
  ) {
    this.resealStored();
  }

  get(): AccountSession | null {
    const r = this.db.prepare("SELECT * FROM account_session WHERE singleton = 1").get() as Row | undefined;
    if (!r) return null;
    return {
      serverUrl: r.server_url, tenantId: r.tenant_id, userId: r.user_id, email: r.email, role: r.role, deviceId: r.device_id,
      accessToken: this.reveal(r.access_token), accessExpiresAt: r.access_expires_at, refreshToken: this.reveal(r.refresh_token), refreshExpiresAt: r.refresh_expires_at,
      loginRequired: r.login_required, connectedAt: r.connected_at,
    };
  }

  /** An unreadable token counts as none: the next request asks for a new login (see resealStored). */
  private reveal(stored: string | null): string | null {
    if (stored === null) return null;
    const known = this.opened.get(stored);
    if (known !== undefined) return known;
    const opened = openSecret(this.secrets, stored);
    if (!opened.ok) return null;
    // Only the current pair is worth keeping: older tokens are never asked for again.
    if (this.opened.size >= 2) this.opened.clear();
    this.opened.set(stored, opened.secret);
    return opened.secret;
  }

  /**
   * At start: a token stored in plain text (before protection existed, or by browser mode) is
   * sealed now, its old bytes wiped from the file (secure_delete, then the WAL truncated); one this
   * host cannot read asks for a new login, with the reason, keeping everything pending.
   */
  private resealStored(): void {
    const rows = [
      ...(this.db.prepare("SELECT 'session' AS kind, singleton AS id, refresh_token AS token FROM account_session WHERE refresh_token IS NOT NULL").all() as { kind: string; id: number; token: string }[]),
      ...(this.db.prepare("SELECT 'pending' AS kind, id, refresh_token AS token FROM pending_log_outs").all() as { kind: string; id: number; token: string }[]),
    ];
    const updates: { kind: string; id: number; token: string | null; reason?: string }[] = [];
    for (const row of rows) {
      const opened = openSecret(this.secrets, row.token);
      if (!opened.ok) updates.push({ kind: row.kind, id: row.id, token: null, reason: opened.reason });
      else if (opened.reseal) updates.push({ kind: row.kind, id: row.id, token: sealSecret(this.secrets, opened.secret) });
    }
    if (updates.length === 0) return;
    const secureDelete = this.db.pragma("secure_delete", { simple: true }) as number;
    this.db.pragma("secure_delete = ON");
    try {
      this.db.transaction(() => {
        for (const u of updates) {
          if (u.kind === "pending") {
            if (u.token === null) this.db.prepare("DELETE FROM pending_log_outs WHERE id = ?").run(u.id);
            else this.db.prepare("UPDATE pending_log_outs SET refresh_token = ? WHERE id = ?").run(u.token, u.id);
          } else if (u.token === null) this.requireLogin(u.reason!);
          else this.db.prepare("UPDATE account_session SET refresh_token = ? WHERE singleton = 1").run(u.token);
        }
      })();
    } finally {
      this.db.pragma(`secure_delete = ${secureDelete}`);
    }
    // The plain bytes may still sit in older WAL frames until the log is checkpointed and emptied.
    this.db.pragma("wal_checkpoint(TRUNCATE)");
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
      serverLogOutPending: this.pendingLogOuts() > 0,
    };
  }

  pendingLogOuts(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM pending_log_outs").get() as { n: number }).n;
  }

  /** The device id this person was given on that server, kept across logouts (null: never logged in here). */
  knownDevice(serverUrl: string, email: string): string | null {
    const row = this.db.prepare("SELECT device_id FROM account_devices WHERE server_url = ? AND email_key = ?").get(serverUrl, emailKey(email)) as { device_id: string } | undefined;
    return row?.device_id ?? null;
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
        .run(serverUrl, t.tenantId, t.userId, email, t.role, t.deviceId, sealSecret(this.secrets, t.accessToken), t.accessTokenExpiresAt, sealSecret(this.secrets, t.refreshToken), t.refreshTokenExpiresAt, new Date().toISOString());
      this.db
        .prepare(
          `INSERT INTO account_devices (server_url, email_key, tenant_id, device_id, last_login_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (server_url, email_key) DO UPDATE SET tenant_id = excluded.tenant_id, device_id = excluded.device_id, last_login_at = excluded.last_login_at`,
        )
        .run(serverUrl, emailKey(email), t.tenantId, t.deviceId, new Date().toISOString());
      this.db.prepare("INSERT OR IGNORE INTO sync_state (singleton) VALUES (1)").run();
      this.db.prepare("UPDATE sync_state SET server_url = ?, tenant_id = ? WHERE singleton = 1").run(serverUrl, t.tenantId);
    })();
  }

  /** A refresh: new tokens for the same person and device. */
  saveTokens(t: SessionTokens): void {
    this.db
      .prepare("UPDATE account_session SET access_token = ?, access_expires_at = ?, refresh_token = ?, refresh_expires_at = ?, role = ? WHERE singleton = 1")
      .run(sealSecret(this.secrets, t.accessToken), t.accessTokenExpiresAt, sealSecret(this.secrets, t.refreshToken), t.refreshTokenExpiresAt, t.role);
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

  /**
   * Logout on this computer, at once: the account link goes (the local data, its outbox and the
   * device id stay); a refresh token still held waits in pending_log_outs, as stored, for the
   * server to end its session (pending-log-outs.ts).
   */
  logOutLocally(nowIso: string): void {
    this.db.transaction(() => {
      this.db
        .prepare("INSERT INTO pending_log_outs (server_url, refresh_token, logged_out_at) SELECT server_url, refresh_token, ? FROM account_session WHERE refresh_token IS NOT NULL")
        .run(nowIso);
      this.db.prepare("DELETE FROM account_session").run();
    })();
  }
}
