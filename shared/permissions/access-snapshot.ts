import { z } from "zod";
import { PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";
import type { Subject } from "./access";

/**
 * What the server tells a device about the person using it: their role in the studio with its
 * location scope, and the delegations lent to them. The desktop keeps the last one and decides
 * offline with it (delegations still end at their expiry, on the device's bounded clock).
 */
export const accessSnapshotSchema = z.object({
  role: z.enum(ROLES),
  /** null: every location. */
  locationIds: z.array(z.string()).nullable(),
  delegations: z.array(
    z.object({
      id: z.string(),
      fromUserId: z.string(),
      permissions: z.array(z.enum(PERMISSIONS)),
      locationIds: z.array(z.string()).nullable(),
      /** Epoch ms. */
      expiresAt: z.number().int(),
    }),
  ),
});
export type AccessSnapshot = z.infer<typeof accessSnapshotSchema>;

export function subjectOf(snapshot: AccessSnapshot): Subject {
  return { grants: [{ role: snapshot.role, locationIds: snapshot.locationIds }], delegations: snapshot.delegations };
}
