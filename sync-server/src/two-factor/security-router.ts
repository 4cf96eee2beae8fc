import { securitySettingsInput, totpCodeInput } from "../../../shared/schemas/team";
import { router } from "../trpc/init";
import { authedProcedure, permissionProcedure, sessionProcedure } from "../trpc/procedures";
import { requiresOwner2fa } from "./owner-policy";
import { securityStatus, setSecuritySettings } from "./security-settings";
import { beginTotp, confirmTotp, disableTotp } from "./totp-setup";

/** Two-factor for the caller, and the studio's policy. A session limited to setup reaches the first three only. */
export const securityRouter = router({
  status: sessionProcedure.query(({ ctx }) => securityStatus(ctx.services.accounts, ctx.auth)),
  totpBegin: sessionProcedure.mutation(({ ctx }) => beginTotp(ctx.services.accounts, ctx.auth)),
  totpConfirm: sessionProcedure.input(totpCodeInput).mutation(({ ctx, input }) => confirmTotp(ctx.services.accounts, ctx.auth, input.code)),
  totpDisable: authedProcedure
    .input(totpCodeInput)
    .mutation(async ({ ctx, input }) => disableTotp(ctx.services.accounts, ctx.auth, input.code, await requiresOwner2fa(ctx.services.accounts, ctx.auth.tenantId))),
  settings: permissionProcedure("security.manage").query(async ({ ctx }) => ({ requireOwner2fa: await requiresOwner2fa(ctx.services.accounts, ctx.auth.tenantId) })),
  setSettings: permissionProcedure("security.manage").input(securitySettingsInput).mutation(({ ctx, input }) => setSecuritySettings(ctx.services.accounts, ctx.auth, input)),
});
