import { useMutation } from "@tanstack/react-query";
import { connectSignUpInput } from "../../../../shared/schemas/account-link";
import { TextField } from "../../components/Fields";
import { useT } from "../../i18n";
import { useAccountErrorText } from "../../lib/account-errors";
import { useTRPC } from "../../lib/trpc";
import { useEntityForm } from "../../lib/use-entity-form";
import type { AccountDefaults } from "./account-defaults";
import { AccountForm, DeviceNameField, ServerUrlField } from "./AccountFields";

/** Creates the studio account on the sync server with this computer's studio, which then uploads. */
export function SignUpForm({ defaults, label }: { defaults: AccountDefaults; label: string }) {
  const t = useT();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const errorText = useAccountErrorText();
  const form = useEntityForm({
    initial: { serverUrl: defaults.serverUrl, ownerName: "", email: defaults.email, password: "", deviceName: defaults.deviceName },
    toInput: (v) => v,
    schema: connectSignUpInput,
    save: (input) => signUp.mutateAsync(input),
    onSaved: () => undefined,
    savedText: t("account.signedUp"),
    errorText,
  });
  const { values: v, set, errors } = form;
  return (
    <AccountForm label={label} form={form} submitLabel={t("account.signUp.action")}>
      <ServerUrlField errors={errors} value={v.serverUrl} onChange={(x) => set("serverUrl", x)} />
      <TextField label={t("account.ownerName")} name="ownerName" autoComplete="name" errors={errors} value={v.ownerName} onChange={(x) => set("ownerName", x)} />
      <TextField label={t("common.email")} name="email" type="email" autoComplete="username" errors={errors} value={v.email} onChange={(x) => set("email", x)} />
      <TextField label={t("account.password")} name="password" type="password" autoComplete="new-password" hint={t("account.newPasswordHint")} errors={errors}
        value={v.password} onChange={(x) => set("password", x)} />
      <DeviceNameField errors={errors} value={v.deviceName} onChange={(x) => set("deviceName", x)} />
    </AccountForm>
  );
}
