import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { connectInvitationInput } from "../../../../shared/schemas/account-link";
import { TextField } from "../../components/Fields";
import { useT } from "../../i18n";
import { useAccountErrorText } from "../../lib/account-errors";
import { useTRPC } from "../../lib/trpc";
import { useEntityForm } from "../../lib/use-entity-form";
import type { AccountDefaults } from "./account-defaults";
import { AccountForm, DeviceNameField, ServerUrlField } from "./AccountFields";

/** Joins a studio with the code an invitation mail carries: this fresh computer then downloads it. */
export function JoinForm({ defaults, label, secondary }: { defaults: AccountDefaults; label: string; secondary?: ReactNode }) {
  const t = useT();
  const trpc = useTRPC();
  const accept = useMutation(trpc.account.acceptInvitation.mutationOptions());
  const errorText = useAccountErrorText();
  const form = useEntityForm({
    initial: { serverUrl: defaults.serverUrl, token: "", name: "", password: "", deviceName: defaults.deviceName },
    toInput: (v) => v,
    schema: connectInvitationInput,
    save: (input) => accept.mutateAsync(input),
    onSaved: () => undefined,
    savedText: t("join.done"),
    errorText,
  });
  const { values: v, set, errors } = form;
  return (
    <AccountForm label={label} form={form} submitLabel={t("join.action")} secondary={secondary}>
      <ServerUrlField errors={errors} value={v.serverUrl} onChange={(x) => set("serverUrl", x)} />
      <TextField label={t("join.token")} name="token" errors={errors} value={v.token} onChange={(x) => set("token", x)} />
      <TextField label={t("join.name")} name="name" autoComplete="name" errors={errors} value={v.name} onChange={(x) => set("name", x)} />
      <TextField label={t("account.password")} name="password" type="password" autoComplete="new-password" hint={t("account.newPasswordHint")} errors={errors}
        value={v.password} onChange={(x) => set("password", x)} />
      <DeviceNameField errors={errors} value={v.deviceName} onChange={(x) => set("deviceName", x)} />
    </AccountForm>
  );
}
