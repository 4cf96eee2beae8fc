import { inviteMemberInput, memberRef, setMemberLocationsInput, setMemberRoleInput } from "../../../shared/schemas/team";
import { router } from "../trpc/init";
import { permissionProcedure } from "../trpc/procedures";
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
  remove: manage.input(memberRef).mutation(({ ctx, input }) => removeMember(ctx.services.accounts, ctx.auth, ctx.access, input.userId)),
});
