import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DelegationSummary } from "../../../../shared/schemas/team";
import { Icon } from "../../components/Icon";
import { useAccountStatus } from "../../forms/account/account-defaults";
import { useLocale, useT } from "../../i18n";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { DelegationDialog } from "./DelegationDialog";
import { scopeText } from "./LocationScopeField";

/** Permissions I lent (and can revoke) and those lent to me, with their end. */
export function DelegationsTab() {
  const t = useT();
  const trpc = useTRPC();
  const me = useAccountStatus().status?.email?.toLowerCase() ?? null;
  const list = useQuery(trpc.team.delegations.list.queryOptions(undefined, { retry: false }));
  const members = useQuery(trpc.team.members.list.queryOptions(undefined, { retry: false })).data ?? [];
  const revoke = useMutation(trpc.team.delegations.revoke.mutationOptions());
  const [creating, setCreating] = useState(false);
  const { run, error } = useAction();
  const nameOf = (id: string) => members.find((m) => m.userId === id)?.name ?? id;

  const revokeOne = (id: string) => run(() => revoke.mutateAsync({ id }), t("delegation.revoked"));

  return (
    <>
      <div className="team-head">
        <p className="muted" style={{ margin: 0 }}>{t("delegation.intro")}</p>
        <button className="btn primary" onClick={() => setCreating(true)}><Icon name="plus" size={16} />{t("delegation.new")}</button>
      </div>
      {(list.isError || error) && <div className="banner error" role="alert">{error ?? t(`error.${appCodeOf(list.error)}`)}</div>}
      <DelegationList title={t("delegation.given")} rows={list.data?.given ?? []} who={(d) => nameOf(d.toUserId)} whoLabel={t("delegation.to")}
        onRevoke={(id) => void revokeOne(id)} />
      <DelegationList title={t("delegation.received")} rows={list.data?.received ?? []} who={(d) => nameOf(d.fromUserId)} whoLabel={t("delegation.from")} />
      {creating && <DelegationDialog people={members.filter((m) => m.email.toLowerCase() !== me)} onClose={() => setCreating(false)} />}
    </>
  );
}

interface ListProps {
  title: string;
  rows: DelegationSummary[];
  who(d: DelegationSummary): string;
  whoLabel: string;
  onRevoke?(id: string): void;
}

function DelegationList({ title, rows, who, whoLabel, onRevoke }: ListProps) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  const state = (d: DelegationSummary) => (d.revokedAt ? "revoked" : d.active ? "active" : "expired");
  return (
    <section className="card delegation-list" aria-label={title}>
      <h2 className="card-pad">{title}</h2>
      {rows.length === 0 ? <p className="subtle card-pad">{t("delegation.none")}</p> : (
        <div className="table-scroll">
          <table className="data" aria-label={title}>
            <thead>
              <tr>
                <th>{whoLabel}</th><th>{t("delegation.permissions")}</th><th>{t("team.col.locations")}</th><th>{t("delegation.until")}</th><th />
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td className="cell-main">{who(d)}</td>
                  <td>{d.permissions.map((p) => t(`perm.${p}`)).join(" · ")}</td>
                  <td>{scopeText(d.locationIds, locations, t("team.allLocations"))}</td>
                  <td className="nowrap">
                    {new Date(d.expiresAt).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })}
                    <div><span className={`badge ${state(d) === "active" ? "ok" : "muted"}`}>{t(`delegation.state.${state(d)}`)}</span></div>
                  </td>
                  <td className="num">{onRevoke && d.active && <button type="button" className="btn small danger" onClick={() => onRevoke(d.id)}>{t("delegation.revoke")}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
