import { DEFAULT_MAIL_FROM } from "../accounts/mailer";
import { readBillingConfig, type BillingConfig } from "./billing-config";
import { syncDataDir } from "./default-data-dir";

/** Everything `npm run server` reads from the environment besides PORT and HOST (config.ts). */
export interface RuntimeConfig {
  /** Migrate and use this database; absent: the embedded cluster in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  tokenSecret: string | undefined;
  appDbPassword: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean;
  /** Stripe (STRIPE_*, APP_URL), or billing off on SYNC_DEFAULT_PLAN. */
  billing: BillingConfig;
}

function wholeNumber(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

const optional = (value: string | undefined): string | undefined => value?.trim() || undefined;

export function readRuntimeConfig(env: Readonly<Record<string, string | undefined>>): RuntimeConfig {
  return {
    databaseUrl: optional(env.DATABASE_URL),
    dataDir: syncDataDir(env),
    tokenSecret: optional(env.SYNC_TOKEN_SECRET),
    appDbPassword: optional(env.SYNC_APP_DB_PASSWORD),
    accessTokenTtlSeconds: wholeNumber(env, "SYNC_ACCESS_TOKEN_TTL_SECONDS", 900, 30, 86_400),
    refreshTokenTtlDays: wholeNumber(env, "SYNC_REFRESH_TOKEN_TTL_DAYS", 30, 1, 365),
    smtpUrl: optional(env.SMTP_URL),
    mailFrom: optional(env.SMTP_FROM) ?? DEFAULT_MAIL_FROM,
    trustProxy: env.SYNC_TRUST_PROXY === "1" || env.SYNC_TRUST_PROXY === "true",
    billing: readBillingConfig(env),
  };
}
