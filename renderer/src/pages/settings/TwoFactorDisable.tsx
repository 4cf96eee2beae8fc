import { useMutation } from "@tanstack/react-query";
import { totpCodeInput } from "../../../../shared/schemas/team";
import { TextField } from "../../components/Fields";
import { useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useEntityForm } from "../../lib/use-entity-form";

/** Turn two-factor off, with a current code: someone at an unlocked desk cannot without the phone. */
export function TwoFactorDisable() {
  const t = useT();
  const trpc = useTRPC();
  const disable = useMutation(trpc.team.security.totpDisable.mutationOptions());
  const form = useEntityForm({
    initial: { code: "" },
    toInput: (v) => ({ code: v.code.replace(/\s+/g, "") }),
    schema: totpCodeInput,
    save: (input) => disable.mutateAsync(input),
    onSaved: () => form.set("code", ""),
    savedText: t("security.disabled"),
  });
  return (
    <form className="totp-disable" noValidate aria-label={t("security.disable")} onSubmit={(e) => { e.preventDefault(); void form.submit(); }}>
      {form.banner && <div className="banner error" role="alert">{form.banner}</div>}
      <TextField label={t("security.code")} name="code" autoComplete="one-time-code" hint={t("security.disableHint")} errors={form.errors}
        value={form.values.code} onChange={(x) => form.set("code", x)} />
      <div><button type="submit" className="btn" disabled={form.saving}>{t("security.disable")}</button></div>
    </form>
  );
}
