import type { MembershipRole } from "../../../shared/schemas/account";
import type { MutationResult, PushedMutation, SyncedEntity } from "../../../shared/sync/protocol";
import type { AuthSession } from "../accounts/authenticate";
import type { Tx } from "../db/with-tenant";
import { readLocationScope, scopeViolation, type LocationScope } from "./location-scope";

/** Who pushes, as the push rules need it: read once per push, not once per mutation. */
export interface MutationAccess {
  role: MembershipRole;
  scope: LocationScope;
}

/** Owners see every location, so their pushes (the common case) cost no query here. */
export async function accessOf(auth: AuthSession): Promise<MutationAccess> {
  if (auth.role === "owner") return { role: auth.role, scope: null };
  const scope = await auth.inTenant((tx) => readLocationScope(tx, auth.tenantId, auth.userId, auth.role));
  return { role: auth.role, scope };
}

/** Studio settings and locations shape everyone's work: owners and admins only. */
const MANAGERS_ONLY: ReadonlySet<SyncedEntity> = new Set(["studio", "location"]);

/**
 * The refusal of a mutation the caller may not make, or null. Decided before any field is
 * validated, and recorded like any outcome: the same push replayed gets the same answer.
 */
export async function refuseMutation(tx: Tx, tenantId: string, table: string, access: MutationAccess, m: PushedMutation): Promise<MutationResult | null> {
  const reject = (code: "STUDIO_MISMATCH" | "FORBIDDEN" | "LOCATION_FORBIDDEN", message: string): MutationResult => ({
    mutationId: m.mutationId,
    status: "rejected",
    code,
    message,
  });
  // A desktop holding another studio's data (its studio row carries that tenant's id).
  if (m.entity === "studio" && m.rowId !== tenantId) return reject("STUDIO_MISMATCH", `Studio ${m.rowId} is not this account's studio (${tenantId})`);
  if (MANAGERS_ONLY.has(m.entity) && access.role === "staff") return reject("FORBIDDEN", `Staff members may not change ${m.entity} settings`);
  const outside = await scopeViolation(tx, tenantId, table, access.scope, m);
  return outside === null ? null : reject("LOCATION_FORBIDDEN", outside);
}
