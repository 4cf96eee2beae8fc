import { TRIAL_DAYS } from "../../../shared/billing/plans";
import { uuidv7 } from "../../../shared/ids";
import type { SessionTokens, SignUpInput } from "../../../shared/schemas/account";
import { isPgError, SQLSTATE } from "../db/pg-errors";
import { withTenant, type Tx } from "../db/with-tenant";
import { ServerError } from "../errors";
import { emailKey, type AccountsDeps } from "./accounts-deps";
import { registerDevice } from "./devices";
import { insertFirstLocation } from "./first-location";
import { hashPassword } from "./password-hash";
import { issueSession } from "./session-tokens";
import { insertStudioRow } from "./studio-row";

// The studio's own trial, as shared/billing decides plans from it.
const TRIAL_MS = TRIAL_DAYS * 24 * 3600_000;

export interface Placement {
  /** A provisioned dedicated database for the studio's data; null: pooled in the primary. */
  database: string | null;
}

function refusal(err: unknown): unknown {
  if (isPgError(err, SQLSTATE.uniqueViolation)) {
    if (err.constraint === "users_email_key_key") return new ServerError("EMAIL_TAKEN", "An account already uses this email: log in instead");
    if (err.constraint === "tenants_pkey") return new ServerError("ALREADY_INITIALIZED", "This studio already has an account");
  }
  return err;
}

/**
 * A new studio: tenant, owner, membership and directory entry in the primary database; studio row,
 * first location, device and session in the studio's data database. When both are the primary (the
 * default) it is one transaction; for a dedicated database the directory rows are removed again
 * if the second step fails.
 */
export async function signUp(deps: AccountsDeps, input: SignUpInput, placement: Placement = { database: null }): Promise<SessionTokens> {
  const nowMs = deps.now();
  const now = new Date(nowMs);
  const tenantId = input.tenantId ?? uuidv7(nowMs);
  const userId = uuidv7(nowMs);
  const passwordHash = await hashPassword(input.owner.password, deps.settings.scrypt);
  const { primary } = deps.databases;
  const dataPool = deps.databases.pool(placement.database);

  const writeDirectory = async (tx: Tx) => {
    await tx.query("INSERT INTO tenants (tenant_id, name, plan, trial_ends_at, created_at) VALUES ($1, $2, 'trial', $3, $4)", [
      tenantId,
      input.studioName,
      new Date(nowMs + TRIAL_MS),
      now,
    ]);
    await tx.query(
      "INSERT INTO users (id, email, email_key, name, password_hash, password_changed_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $6)",
      [userId, input.owner.email.trim(), emailKey(input.owner.email), input.owner.name, passwordHash, now],
    );
    await tx.query("INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES ($1, $2, 'owner', $3)", [tenantId, userId, now]);
    await tx.query("INSERT INTO tenant_directory (tenant_id, database_name, updated_at) VALUES ($1, $2, $3)", [tenantId, placement.database, now]);
  };
  const writeStudio = async (tx: Tx): Promise<SessionTokens> => {
    const { id: locationId, ...location } = input.location;
    await insertFirstLocation(tx, tenantId, locationId ?? uuidv7(nowMs), location, nowMs);
    await insertStudioRow(tx, tenantId, input.studioName, nowMs);
    const deviceId = await registerDevice(tx, { tenantId, userId, device: { name: input.device.name } }, nowMs);
    return issueSession(tx, deps, { tenantId, userId, deviceId, role: "owner" });
  };

  try {
    let session: SessionTokens;
    if (dataPool === primary) {
      session = await withTenant(primary, tenantId, async (tx) => {
        await writeDirectory(tx);
        return writeStudio(tx);
      });
    } else {
      await withTenant(primary, tenantId, writeDirectory);
      try {
        session = await withTenant(dataPool, tenantId, writeStudio);
      } catch (err) {
        await withTenant(primary, tenantId, async (tx) => {
          await tx.query("DELETE FROM tenants WHERE tenant_id = $1", [tenantId]);
          await tx.query("DELETE FROM users WHERE id = $1", [userId]);
        });
        throw err;
      }
    }
    deps.log({ level: "info", msg: "studio signed up", tenantId, userId, database: placement.database ?? deps.databases.primaryDatabase });
    return session;
  } catch (err) {
    throw refusal(err);
  }
}
