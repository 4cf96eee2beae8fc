import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QUOTE_STATUSES, type QuoteStatus } from "../../../../shared/documents/document-status";
import { formatMoney } from "../../../../shared/money";
import { DataTable, type Column, type SortState } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useCan } from "../../lib/use-can";
import { useEditor } from "../../lib/use-editor";
import { useUiStore } from "../../store/ui-store";
import { formatIsoDate, statusTone, type QuoteView } from "./doc-helpers";
import { QuoteDrawer } from "./QuoteDrawer";
import { QuoteForm } from "./QuoteForm";

const SORTS: Record<string, (a: QuoteView, b: QuoteView) => number> = {
  number: (a, b) => (a.displayNumber ?? "").localeCompare(b.displayNumber ?? ""),
  total: (a, b) => a.totalCents - b.totalCents,
  validUntil: (a, b) => a.validUntil.localeCompare(b.validUntil),
  created: (a, b) => a.createdAt.localeCompare(b.createdAt),
};

/** The Invoices page's "Devis" tab: every quote with its status (expired when past validity), a "new quote" drawer. */
export function QuotesTab() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const navigate = useUiStore((s) => s.navigate);
  const canCreate = useCan("quote.create");
  const editor = useEditor("quotes", canCreate);
  const [status, setStatus] = useState<QuoteStatus | "all">("all");
  const [sort, setSort] = useState<SortState>({ sort: "created", direction: "desc" });
  const quotes = useQuery(trpc.documents.quotes.list.queryOptions({}));
  const clients = useQuery(trpc.clients.list.queryOptions({ includeArchived: true })).data ?? [];
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? "—";
  const all = quotes.data ?? [];
  const filtered = status === "all" ? all : all.filter((q) => q.effectiveStatus === status);
  const compare = SORTS[sort.sort] ?? SORTS.created!;
  const rows = [...filtered].sort((a, b) => (sort.direction === "asc" ? compare(a, b) : -compare(a, b)));

  const columns: Column<QuoteView>[] = [
    { key: "number", header: t("invoices.col.number"), sortKey: "number", render: (q) => <div className="cell-main">{q.displayNumber ?? t("invoices.draftNumber")}</div> },
    { key: "client", header: t("invoices.col.client"), render: (q) => clientName(q.clientId) },
    { key: "status", header: t("invoices.col.status"), className: "nowrap", render: (q) => <span className={`badge ${statusTone(q.effectiveStatus)}`} data-status={q.effectiveStatus}>{t(`quotes.status.${q.effectiveStatus}`)}</span> },
    { key: "total", header: t("invoices.col.total"), sortKey: "total", className: "num", render: (q) => formatMoney(q.totalCents, q.currency, locale) },
    { key: "validUntil", header: t("quotes.col.validUntil"), sortKey: "validUntil", className: "nowrap", render: (q) => formatIsoDate(q.validUntil, locale) },
  ];

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("quotes.title")}</h1>
          <div className="muted" data-testid="list-count" data-count={rows.length}>{t("quotes.count", { n: rows.length })}</div>
        </div>
        {canCreate && (
          <div className="actions">
            <button type="button" className="btn primary" onClick={() => editor.open("new")}>{t("quotes.new")}</button>
          </div>
        )}
      </div>
      <div className="card">
        <div className="doc-filters" role="group" aria-label={t("invoices.col.status")}>
          {(["all", ...QUOTE_STATUSES] as const).map((s) => (
            <button key={s} type="button" className="btn small" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {s === "all" ? t("invoices.filter.all") : t(`quotes.status.${s}`)}
            </button>
          ))}
        </div>
        {quotes.isSuccess && rows.length === 0 ? (
          <EmptyState icon="invoice" title={t("quotes.empty.title")} body={t("quotes.empty.body")} />
        ) : (
          <DataTable label={t("quotes.title")} columns={columns} rows={rows} sort={sort} onSort={setSort} onOpen={(r) => editor.open(r.id)} />
        )}
      </div>
      {editor.editing === "new" && canCreate && <QuoteForm onClose={editor.close} onSaved={(id) => editor.open(id)} />}
      {editor.editing && editor.editing !== "new" && (
        <QuoteDrawer key={editor.editing} id={editor.editing} clientName={clientName} onClose={editor.close} canEdit={canCreate}
          onOpenInvoice={(id) => navigate({ page: "invoices", open: id })} />
      )}
    </>
  );
}
