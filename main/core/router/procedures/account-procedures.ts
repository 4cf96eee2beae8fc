import { connectLogInInput, connectSignUpInput } from "../../../../shared/schemas/account-link";
import { defaultDeviceName } from "../../account/account-link";
import { procedure, router } from "../trpc";

/** "Connect to studio account" (Settings, and the welcome screen of a fresh computer). */
export const accountProcedures = router({
  status: procedure.query(({ ctx }) => ({ ...ctx.core.account.status(), defaultDeviceName: defaultDeviceName() })),
  signUp: procedure.input(connectSignUpInput).mutation(({ ctx, input }) => ctx.core.account.signUp(input)),
  logIn: procedure.input(connectLogInInput).mutation(({ ctx, input }) => ctx.core.account.logIn(input)),
  logOut: procedure.mutation(({ ctx }) => ctx.core.account.logOut()),
});
