import { useMutation } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { connectLogInInput } from "../../../../shared/schemas/account-link";
import { SelectField, TextField } from "../../components/Fields";
import { useT } from "../../i18n";
import { tenantsOf, useAccountErrorText, type TenantChoice } from "../../lib/account-errors";
import { roleText } from "../../lib/account-role";
import { secondFactor } from "../../lib/totp-format";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useEntityForm } from "../../lib/use-entity-form";
import type { AccountDefaults } from "./account-defaults";
import { AccountForm, DeviceNameField, ServerUrlField } from "./AccountFields";

/** `label` and `secondary` go to the AccountForm frame. */
interface Props {
  defaults: AccountDefaults;
  label: string;
  secondary?: ReactNode;
}

/**
 * Log in to an existing studio account: on a fresh computer it downloads the studio, on the
 * studio's own computer it resumes syncing. A person in several studios picks one, then retries.
 */
export function LogInForm({ defaults, label, secondary }: Props) {
  const t = useT();
  const trpc = useTRPC();
  const logIn = useMutation(trpc.account.logIn.mutationOptions());
  const errorText = useAccountErrorText();
  const [tenants, setTenants] = useState<TenantChoice[]>([]);
  // Asked once the server answers TOTP_REQUIRED: the same form then logs in again with the code.
  const [askCode, setAskCode] = useState(false);
  const form = useEntityForm({
    initial: { serverUrl: defaults.serverUrl, email: defaults.email, password: "", deviceName: defaults.deviceName, tenantId: "", code: "" },
    toInput: (v) => ({
      serverUrl: v.serverUrl, email: v.email, password: v.password, deviceName: v.deviceName,
      ...(v.tenantId ? { tenantId: v.tenantId } : {}),
      ...(askCode ? secondFactor(v.code) ?? {} : {}),
    }),
    schema: connectLogInInput,
    save: async (input) => {
      try {
        return await logIn.mutateAsync(input);
      } catch (error) {
        if (appCodeOf(error) === "TOTP_REQUIRED") setAskCode(true);
        const offered = tenantsOf(error);
        if (offered.length > 0) {
          setTenants(offered);
          form.set("tenantId", offered[0]!.tenantId);
        }
        throw error;
      }
    },
    onSaved: () => undefined,
    savedText: t("account.loggedIn"),
    errorText,
  });
  const { values: v, set, errors } = form;
  return (
    <AccountForm label={label} form={form} submitLabel={t("account.logIn.action")} secondary={secondary}>
      <ServerUrlField errors={errors} value={v.serverUrl} onChange={(x) => set("serverUrl", x)} />
      <TextField label={t("common.email")} name="email" type="email" autoComplete="username" errors={errors} value={v.email} onChange={(x) => set("email", x)} />
      <TextField label={t("account.password")} name="password" type="password" autoComplete="current-password" errors={errors} value={v.password}
        onChange={(x) => set("password", x)} />
      {tenants.length > 0 && (
        <SelectField label={t("account.tenant")} name="tenantId" hint={t("account.tenantHint")} errors={errors} value={v.tenantId}
          onChange={(x) => set("tenantId", x)}
          options={tenants.map((x) => ({ value: x.tenantId, label: `${x.tenantName} — ${roleText(t, x.role)}` }))} />
      )}
      {askCode && (
        <TextField label={t("login.totp")} name="totpCode" autoComplete="one-time-code" hint={t("login.totpHint")} errors={errors} value={v.code}
          onChange={(x) => set("code", x)} />
      )}
      <DeviceNameField errors={errors} value={v.deviceName} onChange={(x) => set("deviceName", x)} />
    </AccountForm>
  );
}
