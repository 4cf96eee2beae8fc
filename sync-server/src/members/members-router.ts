import { invitationRef, inviteMemberInput, memberRef, setMemberLocationsInput, setMemberRoleInput } from "../../../shared/schemas/team";
import { router } from "../trpc/init";
import { permissionProcedure } from "../trpc/procedures";
import { cancelInvitation, listInvitations, resendInvitation } from "./invitation-admin";
import { inviteMember } from "./invitations";
import { removeMember, setMemberLocations, setMemberRole } from "./member-changes";
import { listMembers } from "./members-list";

const manage = permissionProcedure("users.manage");

/** The studio's people (the Users screen). accounts.acceptInvitation is where an invitee joins. */
export const membersRouter = router({
  list: manage.query(({ ctx }) => listMembers(ctx.services.accounts, ctx.auth)),
  invite: manage.input(inviteMemberInput).mutation(({ ctx, input }) => inviteMember(ctx.services.accounts, ctx.auth, ctx.access, input, ctx.services.billing)),
  setRole: manage.input(setMemberRoleInput).mutation(({ ctx, input }) => setMemberRole(ctx.services.accounts, ctx.auth, ctx.access, input.userId, input.role)),
  setLocations: manage.input(setMemberLocationsInput).mutation(({ ctx, input }) => setMemberLocations(ctx.services.accounts, ctx.auth, ctx.access, input.userId, input.locationIds)),
  // Pending invitations: the same permission as inviting (and, per invitation, the same reach).
  invitations: router({
    list: manage.query(({ ctx }) => listInvitations(ctx.services.accounts, ctx.auth)),
    cancel: manage.input(invitationRef).mutation(({ ctx, input }) => cancelInvitation(ctx.services.accounts, ctx.auth, ctx.access, input.invitationId)),
    resend: manage.input(invitationRef).mutation(({ ctx, input }) => resendInvitation(ctx.services.accounts, ctx.auth, ctx.access, input.invitationId)),
  }),
  remove: manage.input(memberRef).mutation(({ ctx, input }) => removeMember(ctx.services.accounts, ctx.auth, ctx.access, input.userId)),
});
