import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { totpCodeInput } from "../../../../shared/schemas/team";
import { TextField } from "../../components/Fields";
import { useT } from "../../i18n";
import { groupSecret } from "../../lib/totp-format";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useEntityForm } from "../../lib/use-entity-form";
import { CopyText } from "./CopyText";

type Step = { at: "start" } | { at: "scan"; secret: string; otpauthUri: string };

/**
 * Turn two-factor on: a new secret to add to the phone, then a code from it to confirm. The backup
 * codes go to `onEnabled`, which shows them once (the section outlives this form's "off" state).
 */
export function TwoFactorSetup({ onEnabled }: { onEnabled(codes: string[]): void }) {
  const t = useT();
  const trpc = useTRPC();
  const begin = useMutation(trpc.team.security.totpBegin.mutationOptions());
  const confirm = useMutation(trpc.team.security.totpConfirm.mutationOptions());
  const [step, setStep] = useState<Step>({ at: "start" });
  const [error, setError] = useState<string | null>(null);
  const form = useEntityForm({
    initial: { code: "" },
    toInput: (v) => ({ code: v.code.replace(/\s+/g, "") }),
    schema: totpCodeInput,
    save: async (input) => {
      const out = await confirm.mutateAsync(input);
      onEnabled(out.backupCodes);
    },
    onSaved: () => undefined,
    savedText: t("security.enabled"),
  });

  const start = async () => {
    setError(null);
    try {
      const out = await begin.mutateAsync();
      setStep({ at: "scan", ...out });
    } catch (e) {
      setError(t(`error.${appCodeOf(e)}`));
    }
  };

  if (step.at === "start") {
    return (
      <div>
        {error && <div className="banner error" role="alert">{error}</div>}
        <button type="button" className="btn primary" disabled={begin.isPending} onClick={() => void start()}>{t("security.enable")}</button>
      </div>
    );
  }
  return (
    <form className="totp-setup" noValidate aria-label={t("security.enable")} onSubmit={(e) => { e.preventDefault(); void form.submit(); }}>
      <p style={{ margin: 0 }}>{t("security.step1")}</p>
      <CopyText label={t("security.secret")} text={groupSecret(step.secret)} copyValue={step.secret} mono testId="totp-secret" />
      <CopyText label={t("security.uri")} text={step.otpauthUri} testId="totp-uri" />
      <p style={{ margin: 0 }}>{t("security.step2")}</p>
      {form.banner && <div className="banner error" role="alert">{form.banner}</div>}
      <TextField label={t("security.code")} name="code" autoComplete="one-time-code" errors={form.errors} value={form.values.code}
        onChange={(x) => form.set("code", x)} />
      <div><button type="submit" className="btn primary" disabled={form.saving}>{form.saving ? t("common.saving") : t("security.confirm")}</button></div>
    </form>
  );
}
