import type pg from "pg";
import type { MembershipRole } from "../../../shared/schemas/account";
import { withTenantAndUser, withUser } from "../db/with-tenant";

export interface Membership {
  tenantId: string;
  tenantName: string;
  role: MembershipRole;
}

/** The studios a person belongs to (read under their own user context, before a studio is chosen). */
export function membershipsOf(primary: pg.Pool, userId: string): Promise<Membership[]> {
  return withUser(primary, userId, async (tx) => {
    const { rows } = await tx.query<{ tenant_id: string; name: string; role: MembershipRole }>(
      `SELECT m.tenant_id, t.name, m.role FROM memberships m JOIN tenants t USING (tenant_id)
        WHERE m.user_id = $1 ORDER BY t.name, m.tenant_id`,
      [userId],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, tenantName: r.name, role: r.role }));
  });
}

/** The person's role in the studio now, or null once they no longer belong to it. */
export function roleIn(primary: pg.Pool, tenantId: string, userId: string): Promise<MembershipRole | null> {
  return withTenantAndUser(primary, tenantId, userId, async (tx) => {
    const { rows } = await tx.query<{ role: MembershipRole }>("SELECT role FROM memberships WHERE tenant_id = $1 AND user_id = $2", [tenantId, userId]);
    return rows[0]?.role ?? null;
  });
}
