import { useQuery } from "@tanstack/react-query";
import { formatMoney } from "../../../shared/money";
import type { StaffFields } from "../../../shared/schemas/staff";
import { DataTable, type Column } from "../components/DataTable";
import { EmptyState } from "../components/EmptyState";
import { Icon } from "../components/Icon";
import { ListToolbar } from "../components/ListToolbar";
import { StaffForm } from "../forms/StaffForm";
import { useLocale, useT } from "../i18n";
import { useTRPC } from "../lib/trpc";
import type { StaffRow } from "../lib/types";
import { useCan } from "../lib/use-can";
import { useEditor } from "../lib/use-editor";
import { useListState } from "../lib/use-list-state";

export function StaffPage() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const list = useListState();
  const manage = useCan("staff.manage");
  const money = useCan("finance.view");
  const editor = useEditor(undefined, manage);
  const staff = useQuery(trpc.staff.list.queryOptions(list.query));
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  const currency = useQuery(trpc.studio.get.queryOptions()).data?.currency ?? "EUR";
  const rows = staff.data ?? [];
  const editingId = editor.editing && editor.editing !== "new" ? editor.editing : null;
  const selected = useQuery(trpc.staff.get.queryOptions({ id: editingId ?? "" }, { enabled: editingId !== null })).data;

  const columns: Column<StaffRow>[] = [
    {
      key: "name", header: t("common.name"), sortKey: "name",
      render: (s) => (
        <>
          <div className="cell-main"><span className="swatch" style={{ background: s.colour, borderRadius: "50%" }} />{s.name}
            {s.archivedAt && <> <span className="badge muted">{t("common.archived")}</span></>}</div>
          <div className="cell-sub">{s.email ?? t("common.none")}</div>
        </>
      ),
    },
    { key: "role", header: t("staff.role"), sortKey: "role", render: (s) => <span className="badge accent">{t(`staff.role.${s.role as StaffFields["role"]}`)}</span> },
    { key: "location", header: t("staff.homeLocation"), render: (s) => locations.find((l) => l.id === s.locationId)?.name ?? t("staff.anyLocation") },
    { key: "hourly", header: t("staff.hourlyRate"), sortKey: "hourlyRate", className: "num", hidden: !money, render: (s) => formatMoney(s.hourlyRateCents, currency, locale) },
    { key: "day", header: t("staff.dayRate"), className: "num", hidden: !money, render: (s) => formatMoney(s.dayRateCents, currency, locale) },
    { key: "phone", header: t("common.phone"), className: "nowrap", render: (s) => s.phone ?? t("common.none") },
  ];

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("staff.title")}</h1>
          <div className="muted" data-testid="list-count" data-count={rows.length}>{t("staff.count", { n: rows.length })}</div>
        </div>
        {manage && (
          <div className="actions">
            <button className="btn primary" onClick={() => editor.open("new")}><Icon name="plus" size={16} />{t("staff.new")}</button>
          </div>
        )}
      </div>
      <div className="card">
        <ListToolbar search={list.search} onSearch={list.setSearch} showArchived={list.showArchived} onShowArchived={list.setShowArchived} />
        {staff.isSuccess && rows.length === 0 ? (
          <EmptyState icon="users" title={t("staff.empty.title")} body={t("staff.empty.body")}
            action={manage ? <button className="btn primary" onClick={() => editor.open("new")}>{t("staff.new")}</button> : undefined} />
        ) : (
          <DataTable label={t("staff.title")} columns={columns} rows={rows} sort={list.sort} onSort={list.setSort} onOpen={(r) => manage && editor.open(r.id)} />
        )}
      </div>
      {editor.editing === "new" && <StaffForm member={null} locations={locations} currency={currency} onClose={editor.close} />}
      {editingId && selected?.id === editingId && <StaffForm key={selected.id} member={selected} locations={locations} currency={currency} onClose={editor.close} />}
    </>
  );
}
