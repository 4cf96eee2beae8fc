import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isMessageKey, useLocale, useT } from "../../i18n";
import { changesText } from "../../lib/change-summary";
import { useErrorCodeText } from "../../lib/error-text";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useUiStore } from "../../store/ui-store";
import type { RejectedItem } from "./inbox-types";

/** A change the server refused: what it was, why, and Retry (after fixing the cause) or Dismiss. */
export function RejectedCard({ item }: { item: RejectedItem }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const codeText = useErrorCodeText();
  const options = (done: "inbox.retried" | "inbox.dismissed") => ({
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      toast(t(done));
    },
    onError: (e: unknown) => toast(t(`error.${appCodeOf(e)}`), "error"),
  });
  const retry = useMutation(trpc.sync.retryRejected.mutationOptions(options("inbox.retried")));
  const dismiss = useMutation(trpc.sync.dismissRejected.mutationOptions(options("inbox.dismissed")));
  const entityKey = `inbox.entity.${item.entity}`;
  const opKey = `inbox.op.${item.op}`;
  const reason = codeText(item.code, item.message);
  const busy = retry.isPending || dismiss.isPending;
  return (
    <article className="inbox-card" data-testid="rejected">
      <div className="inbox-card-head">
        <div>
          <div className="cell-main">{isMessageKey(entityKey) ? t(entityKey) : item.entity} — {isMessageKey(opKey) ? t(opKey) : item.op}</div>
          <div className="cell-sub">{t("inbox.madeAt", { at: new Date(item.createdAt).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }) })}</div>
        </div>
      </div>
      <div className="inbox-changes">{changesText(item.changes)}</div>
      {reason && <div className="banner error">{t("inbox.reason", { reason })}</div>}
      <div className="inbox-actions">
        <button type="button" className="btn small" disabled={busy} onClick={() => retry.mutate({ mutationId: item.mutationId })}>{t("inbox.retry")}</button>
        <button type="button" className="btn small ghost" disabled={busy} onClick={() => dismiss.mutate({ mutationId: item.mutationId })}>{t("inbox.dismiss")}</button>
      </div>
    </article>
  );
}
