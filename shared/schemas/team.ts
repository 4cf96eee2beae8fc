import { z } from "zod";
import { PERMISSIONS, type Permission } from "../permissions/permissions";
import { ROLES, type Role } from "../permissions/roles";
import { V, idSchema, requiredText } from "./common";
import { deviceInput, emailSchema, passwordSchema } from "./account";

/**
 * The studio's people, delegations, audit log and two-factor settings: inputs shared by the sync
 * server's procedures and the desktop core's `team.*` proxies, and what they return.
 */

/** null: every location. */
const locationIds = z.array(idSchema).min(1, V.required).max(100).nullable();

export const inviteMemberInput = z.object({ email: emailSchema, role: z.enum(ROLES), locationIds });
export const acceptInvitationInput = z.object({
  token: z.string({ message: V.required }).trim().min(1, V.required).max(300, V.invalid),
  name: requiredText(120),
  /** A new account's password; for an existing account, its current password. */
  password: passwordSchema,
  device: deviceInput,
});
export const memberRef = z.object({ userId: idSchema });
export const setMemberRoleInput = memberRef.extend({ role: z.enum(ROLES) });
export const setMemberLocationsInput = memberRef.extend({ locationIds });

/** One pending invitation (members.invitations.cancel / resend). */
export const invitationRef = z.object({ invitationId: idSchema });

/** A pending invitation as the Users screen lists it: never its code. */
export interface InvitationSummary {
  invitationId: string;
  email: string;
  role: Role;
  /** null: every location. */
  locationIds: string[] | null;
  invitedByName: string | null;
  sentAt: string;
  expiresAt: string;
}

export interface MemberSummary {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** null: every location. */
  locationIds: string[] | null;
  totpEnabled: boolean;
  /** Devices not revoked. */
  devices: number;
  lastSeenAt: string | null;
}

/** The longest a delegation may run: a loan, not a second role. */
export const MAX_DELEGATION_DAYS = 90;

export const createDelegationInput = z.object({
  toUserId: idSchema,
  permissions: z.array(z.enum(PERMISSIONS)).min(1, V.required).max(PERMISSIONS.length),
  locationIds,
  /** Epoch ms, in the future and at most MAX_DELEGATION_DAYS ahead (the server's clock decides). */
  expiresAt: z.number().int(),
});
export const delegationRef = z.object({ id: idSchema });

export interface DelegationSummary {
  id: string;
  fromUserId: string;
  toUserId: string;
  permissions: Permission[];
  locationIds: string[] | null;
  expiresAt: number;
  createdAt: number;
  revokedAt: number | null;
  /** Neither revoked nor expired, on the server's clock. */
  active: boolean;
}

export const auditFilterInput = z.object({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  userId: idSchema.optional(),
  entity: z.string().trim().min(1).max(40).optional(),
  kind: z.enum(["change", "security"]).optional(),
});
export const auditListInput = auditFilterInput.extend({
  /** From the previous page's nextCursor; absent: the newest events. */
  cursor: z.string().max(80).nullable().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.infer<typeof auditFilterInput>;

export interface AuditEntry {
  id: string;
  at: string;
  kind: "change" | "security";
  action: string;
  userId: string | null;
  userName: string | null;
  deviceId: string | null;
  entity: string | null;
  rowId: string | null;
  hlc: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  events: AuditEntry[];
  nextCursor: string | null;
}

export const totpCodeInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, V.invalid) });
export const securitySettingsInput = z.object({ requireOwner2fa: z.boolean() });
