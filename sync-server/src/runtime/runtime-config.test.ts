import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { syncDataDir } from "./default-data-dir";
import { readRuntimeConfig } from "./runtime-config";
import { loadServerSecrets } from "./server-secrets";

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-secrets-"));
  temps.push(dir);
  return dir;
};

describe("readRuntimeConfig", () => {
  it("has defaults for everything", () => {
    const config = readRuntimeConfig({ SYNC_DATA_DIR: "/srv/rsm" });
    expect(config).toEqual({
      databaseUrl: undefined,
      dataDir: "/srv/rsm",
      tokenSecret: undefined,
      appDbPassword: undefined,
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
      smtpUrl: undefined,
      mailFrom: "Recording Studio Manager <no-reply@localhost>",
      trustProxy: false,
      billing: { stripe: null, defaultPlan: "enterprise" },
    });
  });

  it("reads every variable, blanks meaning unset", () => {
    const config = readRuntimeConfig({
      DATABASE_URL: "postgresql://u:p@db:5432/rsm",
      SYNC_DATA_DIR: "/srv/rsm",
      SYNC_ACCESS_TOKEN_TTL_SECONDS: "300",
      SYNC_REFRESH_TOKEN_TTL_DAYS: "7",
      SMTP_URL: " ",
      SMTP_FROM: "Studio <s@example.com>",
      SYNC_TRUST_PROXY: "1",
    });
    expect(config).toMatchObject({ databaseUrl: "postgresql://u:p@db:5432/rsm", accessTokenTtlSeconds: 300, refreshTokenTtlDays: 7, smtpUrl: undefined, mailFrom: "Studio <s@example.com>", trustProxy: true });
  });

  it.each([
    ["SYNC_ACCESS_TOKEN_TTL_SECONDS", "10"],
    ["SYNC_ACCESS_TOKEN_TTL_SECONDS", "15m"],
    ["SYNC_REFRESH_TOKEN_TTL_DAYS", "0"],
  ])("refuses %s=%s with a clear message", (name, value) => {
    expect(() => readRuntimeConfig({ [name]: value })).toThrow(`${name} must be a whole number`);
  });
});

describe("syncDataDir", () => {
  it("prefers SYNC_DATA_DIR, resolved", () => {
    expect(syncDataDir({ SYNC_DATA_DIR: "relative/dir" })).toBe(path.resolve("relative/dir"));
  });

  it("defaults to a per-user folder, or /var/lib when run as root", () => {
    const dir = syncDataDir({ XDG_DATA_HOME: "/home/u/.data" }, "linux");
    if (process.getuid?.() === 0) expect(dir).toBe("/var/lib/recording-studio-manager/sync-server");
    else expect(dir).toBe("/home/u/.data/recording-studio-manager/sync-server");
  });
});

describe("loadServerSecrets", () => {
  it("makes secrets on first run, keeps them private, and reads the same ones back", () => {
    const dir = tempDir();
    const first = loadServerSecrets(dir, {});
    expect(first.tokenSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.appDbPassword).toMatch(/^[\x21-\x7e]{16,}$/);
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(loadServerSecrets(dir, {})).toEqual(first);
  });

  it("lets the environment win, and writes nothing when it gives both", () => {
    const dir = tempDir();
    const env = { tokenSecret: "t".repeat(40), appDbPassword: "p".repeat(20) };
    expect(loadServerSecrets(dir, env)).toEqual(env);
    expect(fs.existsSync(path.join(dir, "secrets.json"))).toBe(false);
    expect(loadServerSecrets(dir, { tokenSecret: env.tokenSecret }).tokenSecret).toBe(env.tokenSecret);
  });

  it("refuses weak or unusable secrets from the environment", () => {
    expect(() => loadServerSecrets(tempDir(), { tokenSecret: "short" })).toThrow("SYNC_TOKEN_SECRET must be at least 32 characters");
    expect(() => loadServerSecrets(tempDir(), { appDbPassword: "has spaces in it, sadly" })).toThrow("SYNC_APP_DB_PASSWORD must be 16 to 200 printable ASCII");
  });
});
