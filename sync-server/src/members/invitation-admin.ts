import type { Role } from "../../../shared/permissions/roles";
import type { InvitationSummary } from "../../../shared/schemas/team";
import type { CallerAccess } from "../access/caller-access";
import type { AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { recordSecurityEvent } from "../audit/audit-log";
import { withTenant, type Tx } from "../db/with-tenant";
import { ServerError } from "../errors";
import { mailInvitation, storeInvitation } from "./invitation-issue";
import { assertMayGrant } from "./member-rules";

/** The pending invitations of the studio (not accepted, cancelled nor expired), newest first; never their codes. */
export async function listInvitations(deps: AccountsDeps, auth: AuthSession): Promise<InvitationSummary[]> {
  return withTenant(deps.databases.primary, auth.tenantId, async (tx) => {
    const { rows } = await tx.query<{ id: string; email: string; role: Role; location_ids: string[] | null; inviter: string | null; created_at: Date; expires_at: Date }>(
      `SELECT i.id, i.email, i.role, i.location_ids::text[] AS location_ids, u.name AS inviter, i.created_at, i.expires_at
         FROM invitations i LEFT JOIN users u ON u.id = i.invited_by
        WHERE i.tenant_id = $1 AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at > $2
        ORDER BY i.created_at DESC, i.id DESC`,
      [auth.tenantId, new Date(deps.now())],
    );
    return rows.map((r) => ({
      invitationId: r.id,
      email: r.email,
      role: r.role,
      locationIds: r.role === "owner" ? null : r.location_ids,
      invitedByName: r.inviter,
      sentAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
    }));
  });
}

interface PendingRow { id: string; email: string; email_key: string; role: Role; location_ids: string[] | null }

/**
 * Locks a pending invitation and marks it cancelled. The caller must be able to send it
 * (same role and locations rule as inviting): a Paris admin cannot cancel a London invitation.
 */
async function cancelPending(tx: Tx, auth: AuthSession, access: CallerAccess, invitationId: string, now: Date): Promise<PendingRow> {
  const { rows } = await tx.query<PendingRow>(
    `SELECT id, email, email_key, role, location_ids::text[] AS location_ids FROM invitations
      WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > $3 FOR UPDATE`,
    [auth.tenantId, invitationId, now],
  );
  const row = rows[0];
  if (!row) throw new ServerError("NOT_FOUND", "This invitation is no longer pending (accepted, cancelled or expired)");
  assertMayGrant(access, row.role, row.location_ids);
  await tx.query("UPDATE invitations SET cancelled_at = $3, cancelled_by = $4 WHERE tenant_id = $1 AND id = $2", [auth.tenantId, invitationId, now, auth.userId]);
  return row;
}

/** Cancels a pending invitation: its code no longer works (INVITATION_CANCELLED). */
export async function cancelInvitation(deps: AccountsDeps, auth: AuthSession, access: CallerAccess, invitationId: string): Promise<{ invitationId: string }> {
  const row = await withTenant(deps.databases.primary, auth.tenantId, (tx) => cancelPending(tx, auth, access, invitationId, new Date(deps.now())));
  await recordSecurityEvent(deps, auth.tenantId, {
    action: "member.invitation_cancelled", userId: auth.userId, deviceId: auth.deviceId, entity: "invitation", rowId: invitationId,
    details: { email: row.email, role: row.role, locationIds: row.location_ids },
  });
  return { invitationId };
}

/**
 * Mails a new code for a pending invitation, valid for a full period again; the old code dies. The
 * mail is sent inside the transaction: if it cannot leave, nothing changes and the old code still works.
 */
export async function resendInvitation(
  deps: AccountsDeps,
  auth: AuthSession,
  access: CallerAccess,
  invitationId: string,
): Promise<{ invitationId: string; email: string; expiresAt: number }> {
  if (!deps.mailer.enabled) throw new ServerError("MAIL_DISABLED", "This server cannot send mail: the invitation could not be sent");
  const nowMs = deps.now();
  const { row, stored } = await withTenant(deps.databases.primary, auth.tenantId, async (tx) => {
    const old = await cancelPending(tx, auth, access, invitationId, new Date(nowMs));
    const stored = await storeInvitation(tx, auth.tenantId, auth.userId, { email: old.email, emailKey: old.email_key, role: old.role, locationIds: old.location_ids }, nowMs);
    // Sent inside the transaction: a mail that cannot leave undoes the resend.
    await mailInvitation(deps, auth.tenantId, old.email, stored);
    return { row: old, stored };
  });
  const id = stored.invitationId;
  const expiresAt = stored.expiresAt;
  await recordSecurityEvent(deps, auth.tenantId, {
    action: "member.invitation_resent", userId: auth.userId, deviceId: auth.deviceId, entity: "invitation", rowId: invitationId,
    details: { email: row.email, role: row.role, locationIds: row.location_ids, newInvitationId: id },
  });
  return { invitationId: id, email: row.email, expiresAt };
}
