import type pg from "pg";

/**
 * A libpq-style URL (postgresql://user:pass@host:port/db?host=/socket/dir&sslmode=require) as
 * explicit pg settings. Explicit fields, not `connectionString`, so that callers can change the
 * database or user (pg lets a connection string override any field given beside it).
 */
export function clientConfigFromUrl(url: string): pg.ClientConfig {
  if (!/^postgres(ql)?:\/\//i.test(url)) throw new Error("A database URL must start with postgresql:// (or postgres://)");
  // WHATWG URL needs a host; libpq allows none (the socket folder then comes from ?host=).
  const parsed = new URL(url.replace(/^postgres(ql)?:\/\/([^/@]*@)?\//i, (_all, _s, creds: string | undefined) => `postgresql://${creds ?? ""}localhost/`));
  const params = parsed.searchParams;
  const user = decodeURIComponent(parsed.username) || undefined;
  const config: pg.ClientConfig = {
    host: params.get("host") ?? decodeURIComponent(parsed.hostname.replace(/^\[(.*)\]$/, "$1")),
    port: Number(params.get("port") ?? parsed.port ?? "") || 5432,
    user,
    database: decodeURIComponent(parsed.pathname.slice(1)) || user,
  };
  const password = decodeURIComponent(parsed.password);
  if (password) config.password = password;
  const sslmode = params.get("sslmode");
  if (sslmode === "require") config.ssl = { rejectUnauthorized: false };
  else if (sslmode === "verify-ca" || sslmode === "verify-full") config.ssl = { rejectUnauthorized: true };
  return config;
}

/** For logs: where a connection goes, never its password. */
export function describeTarget(config: pg.ClientConfig): string {
  const where = String(config.host ?? "").startsWith("/") ? `socket ${config.host}` : `${config.host}:${config.port}`;
  return `${config.user ?? "?"}@${where}/${config.database ?? "?"}`;
}
