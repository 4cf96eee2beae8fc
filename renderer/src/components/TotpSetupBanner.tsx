import { useQuery } from "@tanstack/react-query";
import { useAccountStatus } from "../forms/account/account-defaults";
import { useT } from "../i18n";
import { useTRPC } from "../lib/trpc";
import { useUiStore } from "../store/ui-store";

/**
 * The studio requires owners to use two-factor and this session may only set it up
 * (TOTP_SETUP_REQUIRED): every page says so and leads to the setup in Settings.
 */
export function TotpSetupBanner() {
  const t = useT();
  const trpc = useTRPC();
  const navigate = useUiStore((s) => s.navigate);
  const route = useUiStore((s) => s.route);
  const account = useAccountStatus().status;
  const connected = Boolean(account?.connected && !account.loginRequired);
  const status = useQuery(trpc.team.security.status.queryOptions(undefined, { enabled: connected, retry: false, staleTime: 60_000 }));
  if (!status.data?.totpSetupRequired || (route.page === "settings" && route.tab === "security")) return null;
  return (
    <div className="banner warn shell-banner" role="status">
      {t("banner.totpSetup")}{" "}
      <button type="button" className="btn small" onClick={() => navigate({ page: "settings", tab: "security" })}>{t("banner.totpSetupAction")}</button>
    </div>
  );
}
