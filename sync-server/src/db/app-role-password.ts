import pg from "pg";
import { isPgError, SQLSTATE } from "./pg-errors";
import { APP_ROLE } from "./roles";
import { scramSha256Verifier } from "./scram-verifier";

/** Printable ASCII, so that PostgreSQL's SASLprep leaves it as our verifier saw it. */
export const APP_PASSWORD_RE = /^[\x21-\x7e]{16,200}$/;

async function canLogIn(config: pg.ClientConfig): Promise<boolean> {
  const probe = new pg.Client(config);
  try {
    await probe.connect();
    return true;
  } catch (err) {
    if (isPgError(err, SQLSTATE.invalidPassword)) return false;
    throw err;
  } finally {
    await probe.end().catch(() => {});
  }
}

/**
 * Makes the app role's password `password`, unless it already is (checked by logging in, so that
 * servers sharing a cluster never rewrite the role under each other).
 */
export async function ensureAppRolePassword(admin: pg.ClientConfig, appTarget: pg.ClientConfig, password: string): Promise<void> {
  if (!APP_PASSWORD_RE.test(password)) throw new Error("The app database password must be 16 to 200 printable ASCII characters");
  if (await canLogIn({ ...appTarget, user: APP_ROLE, password })) return;
  const client = new pg.Client(admin);
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${client.escapeLiteral(scramSha256Verifier(password))}`);
  } finally {
    await client.end();
  }
}
