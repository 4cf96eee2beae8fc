import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useT } from "../i18n";
import { useErrorCodeText } from "../lib/error-text";
import { relativeTime } from "../lib/relative-time";
import { useTRPC } from "../lib/trpc";
import { useNow } from "../lib/use-now";
import { useRefreshAfterSync, useSyncStatus } from "../lib/use-sync-status";
import { useUiStore } from "../store/ui-store";

/**
 * The sidebar's sync status: state, what waits to be sent, when it last synced, the error in
 * words, "Sync now", and what waits in the conflicts inbox. Login required → a way to log in again.
 */
export function SyncIndicator() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useUiStore((s) => s.navigate);
  const now = useNow(15_000);
  const status = useSyncStatus();
  const codeText = useErrorCodeText();
  useRefreshAfterSync(status);
  // The round's outcome is the new status; what it pulled is read again by useRefreshAfterSync.
  const syncNow = useMutation(trpc.sync.now.mutationOptions({
    onSuccess: (next) => queryClient.setQueryData(trpc.sync.status.queryKey(), next),
  }));
  if (!status) return null;

  const connected = status.state !== "disconnected";
  const waiting = status.conflicts + status.rejected;
  const error = status.state === "error" || status.state === "offline" ? codeText(status.errorCode, status.lastError) : null;
  const pendingText = connected
    ? status.pending ? t("sync.pending", { n: status.pending }) : t("sync.allSent")
    : status.pending ? t("sync.pendingLocal", { n: status.pending }) : t("sync.allLocal");
  const syncedText = status.lastSyncedAt
    ? t("sync.lastSynced", { when: relativeTime(status.lastSyncedAt, now, locale, t("sync.justNow")) })
    : t("sync.never");
  const stateText = t(`sync.state.${status.state}`);

  return (
    <div className="sync-panel" data-testid="sync-status" data-state={status.state} data-pending={status.pending} aria-label={t("sync.statusLabel")} role="group">
      <div className="sync-line" title={[stateText, error].filter(Boolean).join(" — ")}>
        <span className={`dot ${status.state}`} />
        <span className="sync-text">
          <strong role="status">{stateText}</strong>
          <br />
          {pendingText}
          {connected && <><br />{syncedText}</>}
        </span>
      </div>
      {error && <div className="sync-text sync-error">{error}</div>}
      <div className="sync-actions">
        {status.state === "login_required" && (
          <button type="button" className="sync-btn accent" onClick={() => navigate({ page: "settings", tab: "account" })}>{t("sync.relogin")}</button>
        )}
        {status.state === "disconnected" && (
          <button type="button" className="sync-btn" onClick={() => navigate({ page: "settings", tab: "account" })}>{t("sync.connect")}</button>
        )}
        {connected && status.state !== "login_required" && (
          <button type="button" className="sync-btn" disabled={syncNow.isPending || status.state === "syncing"} onClick={() => syncNow.mutate()}>{t("sync.now")}</button>
        )}
        {waiting > 0 && (
          <button type="button" className="sync-btn warn" aria-label={t("sync.inboxBadgeLabel", { n: waiting })} onClick={() => navigate({ page: "inbox" })}>
            {t("sync.inboxBadge", { n: waiting })}
          </button>
        )}
      </div>
    </div>
  );
}
