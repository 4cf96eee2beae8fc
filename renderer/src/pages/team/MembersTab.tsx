import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { MemberSummary } from "../../../../shared/schemas/team";
import { DataTable, type Column, type SortState } from "../../components/DataTable";
import { Icon } from "../../components/Icon";
import { useAccountStatus } from "../../forms/account/account-defaults";
import { useLocale, useT } from "../../i18n";
import { roleText } from "../../lib/account-role";
import { relativeTime } from "../../lib/relative-time";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useNow } from "../../lib/use-now";
import { InviteDialog } from "./InviteDialog";
import { scopeText } from "./LocationScopeField";
import { MemberDrawer } from "./MemberDrawer";
import { PendingInvitations } from "./PendingInvitations";

type Row = MemberSummary & { id: string };

/** The studio's members with their role, locations, 2FA, devices and last visit; a row opens the member. */
export function MembersTab() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const now = useNow();
  const me = useAccountStatus().status?.email?.toLowerCase() ?? null;
  const members = useQuery(trpc.team.members.list.queryOptions(undefined, { retry: false }));
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  const [inviting, setInviting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  // The list is short and read from the server as a whole: it is sorted here.
  const [sort, setSort] = useState<SortState>({ sort: "name", direction: "asc" });
  const rows: Row[] = (members.data ?? []).map((m) => ({ ...m, id: m.userId }));
  const sorted = [...rows].sort((a, b) => {
    const key = sort.sort as "name" | "role" | "lastSeenAt";
    const cmp = String(a[key] ?? "").localeCompare(String(b[key] ?? ""), locale);
    return sort.direction === "asc" ? cmp : -cmp;
  });

  const columns: Column<Row>[] = [
    {
      key: "name", header: t("team.col.person"), sortKey: "name",
      render: (m) => (
        <>
          <div className="cell-main">{m.name}{m.email.toLowerCase() === me && <> <span className="badge muted">{t("team.you")}</span></>}</div>
          <div className="cell-sub">{m.email}</div>
        </>
      ),
    },
    { key: "role", header: t("team.col.role"), sortKey: "role", render: (m) => <span className="badge accent">{roleText(t, m.role)}</span> },
    { key: "locations", header: t("team.col.locations"), render: (m) => scopeText(m.locationIds, locations, t("team.allLocations")) },
    {
      key: "2fa", header: t("team.col.twoFactor"),
      render: (m) => (m.totpEnabled ? <span className="badge ok">{t("team.twoFactorOn")}</span> : <span className="muted">{t("team.twoFactorOff")}</span>),
    },
    { key: "devices", header: t("team.col.devices"), className: "num", render: (m) => m.devices },
    {
      key: "seen", header: t("team.col.lastSeen"), sortKey: "lastSeenAt", className: "nowrap",
      render: (m) => (m.lastSeenAt ? relativeTime(m.lastSeenAt, now, locale, t("sync.justNow")) : <span className="muted">{t("team.never")}</span>),
    },
  ];
  const open = rows.find((r) => r.id === openId) ?? null;

  return (
    <>
      <div className="team-head">
        <div className="muted" data-testid="list-count" data-count={rows.length}>{t("team.count", { n: rows.length })}</div>
        <button className="btn primary" onClick={() => setInviting(true)}><Icon name="plus" size={16} />{t("team.invite")}</button>
      </div>
      <div className="card">
        {members.isError && <div className="banner error card-pad" role="alert">{t(`error.${appCodeOf(members.error)}`)}</div>}
        {members.isLoading && <div className="subtle card-pad">{t("common.loading")}</div>}
        {members.data && <DataTable label={t("team.tab.members")} columns={columns} rows={sorted} sort={sort} onSort={setSort} onOpen={(r) => setOpenId(r.id)} />}
      </div>
      <PendingInvitations locations={locations} />
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
      {open && <MemberDrawer key={open.id} member={open} locations={locations} onClose={() => setOpenId(null)} />}
    </>
  );
}
