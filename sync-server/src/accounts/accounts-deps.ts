import type { TenantDatabases } from "../db/tenant-databases";
import type { Logger } from "../log";
import type { AccessTokens } from "./access-token";
import type { Mailer } from "./mailer";
import type { ScryptParams } from "./password-hash";

export interface LoginRateLimit {
  /** Failed logins allowed per (email, IP) within the window; the next one is refused. */
  maxFailures: number;
  windowMs: number;
}

export interface AccountsSettings {
  refreshTokenTtlMs: number;
  resetTokenTtlMs: number;
  /** Reset mails sent per person per hour, beyond which requests are quietly dropped. */
  maxResetMailsPerHour: number;
  loginRateLimit: LoginRateLimit;
  scrypt: ScryptParams;
}

export const DEFAULT_ACCOUNTS_SETTINGS: Omit<AccountsSettings, "scrypt"> = {
  refreshTokenTtlMs: 30 * 24 * 3600_000,
  resetTokenTtlMs: 3600_000,
  maxResetMailsPerHour: 3,
  loginRateLimit: { maxFailures: 5, windowMs: 15 * 60_000 },
};

/** What the account procedures need; `now` is injectable so expiry can be tested without waiting. */
export interface AccountsDeps {
  databases: TenantDatabases;
  tokens: AccessTokens;
  mailer: Mailer;
  log: Logger;
  now: () => number;
  settings: AccountsSettings;
}

/** Emails compare case-insensitively, as people type them. */
export const emailKey = (email: string): string => email.trim().toLowerCase();
