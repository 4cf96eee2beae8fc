import { can, locationsWhere, type Subject } from "../../../shared/permissions/access";
import { mutationPermissions } from "../../../shared/permissions/mutation-permissions";
import type { MutationResult, PushedMutation } from "../../../shared/sync/protocol";
import type { AuthSession } from "../accounts/authenticate";
import type { Tx } from "../db/with-tenant";
import { touchedLocations } from "./location-scope";

/** Who pushes, as the push rules need it: read once per push, not once per mutation. */
export interface MutationAccess {
  userId: string;
  subject: Subject;
  /** The server's clock when the push began: delegations count strictly before their expiry. */
  nowMs: number;
}

export async function accessOf(auth: AuthSession): Promise<MutationAccess> {
  const { subject, nowMs } = await auth.access();
  return { userId: auth.userId, subject, nowMs };
}

type Refusal = "STUDIO_MISMATCH" | "FORBIDDEN" | "LOCATION_FORBIDDEN";

/**
 * The refusal of a mutation the caller may not make, or null: the shared matrix
 * (mutationPermissions + can), for each location the mutation touches, as the desktop's core
 * decides it offline. Decided before any field is validated, and recorded like any outcome: the
 * same push replayed gets the same answer.
 */
export async function refuseMutation(tx: Tx, tenantId: string, table: string, access: MutationAccess, m: PushedMutation): Promise<MutationResult | null> {
  const early = refusalWithoutLookup(tenantId, access, m);
  if (early !== LOOKUP) return early;
  const reject = (code: Refusal, message: string): MutationResult => ({ mutationId: m.mutationId, status: "rejected", code, message });
  const { subject, nowMs: now } = access;
  const asPushed = mutationPermissions(m.entity, m.op, m.changes);
  const asInsert = m.op === "update" ? mutationPermissions(m.entity, "insert", m.changes) : asPushed;
  const touched = await touchedLocations(tx, tenantId, table, m);
  const needs = touched.exists ? asPushed : asInsert;
  for (const permission of needs) {
    for (const locationId of touched.locationIds.length > 0 ? touched.locationIds : [null]) {
      if (can(subject, permission, { locationId, now })) continue;
      const somewhere = locationsWhere(subject, permission, now);
      if (locationId !== null && (somewhere === null || somewhere.size > 0)) {
        return reject("LOCATION_FORBIDDEN", `Location ${locationId} is outside the locations where your role allows ${permission}`  );
      }
      return reject("FORBIDDEN", `Your role does not allow ${permission}`);
    }
  }
  return null;
}

/** refusalWithoutLookup's answer when the decision needs the row's stored locations. */
export const LOOKUP = "lookup";

/**
 * What refuseMutation decides without reading anything: a studio mismatch, or no refusal in the
 * common case (an owner, an unscoped admin: every permission either way holds everywhere); LOOKUP
 * when it depends on the locations the mutation touches. The batch path of push uses it as is.
 */
export function refusalWithoutLookup(tenantId: string, access: MutationAccess, m: PushedMutation): MutationResult | null | typeof LOOKUP {
  // A desktop holding another studio's data (its studio row carries that tenant's id).
  if (m.entity === "studio" && m.rowId !== tenantId) {
    return { mutationId: m.mutationId, status: "rejected", code: "STUDIO_MISMATCH", message: `Studio ${m.rowId} is not this account's studio (${tenantId})` };
  }
  const { subject, nowMs: now } = access;
  const asPushed = mutationPermissions(m.entity, m.op, m.changes);
  const asInsert = m.op === "update" ? mutationPermissions(m.entity, "insert", m.changes) : asPushed;
  return [...asPushed, ...asInsert].every((p) => locationsWhere(subject, p, now) === null) ? null : LOOKUP;
}
