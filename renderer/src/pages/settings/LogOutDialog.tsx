import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "../../components/Dialog";
import { useT } from "../../i18n";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useSyncStatus } from "../../lib/use-sync-status";
import { useUiStore } from "../../store/ui-store";

/** Logging out forgets the account link only: say so, and how many changes wait for the next login. */
export function LogOutDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const pending = useSyncStatus()?.pending ?? 0;
  const logOut = useMutation(trpc.account.logOut.mutationOptions({
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      toast(t("account.loggedOut"));
      onClose();
    },
    onError: (e) => toast(t(`error.${appCodeOf(e)}`), "error"),
  }));
  return (
    <Dialog
      title={t("account.logOut.title")}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="button" className="btn primary" disabled={logOut.isPending} onClick={() => logOut.mutate()}>{t("account.logOut")}</button>
        </>
      }
    >
      <p style={{ margin: 0 }}>{t("account.logOut.body")}</p>
      {pending > 0 && <p className="muted" style={{ margin: 0 }}>{t("account.logOut.pending", { n: pending })}</p>}
    </Dialog>
  );
}
