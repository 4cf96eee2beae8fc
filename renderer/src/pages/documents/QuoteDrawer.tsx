import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatMoney } from "../../../../shared/money";
import { Drawer } from "../../components/Drawer";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { formatIsoDate, percent, statusTone, type QuoteView } from "./doc-helpers";
import { DocLinesTable } from "./DocLinesTable";
import { QuoteForm } from "./QuoteForm";
import { usePdfDownload } from "./use-pdf-download";

interface Props {
  id: string;
  clientName(id: string): string;
  onClose(): void;
  /** Whether the person may change quotes (a draft's "Modifier"). */
  canEdit: boolean;
  /** Opens an invoice (the deposit invoice, or the one made from the quote). */
  onOpenInvoice(id: string): void;
}

/** One quote: lines and totals from the core; edit a draft, send, accept (holds + deposit invoice), reject, invoice, PDF. */
export function QuoteDrawer({ id, clientName, onClose, canEdit, onOpenInvoice }: Props) {
  const trpc = useTRPC();
  const quote = useQuery(trpc.documents.quotes.get.queryOptions({ id })).data;
  const [editing, setEditing] = useState(false);
  if (!quote) return null;
  // The same form as a new quote, filled with the draft; saving goes back to the quote.
  if (editing && quote.status === "draft") return <QuoteForm quote={quote} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />;
  return <QuoteDetail quote={quote} clientName={clientName(quote.clientId)} onClose={onClose} onOpenInvoice={onOpenInvoice} onEdit={canEdit ? () => setEditing(true) : null} />;
}

interface DetailProps { quote: QuoteView; clientName: string; onClose(): void; onOpenInvoice(id: string): void; onEdit: (() => void) | null }

function QuoteDetail({ quote: q, clientName, onClose, onOpenInvoice, onEdit }: DetailProps) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const action = useAction();
  const send = useMutation(trpc.documents.quotes.send.mutationOptions());
  const accept = useMutation(trpc.documents.quotes.accept.mutationOptions());
  const reject = useMutation(trpc.documents.quotes.reject.mutationOptions());
  const invoice = useMutation(trpc.documents.quotes.invoice.mutationOptions());
  const pdf = useQuery({ ...trpc.documents.quotes.pdf.queryOptions({ id: q.id }), enabled: false });
  const downloadPdf = usePdfDownload(() => pdf.refetch(), action.setError);
  const money = (c: number) => formatMoney(c, q.currency, locale);
  const status = q.effectiveStatus;
  const number = q.displayNumber ?? t("invoices.draftNumber");
  const busy = send.isPending || accept.isPending || reject.isPending || invoice.isPending;

  const toInvoice = async () => {
    let invoiceId: string | null = null;
    if (await action.run(async () => { invoiceId = (await invoice.mutateAsync({ id: q.id })).id; }, t("quotes.invoiced")) && invoiceId) onOpenInvoice(invoiceId);
  };

  return (
    <Drawer title={`${t("quotes.title")} ${number}`} subtitle={clientName} onClose={onClose} onSubmit={onClose}
      footer={
        <>
          <span className={`badge ${statusTone(status)}`} data-testid="quote-status" data-status={status}>{t(`quotes.status.${status}`)}</span>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.close")}</button>
        </>
      }>
      {action.error && <div className="banner error" role="alert">{action.error}</div>}
      <div className="doc-meta">
        <span className={`badge ${statusTone(status)}`}>{t(`quotes.status.${status}`)}</span>
        <span className="muted">{t("quotes.validUntil")} {formatIsoDate(q.validUntil, locale)}</span>
      </div>
      <div className="doc-actions">
        <button type="button" className="btn small" onClick={() => void downloadPdf()} disabled={pdf.isFetching}>{t("invoices.pdf")}</button>
        {/* A draft past its validity can still be edited (e.g. to extend it): the client never saw it. */}
        {q.status === "draft" && onEdit && (
          <button type="button" className="btn small" disabled={busy} onClick={onEdit}>{t("quotes.edit")}</button>
        )}
        {status === "draft" && (
          <button type="button" className="btn small primary" disabled={busy} onClick={() => void action.run(() => send.mutateAsync({ id: q.id }), t("quotes.sent"))}>{t("quotes.send")}</button>
        )}
        {(status === "sent" || status === "draft") && (
          <button type="button" className="btn small primary" disabled={busy} onClick={() => void action.run(() => accept.mutateAsync({ id: q.id }), t("quotes.accepted"))}>{t("quotes.accept")}</button>
        )}
        {(status === "sent" || status === "draft") && (
          <button type="button" className="btn small danger" disabled={busy} onClick={() => void action.run(() => reject.mutateAsync({ id: q.id }), t("quotes.rejected"))}>{t("quotes.reject")}</button>
        )}
        {status === "accepted" && (
          <button type="button" className="btn small" disabled={busy} onClick={() => void toInvoice()}>{t("quotes.toInvoice")}</button>
        )}
      </div>

      {status === "accepted" && (
        <div className="banner ok" data-testid="quote-accepted">
          <div>{t("quotes.holdsCount", { n: q.bookingIds.length })}</div>
          {q.depositInvoiceId && (
            <button type="button" className="btn small" data-testid="deposit-invoice-link" onClick={() => onOpenInvoice(q.depositInvoiceId!)}>
              {t("quotes.depositInvoice")} — {t("quotes.openInvoice")}
            </button>
          )}
        </div>
      )}

      <div className="fieldset">
        <div className="fieldset-title">{t("invoices.lines")}</div>
        <DocLinesTable lines={q.lines} currency={q.currency} />
        <div className="doc-totals" data-testid="quote-totals">
          <span>{t("quotes.net")}</span><span className="num">{money(q.netCents)}</span>
          <span>{t("quotes.vat")}</span><span className="num">{money(q.vatCents)}</span>
          <span className="strong">{t("quotes.total")}</span><span className="num strong">{money(q.totalCents)}</span>
          {q.depositBp > 0 && (
            <>
              <span className="muted">{t("quotes.depositAmount", { pct: percent(q.depositBp, locale) })}</span>
              <span className="num">{money(Math.round((q.totalCents * q.depositBp) / 10_000))}</span>
            </>
          )}
        </div>
      </div>
      {q.notes && <div className="fieldset"><div className="fieldset-title">{t("quotes.notes")}</div><div className="contract-text">{q.notes}</div></div>}
    </Drawer>
  );
}
