import { useMutation, useQuery } from "@tanstack/react-query";
import { CheckField } from "../../components/Fields";
import { useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";

/** The studio's rule "owners must use two-factor" (security.manage): saved as soon as it is ticked. */
export function OwnerTwoFactorPolicy() {
  const t = useT();
  const trpc = useTRPC();
  const settings = useQuery(trpc.team.security.settings.queryOptions(undefined, { retry: false }));
  const save = useMutation(trpc.team.security.setSettings.mutationOptions());
  const { run, error } = useAction();
  if (!settings.data) return null;
  const change = (requireOwner2fa: boolean) => run(() => save.mutateAsync({ requireOwner2fa }), t("security.policySaved"));
  return (
    <div className="fieldset">
      <CheckField name="requireOwner2fa" label={t("security.requireOwners")} checked={settings.data.requireOwner2fa} onChange={(x) => void change(x)} />
      <div className="hint">{t("security.requireOwnersHint")}</div>
      {error && <div className="error" role="alert">{error}</div>}
    </div>
  );
}
