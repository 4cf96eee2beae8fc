import { uuidv7 } from "../../../shared/ids";
import type { Role } from "../../../shared/permissions/roles";
import type { AccountsDeps } from "../accounts/accounts-deps";
import { randomSecret, sha256 } from "../accounts/opaque-token";
// Same shape as a refresh token (<tenant>.<row>.<secret>): the tenant is known before any lookup.
import { formatRefreshToken as formatTenantToken } from "../accounts/refresh-token";
import type { Tx } from "../db/with-tenant";
import { ServerError } from "../errors";
import { invitationMail } from "./invitation-mail";

export const INVITATION_TTL_DAYS = 7;

export interface InvitationTo {
  email: string;
  emailKey: string;
  role: Role;
  locationIds: string[] | null;
}

/**
 * Stores a new invitation (only the hash of its secret) and returns its code; the studio's and the
 * inviter's names are read in the same transaction for the mail. Inviting and resending both use it.
 */
export async function storeInvitation(tx: Tx, tenantId: string, invitedBy: string, to: InvitationTo, nowMs: number) {
  const id = uuidv7(nowMs);
  const secret = randomSecret();
  const expiresAt = nowMs + INVITATION_TTL_DAYS * 86_400_000;
  await tx.query(
    `INSERT INTO invitations (tenant_id, id, email, email_key, role, location_ids, token_hash, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [tenantId, id, to.email, to.emailKey, to.role, to.locationIds, sha256(secret), invitedBy, new Date(nowMs), new Date(expiresAt)],
  );
  const names = await tx.query<{ studio: string; inviter: string }>("SELECT t.name AS studio, u.name AS inviter FROM tenants t, users u WHERE t.tenant_id = $1 AND u.id = $2", [tenantId, invitedBy]);
  return {
    invitationId: id,
    expiresAt,
    token: formatTenantToken({ tenantId, tokenId: id, secret }),
    studioName: names.rows[0]?.studio ?? "",
    inviterName: names.rows[0]?.inviter ?? "",
  };
}

/** Mails an invitation's code; a mail that cannot leave is MAIL_FAILED, logged with its cause. */
export async function mailInvitation(deps: AccountsDeps, tenantId: string, to: string, stored: Awaited<ReturnType<typeof storeInvitation>>): Promise<void> {
  try {
    await deps.mailer.send({ to, ...invitationMail(stored.studioName, stored.inviterName, stored.token, INVITATION_TTL_DAYS) });
  } catch (err) {
    deps.log({ level: "error", msg: "invitation mail failed", tenantId, error: err instanceof Error ? err.message : String(err) });
    throw new ServerError("MAIL_FAILED", "The invitation mail could not be sent: try again later");
  }
}
