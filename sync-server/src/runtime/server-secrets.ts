import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { MIN_TOKEN_SECRET_LENGTH } from "../accounts/access-token";
import { APP_PASSWORD_RE } from "../db/app-role-password";

export interface ServerSecrets {
  /** Signs access tokens (SYNC_TOKEN_SECRET). */
  tokenSecret: string;
  /** The app database role's password (SYNC_APP_DB_PASSWORD). */
  appDbPassword: string;
}

export const SECRETS_FILE = "secrets.json";

/**
 * The environment's secrets, else those kept in the data folder (made on first run, readable by
 * this account only). Several servers behind one load balancer must share them: set both
 * variables there.
 */
export function loadServerSecrets(dataDir: string, fromEnv: Partial<ServerSecrets>): ServerSecrets {
  if (fromEnv.tokenSecret !== undefined && fromEnv.tokenSecret.length < MIN_TOKEN_SECRET_LENGTH) {
    throw new Error(`SYNC_TOKEN_SECRET must be at least ${MIN_TOKEN_SECRET_LENGTH} characters`);
  }
  if (fromEnv.appDbPassword !== undefined && !APP_PASSWORD_RE.test(fromEnv.appDbPassword)) {
    throw new Error("SYNC_APP_DB_PASSWORD must be 16 to 200 printable ASCII characters (no spaces)");
  }
  if (fromEnv.tokenSecret && fromEnv.appDbPassword) return { tokenSecret: fromEnv.tokenSecret, appDbPassword: fromEnv.appDbPassword };

  const file = path.join(dataDir, SECRETS_FILE);
  let stored: Partial<ServerSecrets> = {};
  if (fs.existsSync(file)) {
    try {
      stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<ServerSecrets>;
    } catch {
      throw new Error(`${file} is not valid JSON: fix it, or delete it to make new secrets (everyone will have to log in again)`);
    }
  }
  const kept: ServerSecrets = {
    tokenSecret: stored.tokenSecret ?? crypto.randomBytes(48).toString("base64url"),
    appDbPassword: stored.appDbPassword ?? crypto.randomBytes(24).toString("base64url"),
  };
  if (kept.tokenSecret !== stored.tokenSecret || kept.appDbPassword !== stored.appDbPassword) {
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  return { tokenSecret: fromEnv.tokenSecret ?? kept.tokenSecret, appDbPassword: fromEnv.appDbPassword ?? kept.appDbPassword };
}
