import type { Role } from "../../../shared/permissions/roles";
import type { MemberSummary } from "../../../shared/schemas/team";
import type { AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { withTenant } from "../db/with-tenant";

/**
 * The studio's people: who they are and their role (primary database), their scope and devices
 * (the studio's data database).
 */
export async function listMembers(deps: AccountsDeps, auth: AuthSession): Promise<MemberSummary[]> {
  const people = await withTenant(deps.databases.primary, auth.tenantId, async (tx) => {
    const { rows } = await tx.query<{ user_id: string; role: Role; name: string; email: string; totp: boolean }>(
      `SELECT m.user_id, m.role, u.name, u.email, (t.enabled_at IS NOT NULL AND t.secret_enc IS NOT NULL) AS totp
         FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN user_totp t ON t.user_id = m.user_id
        WHERE m.tenant_id = $1 ORDER BY u.name, u.email`,
      [auth.tenantId],
    );
    return rows;
  });
  const { scopes, devices } = await auth.inTenant(async (tx) => {
    const scopes = await tx.query<{ user_id: string; ids: string[] }>(
      "SELECT user_id::text, array_agg(location_id::text ORDER BY location_id) AS ids FROM membership_locations WHERE tenant_id = $1 GROUP BY user_id",
      [auth.tenantId],
    );
    const devices = await tx.query<{ user_id: string; n: number; last_seen: Date | null }>(
      "SELECT user_id::text, count(*) FILTER (WHERE revoked_at IS NULL)::int AS n, max(last_seen_at) AS last_seen FROM devices WHERE tenant_id = $1 GROUP BY user_id",
      [auth.tenantId],
    );
    return { scopes: new Map(scopes.rows.map((r) => [r.user_id, r.ids])), devices: new Map(devices.rows.map((r) => [r.user_id, r])) };
  });
  return people.map((p) => ({
    userId: p.user_id,
    name: p.name,
    email: p.email,
    role: p.role,
    locationIds: p.role === "owner" ? null : (scopes.get(p.user_id) ?? null),
    totpEnabled: p.totp,
    devices: devices.get(p.user_id)?.n ?? 0,
    lastSeenAt: devices.get(p.user_id)?.last_seen?.toISOString() ?? null,
  }));
}
