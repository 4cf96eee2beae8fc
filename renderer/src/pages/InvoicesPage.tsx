import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatMoney } from "../../../shared/money";
import { INVOICE_STATUSES, type InvoiceStatus } from "../../../shared/documents/document-status";
import { DataTable, type Column, type SortState } from "../components/DataTable";
import { EmptyState } from "../components/EmptyState";
import { useLocale, useT } from "../i18n";
import { useTRPC } from "../lib/trpc";
import { useEditor } from "../lib/use-editor";
import { useUiStore } from "../store/ui-store";
import { Icon } from "../components/Icon";
import { useCan } from "../lib/use-can";
import { InvoiceDrawer } from "./documents/InvoiceDrawer";
import { NewInvoiceDrawer } from "./documents/NewInvoiceDrawer";
import { CatalogueTab } from "./documents/CatalogueTab";
import { QuotesTab } from "./documents/QuotesTab";
import { formatIsoDate, statusTone, type InvoiceView, invoiceStatusLabel } from "./documents/doc-helpers";
import "./documents/documents.css";

const SORTS: Record<string, (a: InvoiceView, b: InvoiceView) => number> = {
  number: (a, b) => (a.displayNumber ?? "").localeCompare(b.displayNumber ?? ""),
  total: (a, b) => a.totalCents - b.totalCents,
  due: (a, b) => a.dueCents - b.dueCents,
  dueOn: (a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""),
  created: (a, b) => a.createdAt.localeCompare(b.createdAt),
};

/** Three tabs: invoices (and credit notes), quotes ("#/invoices/quotes") and the service catalogue ("#/invoices/catalogue"). */
export function InvoicesPage() {
  const t = useT();
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const tab = route.tab === "quotes" || route.tab === "catalogue" ? route.tab : "invoices";
  return (
    <>
      <div className="tabs" role="tablist">
        {(["invoices", "quotes", "catalogue"] as const).map((id) => (
          <button key={id} role="tab" className="tab" aria-selected={tab === id} onClick={() => navigate({ page: "invoices", ...(id !== "invoices" ? { tab: id } : {}) })}>
            {t(`${id}.tab`)}
          </button>
        ))}
      </div>
      {tab === "quotes" && <QuotesTab />}
      {tab === "catalogue" && <CatalogueTab />}
      {tab === "invoices" && <InvoicesList />}
    </>
  );
}

/** Every invoice and credit note: status, number (provisional until synced), client, totals; one opens in its drawer. */
function InvoicesList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const canInvoice = useCan("invoice.issue");
  const editor = useEditor(undefined, canInvoice);
  const [status, setStatus] = useState<InvoiceStatus | "all">("all");
  const [sort, setSort] = useState<SortState>({ sort: "created", direction: "desc" });
  const invoices = useQuery(trpc.documents.invoices.list.queryOptions({}));
  const clients = useQuery(trpc.clients.list.queryOptions({ includeArchived: true })).data ?? [];
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? "—";
  const all = invoices.data ?? [];
  const filtered = status === "all" ? all : all.filter((i) => i.status === status);
  const compare = SORTS[sort.sort] ?? SORTS.created!;
  const rows = [...filtered].sort((a, b) => (sort.direction === "asc" ? compare(a, b) : -compare(a, b)));
  const money = (i: InvoiceView, cents: number) => formatMoney(cents, i.currency, locale);

  const columns: Column<InvoiceView>[] = [
    {
      key: "number", header: t("invoices.col.number"), sortKey: "number",
      render: (i) => (
        <>
          <div className="cell-main">{i.displayNumber ?? t("invoices.draftNumber")}</div>
          <div className="cell-sub">{i.kind === "credit_note" ? t("invoices.kind.credit_note") : t(`invoices.purpose.${i.purpose}`)}</div>
        </>
      ),
    },
    { key: "client", header: t("invoices.col.client"), render: (i) => clientName(i.clientId) },
    { key: "status", header: t("invoices.col.status"), className: "nowrap", render: (i) => <span className={`badge ${statusTone(i.status)}`} data-status={i.status}>{invoiceStatusLabel(t, i)}</span> },
    { key: "total", header: t("invoices.col.total"), sortKey: "total", className: "num", render: (i) => money(i, i.totalCents) },
    { key: "due", header: t("invoices.col.due"), sortKey: "due", className: "num", render: (i) => money(i, i.dueCents) },
    { key: "dueOn", header: t("invoices.col.dueOn"), sortKey: "dueOn", className: "nowrap", render: (i) => formatIsoDate(i.dueOn, locale) },
  ];

  const editingId = editor.editing && editor.editing !== "new" ? editor.editing : null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("invoices.title")}</h1>
          <div className="muted" data-testid="list-count" data-count={rows.length}>{t("invoices.count", { n: rows.length })}</div>
        </div>
        {canInvoice && (
          <div className="actions">
            <button className="btn primary" onClick={() => editor.open("new")}><Icon name="plus" size={16} />{t("newInvoice.button")}</button>
          </div>
        )}
      </div>
      <div className="card">
        <div className="doc-filters" role="group" aria-label={t("invoices.col.status")}>
          {(["all", ...INVOICE_STATUSES] as const).map((s) => (
            <button key={s} type="button" className="btn small" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {s === "all" ? t("invoices.filter.all") : t(`invoices.status.${s}`)}
            </button>
          ))}
        </div>
        {invoices.isSuccess && rows.length === 0 ? (
          <EmptyState icon="invoice" title={t("invoices.empty.title")} body={t("invoices.empty.body")} />
        ) : (
          <DataTable label={t("invoices.title")} columns={columns} rows={rows} sort={sort} onSort={setSort} onOpen={(r) => editor.open(r.id)} />
        )}
      </div>
      {editor.editing === "new" && <NewInvoiceDrawer onClose={editor.close} onCreated={(id) => editor.open(id)} />}
      {editingId && <InvoiceDrawer key={editingId} id={editingId} clientName={clientName} onClose={editor.close} onOpen={(id) => editor.open(id)} />}
    </>
  );
}
