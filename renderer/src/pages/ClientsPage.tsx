import { useQuery } from "@tanstack/react-query";
import { toCsv } from "../../../shared/csv";
import type { ClientFields } from "../../../shared/schemas/client";
import { saveFile } from "../api/desktop";
import { useUiStore } from "../store/ui-store";
import { DataTable, type Column } from "../components/DataTable";
import { EmptyState } from "../components/EmptyState";
import { Icon } from "../components/Icon";
import { ListToolbar } from "../components/ListToolbar";
import { ClientForm } from "../forms/ClientForm";
import { useLocale, useT } from "../i18n";
import { useCan } from "../lib/use-can";
import { useEditor } from "../lib/use-editor";
import { useListState } from "../lib/use-list-state";
import { useTRPC } from "../lib/trpc";
import type { ClientRow } from "../lib/types";

export function ClientsPage() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const list = useListState();
  const manage = useCan("client.manage");
  const editor = useEditor(undefined, manage);
  const toast = useUiStore((s) => s.toast);
  const clients = useQuery(trpc.clients.list.queryOptions(list.query));
  const rows = clients.data ?? [];

  const columns: Column<ClientRow>[] = [
    {
      key: "name", header: t("common.name"), sortKey: "name",
      render: (c) => (
        <>
          <div className="cell-main">{c.name} {c.archivedAt && <span className="badge muted">{t("common.archived")}</span>}</div>
          {c.contactName && <div className="cell-sub">{c.contactName}</div>}
        </>
      ),
    },
    { key: "kind", header: t("clients.kind"), sortKey: "kind", render: (c) => <span className="badge">{t(`clients.kind.${c.kind as ClientFields["kind"]}`)}</span> },
    { key: "email", header: t("common.email"), sortKey: "email", render: (c) => c.email ?? <span className="muted">{t("common.none")}</span> },
    { key: "phone", header: t("common.phone"), className: "nowrap", render: (c) => c.phone ?? <span className="muted">{t("common.none")}</span> },
    { key: "since", header: t("clients.since"), sortKey: "createdAt", render: (c) => new Date(c.createdAt).toLocaleDateString(locale, { dateStyle: "medium" }) },
  ];

  const exportCsv = async () => {
    const header = [t("common.name"), t("clients.kind"), t("clients.contactName"), t("common.email"), t("common.phone"), t("common.address"), t("clients.vatNumber"), t("common.notes")];
    const body = rows.map((c) => [c.name, t(`clients.kind.${c.kind as ClientFields["kind"]}`), c.contactName, c.email, c.phone, c.address, c.vatNumber, c.notes]);
    const date = new Date().toISOString().slice(0, 10);
    if (await saveFile(`clients-${date}.csv`, toCsv(header, body), "text/csv")) toast(t("clients.exported", { n: rows.length }));
  };
  const editingId = editor.editing && editor.editing !== "new" ? editor.editing : null;
  const selected = useQuery(trpc.clients.get.queryOptions({ id: editingId ?? "" }, { enabled: editingId !== null })).data;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("clients.title")}</h1>
          <div className="muted" data-testid="list-count" data-count={rows.length}>{t("clients.count", { n: rows.length })}</div>
        </div>
        <div className="actions">
          <button className="btn" disabled={rows.length === 0} onClick={() => void exportCsv()}>{t("clients.export")}</button>
          {manage && <button className="btn primary" onClick={() => editor.open("new")}><Icon name="plus" size={16} />{t("clients.new")}</button>}
        </div>
      </div>
      <div className="card">
        <ListToolbar search={list.search} onSearch={list.setSearch} showArchived={list.showArchived} onShowArchived={list.setShowArchived} />
        {clients.isSuccess && rows.length === 0 ? (
          list.search ? (
            <div className="empty"><p>{t("clients.noMatch", { q: list.search })}</p></div>
          ) : (
            <EmptyState icon="users" title={t("clients.empty.title")} body={t("clients.empty.body")}
              action={manage ? <button className="btn primary" onClick={() => editor.open("new")}>{t("clients.new")}</button> : undefined} />
          )
        ) : (
          <DataTable label={t("clients.title")} columns={columns} rows={rows} sort={list.sort} onSort={list.setSort} onOpen={(r) => editor.open(r.id)} />
        )}
      </div>
      {editor.editing === "new" && <ClientForm client={null} onClose={editor.close} />}
      {editingId && selected?.id === editingId && <ClientForm key={selected.id} client={selected} onClose={editor.close} />}
    </>
  );
}
