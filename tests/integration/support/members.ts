import { uuidv7 } from "../../../shared/ids";
import type { MembershipRole } from "../../../shared/schemas/account";
import { hashPassword } from "../../../sync-server/src/accounts/password-hash";
import { asAdmin, type TestDatabase } from "./postgres";
import { TEST_SCRYPT } from "./sync-test-server";

/**
 * Adds a person to a studio straight in the database (inviting staff has no API yet). An existing
 * email joins with its existing identity.
 */
export async function addMember(db: TestDatabase, tenantId: string, email: string, password: string, role: MembershipRole): Promise<string> {
  const hash = await hashPassword(password, TEST_SCRYPT);
  return asAdmin(db, async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO users (id, email, email_key, name, password_hash, password_changed_at, created_at)
       VALUES ($1, $2, lower($2), $2, $3, now(), now())
       ON CONFLICT (email_key) DO UPDATE SET email = excluded.email RETURNING id`,
      [uuidv7(), email, hash],
    );
    const userId = rows[0]!.id;
    await c.query("INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES ($1, $2, $3, now())", [tenantId, userId, role]);
    return userId;
  });
}
