import { uuidv7 } from "../../../shared/ids";
import type { MembershipRole, SessionTokens } from "../../../shared/schemas/account";
import type { PushedMutation } from "../../../shared/sync/protocol";
import { addMember } from "./members";
import { asAdmin, type TestDatabase } from "./postgres";
import type { TestSyncServer } from "./sync-test-server";

export const MEMBER_PASSWORD = "member password 1";

/** A member added straight in the database, limited to `locations` (absent: every location), logged in. */
export async function memberSession(
  srv: TestSyncServer,
  db: TestDatabase,
  tenantId: string,
  role: MembershipRole,
  locations?: string[],
): Promise<SessionTokens & { email: string }> {
  const email = `${role}.${uuidv7().slice(-8)}@example.com`;
  const userId = await addMember(db, tenantId, email, MEMBER_PASSWORD, role);
  if (locations) {
    await asAdmin(db, async (c) => {
      for (const l of locations) await c.query("INSERT INTO membership_locations (tenant_id, user_id, location_id) VALUES ($1, $2, $3)", [tenantId, userId, l]);
    });
  }
  const session = await srv.client().accounts.logIn.mutate({ email, password: MEMBER_PASSWORD, device: { name: `${role} desk` } });
  return { ...session, email };
}

/** The owner's sign-up location (the studio's first). */
export async function firstLocation(db: TestDatabase, tenantId: string): Promise<string> {
  return asAdmin(db, async (c) => (await c.query<{ id: string }>("SELECT id FROM locations WHERE tenant_id = $1 ORDER BY created_at LIMIT 1", [tenantId])).rows[0]!.id);
}

export const pushAs = (srv: TestSyncServer, t: { accessToken: string }, mutations: PushedMutation[]) => srv.client(t.accessToken).sync.push.mutate({ mutations });

/** "applied", "conflict", or the refusal's code. */
export const statusOf = (r: { status: string; code?: string }): string => (r.status === "rejected" ? r.code! : r.status);
