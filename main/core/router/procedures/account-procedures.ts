import { connectInvitationInput, connectLogInInput, connectSignUpInput } from "../../../../shared/schemas/account-link";
import { defaultDeviceName } from "../../account/account-link";
import { procedure, router } from "../trpc";

/** "Connect to studio account" (Settings, and the welcome screen of a fresh computer). */
export const accountProcedures = router({
  status: procedure.query(({ ctx }) => ({ ...ctx.core.account.status(), defaultDeviceName: defaultDeviceName() })),
  signUp: procedure.input(connectSignUpInput).mutation(({ ctx, input }) => ctx.core.account.signUp(input)),
  logIn: procedure.input(connectLogInInput).mutation(({ ctx, input }) => ctx.core.account.logIn(input)),
  acceptInvitation: procedure.input(connectInvitationInput).mutation(({ ctx, input }) => ctx.core.account.acceptInvitation(input)),
  logOut: procedure.mutation(({ ctx }) => ctx.core.account.logOut()),
  /**
   * Who is acting here, for the UI to hide what the core would refuse: the role, its location scope
   * and live delegations (with `now` on the device's bounded clock, so the UI and core agree).
   */
  access: procedure.query(({ ctx }) => ({ subject: ctx.core.access.subject(), snapshot: ctx.core.access.snapshot(), now: ctx.core.clock.boundedNow() })),
});
