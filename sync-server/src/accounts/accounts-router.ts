import {
  logInInput,
  refreshInput,
  requestPasswordResetInput,
  resetPasswordInput,
  revokeDeviceInput,
  signUpInput,
} from "../../../shared/schemas/account";
import { acceptInvitationInput } from "../../../shared/schemas/team";
import { acceptInvitation } from "../members/invitations";
import { accessProcedure, permissionProcedure, servicesProcedure, sessionProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { logIn } from "./log-in";
import { logOut } from "./log-out";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { refreshSession } from "./refresh-session";
import { signUp } from "./sign-up";
import { revokeStudioDevice, studioDevices } from "./studio-devices";
import { whoAmI } from "./who-am-i";

export const accountsRouter = router({
  signUp: servicesProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.services.accounts, input)),
  logIn: servicesProcedure.input(logInInput).mutation(({ ctx, input }) => logIn(ctx.services.accounts, input, ctx.clientIp)),
  refresh: servicesProcedure.input(refreshInput).mutation(({ ctx, input }) => refreshSession(ctx.services.accounts, input.refreshToken)),
  /** Ends the session of that refresh token (the token is the proof, so a lapsed access token does not matter). */
  logOut: servicesProcedure.input(refreshInput).mutation(({ ctx, input }) => logOut(ctx.services.accounts, input.refreshToken, ctx.clientIp)),
  requestPasswordReset: servicesProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.services.accounts, input.email)),
  resetPassword: servicesProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.services.accounts, input.token, input.newPassword)),
  acceptInvitation: servicesProcedure
    .input(acceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.services.accounts, input, ctx.clientIp)),
  me: sessionProcedure.query(({ ctx }) => whoAmI(ctx.services.accounts, ctx.auth)),
  /** The caller's AccessSnapshot (role, location scope, live delegations): what the desktop checks offline. */
  access: accessProcedure.query(({ ctx }) => ctx.access.snapshot),
});

export const devicesRouter = router({
  list: permissionProcedure("devices.manage").query(({ ctx }) => studioDevices(ctx.services.accounts, ctx.auth)),
  revoke: permissionProcedure("devices.manage").input(revokeDeviceInput).mutation(({ ctx, input }) => revokeStudioDevice(ctx.services.accounts, ctx.auth, input.deviceId)),
});
