import { AccessTokens } from "../accounts/access-token";
import { DEFAULT_ACCOUNTS_SETTINGS } from "../accounts/accounts-deps";
import { createMailer } from "../accounts/mailer";
import { createBilling } from "../billing/create-billing";
import { DocumentMailer } from "../documents/document-mailer";
import { DEFAULT_SCRYPT } from "../accounts/password-hash";
import type { TenantDatabases } from "../db/tenant-databases";
import type { Logger } from "../log";
import type { SyncServices } from "../trpc/context";
import type { RuntimeConfig } from "./runtime-config";

/** The services the procedures run on, from the environment's settings. */
export function createServices(config: RuntimeConfig, databases: TenantDatabases, tokenSecret: string, log: Logger): SyncServices & { close(): void } {
  const mailer = createMailer(config.smtpUrl, config.mailFrom, log);
  // Documents' mail waits in its queue while SMTP is off, and goes out once it is configured.
  const documentMailer = mailer.enabled ? new DocumentMailer(databases, mailer, log) : null;
  documentMailer?.start();
  return {
    accounts: {
      databases,
      tokens: new AccessTokens(tokenSecret, config.accessTokenTtlSeconds),
      mailer,
      log,
      now: Date.now,
      settings: { ...DEFAULT_ACCOUNTS_SETTINGS, refreshTokenTtlMs: config.refreshTokenTtlDays * 24 * 3600_000, scrypt: DEFAULT_SCRYPT },
    },
    billing: createBilling(config.billing, databases, log),
    close: () => {
      void documentMailer?.stop();
      mailer.close();
    },
  };
}
