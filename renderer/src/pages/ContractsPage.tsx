import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DataTable, type Column, type SortState } from "../components/DataTable";
import { EmptyState } from "../components/EmptyState";
import { Icon } from "../components/Icon";
import { useLocale, useT } from "../i18n";
import { useTRPC } from "../lib/trpc";
import { useCan } from "../lib/use-can";
import { useEditor } from "../lib/use-editor";
import { ContractDrawer } from "./documents/ContractDrawer";
import { NewContractDrawer } from "./documents/NewContractDrawer";
import { statusTone, type ContractView } from "./documents/doc-helpers";
import "./documents/documents.css";
import { useUiStore } from "../store/ui-store";
import { TemplatesTab } from "./documents/TemplatesTab";

const SORTS: Record<string, (a: ContractView, b: ContractView) => number> = {
  title: (a, b) => a.title.localeCompare(b.title),
  status: (a, b) => a.status.localeCompare(b.status),
  created: (a, b) => a.createdAt.localeCompare(b.createdAt),
};

/** Two tabs: the contracts, and their templates ("#/contracts/templates"). */
export function ContractsPage() {
  const t = useT();
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const tab = route.tab === "templates" ? "templates" : "contracts";
  return (
    <>
      <div className="tabs" role="tablist">
        {(["contracts", "templates"] as const).map((id) => (
          <button key={id} role="tab" className="tab" aria-selected={tab === id} onClick={() => navigate({ page: "contracts", ...(id === "templates" ? { tab: id } : {}) })}>
            {t(`contracts.tab.${id}`)}
          </button>
        ))}
      </div>
      {tab === "templates" ? <TemplatesTab /> : <ContractsList />}
    </>
  );
}

/** Every contract: made from a booking or a client with a template, signed at the desk, countersigned, verified. */
function ContractsList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const canCreate = useCan("contract.create");
  const editor = useEditor(undefined, canCreate);
  const [sort, setSort] = useState<SortState>({ sort: "created", direction: "desc" });
  const contracts = useQuery(trpc.documents.contracts.list.queryOptions({}));
  const clients = useQuery(trpc.clients.list.queryOptions({ includeArchived: true })).data ?? [];
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? "—";
  const compare = SORTS[sort.sort] ?? SORTS.created!;
  const rows = [...(contracts.data ?? [])].sort((a, b) => (sort.direction === "asc" ? compare(a, b) : -compare(a, b)));

  const columns: Column<ContractView>[] = [
    {
      key: "title", header: t("contracts.col.title"), sortKey: "title",
      render: (c) => (
        <>
          <div className="cell-main">{c.title}</div>
          <div className="cell-sub">{c.displayNumber ?? t("invoices.draftNumber")}</div>
        </>
      ),
    },
    { key: "client", header: t("contracts.col.client"), render: (c) => clientName(c.clientId) },
    { key: "status", header: t("contracts.col.status"), sortKey: "status", className: "nowrap", render: (c) => <span className={`badge ${statusTone(c.status)}`} data-status={c.status}>{t(`contracts.status.${c.status}`)}</span> },
    { key: "created", header: t("contracts.col.date"), sortKey: "created", className: "nowrap", render: (c) => new Date(c.createdAt).toLocaleDateString(locale, { dateStyle: "medium" }) },
  ];

  const open = editor.editing;
  const fromBooking = open?.startsWith("booking:") ? open.slice("booking:".length) : null;
  const isNew = open === "new" || fromBooking !== null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("contracts.title")}</h1>
          <div className="muted" data-testid="list-count" data-count={rows.length}>{t("contracts.count", { n: rows.length })}</div>
        </div>
        {canCreate && (
          <div className="actions">
            <button className="btn primary" onClick={() => editor.open("new")}><Icon name="plus" size={16} />{t("contracts.new")}</button>
          </div>
        )}
      </div>
      <div className="card">
        {contracts.isSuccess && rows.length === 0 ? (
          <EmptyState icon="contract" title={t("contracts.empty.title")} body={t("contracts.empty.body")}
            action={canCreate ? <button className="btn primary" onClick={() => editor.open("new")}>{t("contracts.new")}</button> : undefined} />
        ) : (
          <DataTable label={t("contracts.title")} columns={columns} rows={rows} sort={sort} onSort={setSort} onOpen={(r) => editor.open(r.id)} />
        )}
      </div>
      {isNew && canCreate && <NewContractDrawer key={open} bookingId={fromBooking} onClose={editor.close} onCreated={(id) => editor.open(id)} />}
      {open && !isNew && <ContractDrawer key={open} id={open} clientName={clientName} onClose={editor.close} />}
    </>
  );
}
