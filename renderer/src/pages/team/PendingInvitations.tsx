import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { InvitationSummary } from "../../../../shared/schemas/team";
import { Dialog } from "../../components/Dialog";
import { useLocale, useT } from "../../i18n";
import { roleText } from "../../lib/account-role";
import { relativeTime } from "../../lib/relative-time";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import type { LocationRow } from "../../lib/types";
import { useCan } from "../../lib/use-can";
import { useNow } from "../../lib/use-now";
import { useUiStore } from "../../store/ui-store";
import { scopeText } from "./LocationScopeField";

/**
 * "Invitations en attente" under the members: who was invited and not yet joined, with "Renvoyer"
 * (a new code, the old one dead) and "Annuler" (confirmed). Only for people who may invite.
 */
export function PendingInvitations({ locations }: { locations: LocationRow[] }) {
  const mayInvite = useCan("users.manage");
  return mayInvite ? <InvitationList locations={locations} /> : null;
}

function InvitationList({ locations }: { locations: LocationRow[] }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const list = useQuery(trpc.team.members.invitations.list.queryOptions(undefined, { retry: false }));
  const resend = useMutation(trpc.team.members.invitations.resend.mutationOptions());
  const cancel = useMutation(trpc.team.members.invitations.cancel.mutationOptions());
  const [confirming, setConfirming] = useState<InvitationSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = list.data ?? [];
  const title = t("team.invitations.title");

  const act = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await run();
      toast(done);
    } catch (e) {
      setError(t(`error.${appCodeOf(e)}`));
    } finally {
      setConfirming(null);
      // Refetched either way: a refusal often means the list was stale (accepted or cancelled elsewhere).
      await queryClient.invalidateQueries({ queryKey: trpc.team.members.invitations.list.queryKey() });
    }
  };
  const busy = resend.isPending || cancel.isPending;

  return (
    <section className="card delegation-list" aria-label={title} data-testid="pending-invitations" style={{ marginTop: 16 }}>
      <h2 className="card-pad">
        {title}{" "}
        {list.data && rows.length > 0 && <span className="badge muted" data-testid="invitation-count" data-count={rows.length} title={t("team.invitations.count", { n: rows.length })}>{rows.length}</span>}
      </h2>
      {(list.isError || error) && <div className="banner error card-pad" role="alert">{error ?? t(`error.${appCodeOf(list.error)}`)}</div>}
      {list.isLoading && <p className="subtle card-pad">{t("common.loading")}</p>}
      {list.data && rows.length === 0 && <p className="subtle card-pad">{t("team.invitations.empty")}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data" aria-label={title}>
            <thead>
              <tr>
                <th>{t("common.email")}</th><th>{t("team.col.role")}</th><th>{t("team.col.locations")}</th>
                <th>{t("team.invitations.col.sent")}</th><th>{t("team.invitations.col.expires")}</th><th />
              </tr>
            </thead>
            <tbody>
              {rows.map((inv) => (
                <tr key={inv.invitationId} data-email={inv.email}>
                  <td className="cell-main">{inv.email}</td>
                  <td><span className="badge accent">{roleText(t, inv.role)}</span></td>
                  <td>{scopeText(inv.locationIds, locations, t("team.allLocations"))}</td>
                  <td className="nowrap">
                    {relativeTime(inv.sentAt, now, locale, t("sync.justNow"))}
                    {inv.invitedByName && <div className="cell-sub">{t("team.invitations.by", { name: inv.invitedByName })}</div>}
                  </td>
                  <td className="nowrap"><span title={new Date(inv.expiresAt).toLocaleString(locale, { dateStyle: "full", timeStyle: "short" })}>{new Date(inv.expiresAt).toLocaleDateString(locale, { dateStyle: "medium" })}</span></td>
                  <td className="num nowrap">
                    <button type="button" className="btn small" disabled={busy}
                      onClick={() => void act(() => resend.mutateAsync({ invitationId: inv.invitationId }), t("team.invitations.resent", { email: inv.email }))}>
                      {t("team.invitations.resend")}
                    </button>{" "}
                    <button type="button" className="btn small danger" disabled={busy} onClick={() => setConfirming(inv)}>{t("team.invitations.cancel")}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && (
        <Dialog title={t("team.invitations.cancelTitle", { email: confirming.email })} tone="danger" onClose={() => setConfirming(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirming(null)}>{t("team.invitations.keep")}</button>
              <button type="button" className="btn danger" disabled={busy}
                onClick={() => void act(() => cancel.mutateAsync({ invitationId: confirming.invitationId }), t("team.invitations.cancelled", { email: confirming.email }))}>
                {t("team.invitations.cancelConfirm")}
              </button>
            </>
          }>
          <p>{t("team.invitations.cancelBody")}</p>
        </Dialog>
      )}
    </section>
  );
}
