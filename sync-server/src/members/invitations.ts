import { uuidv7 } from "../../../shared/ids";
import { memberLimitRefusal } from "../billing/member-limit";
import type { BillingDeps } from "../billing/billing-deps";
import { studioPlan } from "../billing/studio-plan";
import type { Role } from "../../../shared/permissions/roles";
import type { SessionTokens } from "../../../shared/schemas/account";
import type { CallerAccess } from "../access/caller-access";
import { emailKey, type AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { registerDevice } from "../accounts/devices";
import { sameBytes, sha256 } from "../accounts/opaque-token";
import { hashPassword, verifyPassword } from "../accounts/password-hash";
// Same shape as a refresh token (<tenant>.<row>.<secret>): the tenant is known before any lookup.
import { parseRefreshToken as parseTenantToken } from "../accounts/refresh-token";
import { issueSession } from "../accounts/session-tokens";
import { recordAudit, recordSecurityEvent } from "../audit/audit-log";
import { withTenant } from "../db/with-tenant";
import { ServerError } from "../errors";
import { totpSetupOnly } from "../two-factor/owner-policy";
import { mailInvitation, storeInvitation } from "./invitation-issue";
import { assertMayGrant } from "./member-rules";
import { writeScope } from "./member-state";


export interface InviteInput {
  email: string;
  role: Role;
  locationIds: string[] | null;
}

/** Mails a one-time code that lets `email` join the studio with `role` at `locationIds`. */
export async function inviteMember(
  deps: AccountsDeps,
  auth: AuthSession,
  access: CallerAccess,
  input: InviteInput,
  billing?: BillingDeps,
): Promise<{ invitationId: string; email: string; expiresAt: number }> {
  const locationIds = input.role === "owner" ? null : input.locationIds;
  assertMayGrant(access, input.role, locationIds);
  if (!deps.mailer.enabled) throw new ServerError("MAIL_DISABLED", "This server cannot send mail: the invitation could not be sent");
  const nowMs = deps.now();
  const key = emailKey(input.email);
  const email = input.email.trim();
  const plan = await studioPlan(billing, auth.tenantId, nowMs);
  const stored = await withTenant(deps.databases.primary, auth.tenantId, async (tx) => {
    // The plan's number of people, counted before one more is invited (PLAN_LIMIT names the limit).
    const overPlan = await memberLimitRefusal(tx, auth.tenantId, plan);
    if (overPlan) throw overPlan;
    const member = await tx.query("SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND u.email_key = $2", [auth.tenantId, key]);
    if (member.rowCount) throw new ServerError("ALREADY_MEMBER", "This person already belongs to the studio");
    // One pending invitation per address: inviting again replaces the earlier one (its code dies),
    // so the list shows one line per person and only the latest role and locations can be taken.
    await tx.query(
      "UPDATE invitations SET cancelled_at = $3, cancelled_by = $4 WHERE tenant_id = $1 AND email_key = $2 AND accepted_at IS NULL AND cancelled_at IS NULL",
      [auth.tenantId, key, new Date(nowMs), auth.userId],
    );
    return storeInvitation(tx, auth.tenantId, auth.userId, { email, emailKey: key, role: input.role, locationIds }, nowMs);
  });
  await mailInvitation(deps, auth.tenantId, email, stored);
  const id = stored.invitationId;
  await recordSecurityEvent(deps, auth.tenantId, {
    action: "member.invited", userId: auth.userId, deviceId: auth.deviceId, entity: "invitation", rowId: id,
    details: { email, role: input.role, locationIds },
  });
  return { invitationId: id, email, expiresAt: stored.expiresAt };
}

interface InvitationRow {
  id: string; email: string; email_key: string; role: Role; location_ids: string[] | null; token_hash: Buffer; cancelled: boolean;
}

export interface AcceptInput {
  token: string;
  name: string;
  password: string;
  device: { id?: string | undefined; name: string };
}

/**
 * Joins the studio with an invitation's code: a new person gets an account with this password; a
 * person who already has one (another studio) proves it with their current password. Returns a
 * session, as a login does.
 */
export async function acceptInvitation(deps: AccountsDeps, input: AcceptInput, ip: string): Promise<SessionTokens> {
  const parts = parseTenantToken(input.token.trim());
  const invalid = () => new ServerError("INVITATION_INVALID", "This invitation is wrong, used or expired: ask for a new one");
  if (!parts) throw invalid();
  const { tenantId } = parts;
  const nowMs = deps.now();
  const { primary } = deps.databases;
  const invitation = await withTenant(primary, tenantId, async (tx) => {
    const { rows } = await tx.query<InvitationRow>(
      "SELECT id, email, email_key, role, location_ids, token_hash, cancelled_at IS NOT NULL AS cancelled FROM invitations WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL AND expires_at > $3",
      [tenantId, parts.tokenId, new Date(nowMs)],
    );
    return rows[0] ?? null;
  });
  if (!invitation || !sameBytes(invitation.token_hash, sha256(parts.secret))) throw invalid();
  // Said only to the holder of the right code: it tells them a newer mail (or nothing) replaces it.
  if (invitation.cancelled) throw new ServerError("INVITATION_CANCELLED", "This invitation was cancelled or replaced by a newer one: use the latest mail, or ask for a new one");

  const existing = await primary.query<{ id: string; password_hash: string }>("SELECT id, password_hash FROM users WHERE email_key = $1", [invitation.email_key]);
  const known = existing.rows[0];
  if (known && !(await verifyPassword(input.password, known.password_hash))) {
    throw new ServerError("INVALID_CREDENTIALS", "This email already has an account: enter its current password");
  }
  const newHash = known ? null : await hashPassword(input.password, deps.settings.scrypt);
  const userId = known?.id ?? uuidv7(nowMs);

  await withTenant(primary, tenantId, async (tx) => {
    // Claimed first: of two acceptances racing with one code, one wins.
    const claimed = await tx.query("UPDATE invitations SET accepted_at = $3 WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL AND cancelled_at IS NULL", [tenantId, invitation.id, new Date(nowMs)]);
    if (claimed.rowCount !== 1) throw invalid();
    if (newHash) {
      await tx.query("INSERT INTO users (id, email, email_key, name, password_hash, password_changed_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $6)", [
        userId, invitation.email, invitation.email_key, input.name, newHash, new Date(nowMs),
      ]);
    }
    const joined = await tx.query("INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", [tenantId, userId, invitation.role, new Date(nowMs)]);
    if (joined.rowCount !== 1) throw new ServerError("ALREADY_MEMBER", "You already belong to this studio: log in instead");
  });

  const setupOnly = await totpSetupOnly(deps, tenantId, userId, invitation.role);
  const pool = await deps.databases.forTenant(tenantId);
  return withTenant(pool, tenantId, async (tx) => {
    await writeScope(tx, tenantId, userId, invitation.role === "owner" ? null : invitation.location_ids);
    const deviceId = await registerDevice(tx, { tenantId, userId, device: input.device }, nowMs);
    await recordAudit(tx, tenantId, nowMs, {
      kind: "security", action: "member.joined", userId, deviceId, ip, entity: "invitation", rowId: invitation.id,
      details: { email: invitation.email, role: invitation.role, locationIds: invitation.location_ids, newAccount: !known },
    });
    return issueSession(tx, deps, { tenantId, userId, deviceId, role: invitation.role, totpSetupOnly: setupOnly });
  });
}
