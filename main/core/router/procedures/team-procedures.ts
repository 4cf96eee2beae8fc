import { revokeDeviceInput } from "../../../../shared/schemas/account";
import {
  auditFilterInput,
  auditListInput,
  createDelegationInput,
  delegationRef,
  invitationRef,
  inviteMemberInput,
  memberRef,
  securitySettingsInput,
  setMemberLocationsInput,
  setMemberRoleInput,
  totpCodeInput,
} from "../../../../shared/schemas/team";
import { procedure, router } from "../trpc";

/**
 * Calls to the studio account's server on behalf of the person signed in here (ctx.server):
 * NOT_CONNECTED without an account; the server's own refusal codes otherwise (FORBIDDEN, …).
 */
export const remote = procedure.use(({ ctx, next }) => next({ ctx: { server: ctx.core.sync.authorized() } }));

/**
 * The Users, Audit and Security screens: online only (they are the server's), each a proxy of the
 * sync server's procedure of the same name (sync-server/src/router.ts).
 */
export const teamProcedures = router({
  members: router({
    list: remote.query(({ ctx }) => ctx.server.call((c) => c.members.list.query())),
    invite: remote.input(inviteMemberInput).mutation(({ ctx, input }) => ctx.server.call((c) => c.members.invite.mutate(input))),
    setRole: remote.input(setMemberRoleInput).mutation(({ ctx, input }) => ctx.server.call((c) => c.members.setRole.mutate(input))),
    setLocations: remote.input(setMemberLocationsInput).mutation(({ ctx, input }) => ctx.server.call((c) => c.members.setLocations.mutate(input))),
    remove: remote.input(memberRef).mutation(({ ctx, input }) => ctx.server.call((c) => c.members.remove.mutate(input))),
    invitations: router({
      list: remote.query(({ ctx }) => ctx.server.call((c) => c.members.invitations.list.query())),
      cancel: remote.input(invitationRef).mutation(({ ctx, input }) => ctx.server.call((c) => c.members.invitations.cancel.mutate(input))),
      resend: remote.input(invitationRef).mutation(({ ctx, input }) => ctx.server.call((c) => c.members.invitations.resend.mutate(input))),
    }),
  }),
  devices: router({
    list: remote.query(({ ctx }) => ctx.server.call((c) => c.devices.list.query())),
    revoke: remote.input(revokeDeviceInput).mutation(({ ctx, input }) => ctx.server.call((c) => c.devices.revoke.mutate(input))),
  }),
  delegations: router({
    list: remote.query(({ ctx }) => ctx.server.call((c) => c.delegations.list.query())),
    create: remote.input(createDelegationInput).mutation(({ ctx, input }) => ctx.server.call((c) => c.delegations.create.mutate(input))),
    revoke: remote.input(delegationRef).mutation(({ ctx, input }) => ctx.server.call((c) => c.delegations.revoke.mutate(input))),
  }),
  audit: router({
    list: remote.input(auditListInput).query(({ ctx, input }) => ctx.server.call((c) => c.audit.list.query(input))),
    exportCsv: remote.input(auditFilterInput).query(({ ctx, input }) => ctx.server.call((c) => c.audit.exportCsv.query(input))),
  }),
  security: router({
    status: remote.query(({ ctx }) => ctx.server.call((c) => c.security.status.query())),
    totpBegin: remote.mutation(({ ctx }) => ctx.server.call((c) => c.security.totpBegin.mutate())),
    // Once on, the next call refreshes the session: a session limited to the setup becomes a full one.
    totpConfirm: remote.input(totpCodeInput).mutation(async ({ ctx, input }) => {
      const out = await ctx.server.call((c) => c.security.totpConfirm.mutate(input));
      ctx.server.forgetAccessToken();
      return out;
    }),
    totpDisable: remote.input(totpCodeInput).mutation(({ ctx, input }) => ctx.server.call((c) => c.security.totpDisable.mutate(input))),
    settings: remote.query(({ ctx }) => ctx.server.call((c) => c.security.settings.query())),
    setSettings: remote.input(securitySettingsInput).mutation(({ ctx, input }) => ctx.server.call((c) => c.security.setSettings.mutate(input))),
  }),
});
