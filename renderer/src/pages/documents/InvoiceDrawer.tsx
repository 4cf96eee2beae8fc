import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PAYMENT_METHODS, type PaymentMethod } from "../../../../shared/documents/billing";
import { formatMoney, parseAmountToCents } from "../../../../shared/money";
import { Dialog } from "../../components/Dialog";
import { Drawer } from "../../components/Drawer";
import { SelectField, TextField } from "../../components/Fields";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { useCan } from "../../lib/use-can";
import { CreditNoteDialog } from "./CreditNoteDialog";
import { DocLinesTable } from "./DocLinesTable";
import { usePdfDownload } from "./use-pdf-download";
import { formatIsoDate, percent, statusTone, todayIso, type InvoiceView, invoiceStatusLabel } from "./doc-helpers";

interface Props {
  id: string;
  clientName(id: string): string;
  onClose(): void;
  /** Opens another invoice (a new credit note) in place of this one. */
  onOpen(id: string): void;
}

/** One invoice: lines, VAT by rate, totals, payments, mail; issue, take a payment, credit, void, PDF. */
export function InvoiceDrawer({ id, clientName, onClose, onOpen }: Props) {
  const t = useT();
  const trpc = useTRPC();
  const invoice = useQuery(trpc.documents.invoices.get.queryOptions({ id })).data;
  if (!invoice) return null;
  return <InvoiceDetail invoice={invoice} clientName={clientName(invoice.clientId)} onClose={onClose} onOpen={onOpen} title={t("invoices.title")} />;
}

function InvoiceDetail({ invoice: inv, clientName, onClose, onOpen }: { invoice: InvoiceView; clientName: string; onClose(): void; onOpen(id: string): void; title: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const action = useAction();
  const [dialog, setDialog] = useState<"void" | "credit" | null>(null);
  const [reason, setReason] = useState("");
  const payments = useQuery(trpc.documents.payments.list.queryOptions({ invoiceId: inv.id })).data ?? [];
  const emails = useQuery(trpc.documents.emails.list.queryOptions({ documentId: inv.id })).data ?? [];
  const issue = useMutation(trpc.documents.invoices.issue.mutationOptions());
  const voidIt = useMutation(trpc.documents.invoices.void.mutationOptions());
  const send = useMutation(trpc.documents.emails.send.mutationOptions());
  const retry = useMutation(trpc.documents.emails.retry.mutationOptions());
  const pdfQuery = trpc.documents.invoices.pdf.queryOptions({ id: inv.id });
  const pdf = useQuery({ ...pdfQuery, enabled: false });
  const canIssue = useCan("invoice.issue", inv.locationId);
  const canVoid = useCan("invoice.void", inv.locationId);
  const canPay = useCan("payment.record", inv.locationId);
  const money = (c: number) => formatMoney(c, inv.currency, locale);
  const isInvoice = inv.kind === "invoice";
  const live = inv.status === "issued" || inv.status === "partly_paid" || inv.status === "overdue";
  const number = inv.displayNumber ?? t("invoices.draftNumber");
  const kindLabel = isInvoice ? t(`invoices.purpose.${inv.purpose}`) : t("invoices.kind.credit_note");

  const downloadPdf = usePdfDownload(() => pdf.refetch(), action.setError);

  return (
    <>
      <Drawer
        title={`${kindLabel} ${number}`}
        subtitle={clientName}
        onClose={onClose}
        onSubmit={() => (inv.status === "draft" && canIssue ? void action.run(() => issue.mutateAsync({ id: inv.id }), t("invoices.issued")) : onClose())}
        footer={
          <>
            <span className={`badge ${statusTone(inv.status)}`} data-testid="invoice-status">{invoiceStatusLabel(t, inv)}</span>
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose}>{t("common.close")}</button>
            {inv.status === "draft" && canIssue && <button type="submit" className="btn primary" disabled={issue.isPending}>{t("invoices.issue")}</button>}
          </>
        }
      >
        {action.error && <div className="banner error" role="alert">{action.error}</div>}
        <div className="doc-meta">
          <span className="badge">{kindLabel}</span>
          <span className={`badge ${statusTone(inv.status)}`}>{invoiceStatusLabel(t, inv)}</span>
          {inv.issuedOn && (
            <span className="muted">
              {t("invoices.issuedOn", { date: formatIsoDate(inv.issuedOn, locale) })}{inv.dueOn ? ` · ${t("invoices.dueOnLabel", { date: formatIsoDate(inv.dueOn, locale) })}` : ""}
            </span>
          )}
        </div>
        {!inv.number && inv.provisionalNumber && <div className="banner info">{t("invoices.provisional")}</div>}
        <div className="doc-actions">
          <button type="button" className="btn small" onClick={() => void downloadPdf()} disabled={pdf.isFetching}>{t("invoices.pdf")}</button>
          {inv.status !== "draft" && (
            <button type="button" className="btn small" disabled={send.isPending}
              onClick={() => void action.run(() => send.mutateAsync({ documentKind: "invoice", documentId: inv.id }), t("invoices.emailQueued"))}>{t("invoices.email")}</button>
          )}
          {isInvoice && inv.status !== "draft" && inv.status !== "void" && inv.totalCents + inv.creditedCents > 0 && canVoid && (
            <button type="button" className="btn small" onClick={() => setDialog("credit")}>{t("invoices.creditNote")}</button>
          )}
          {isInvoice && live && inv.paidCents === 0 && canVoid && (
            <button type="button" className="btn small danger" onClick={() => { setReason(""); setDialog("void"); }}>{t("invoices.void")}</button>
          )}
        </div>

        <div className="fieldset">
          <div className="fieldset-title">{t("invoices.lines")}</div>
          <DocLinesTable lines={inv.lines} currency={inv.currency} />
          <div className="doc-totals" data-testid="invoice-totals">
            <span>{t("invoices.net")}</span><span className="num">{money(inv.netCents)}</span>
            {inv.vatByRate.map((b) => (
              <span key={b.vatBp} style={{ display: "contents" }}>
                <span className="muted">{t("invoices.vatRate", { rate: percent(b.vatBp, locale) })} <span className="subtle">({t("invoices.vatBase", { net: money(b.netCents) })})</span></span>
                <span className="num">{money(b.vatCents)}</span>
              </span>
            ))}
            <span className="strong">{t("invoices.total")}</span><span className="num strong">{money(inv.totalCents)}</span>
            {isInvoice && inv.status !== "draft" && (
              <>
                <span>{t("invoices.paid")}</span><span className="num">{money(inv.paidCents)}</span>
                {inv.creditedCents !== 0 && <><span>{t("invoices.credited")}</span><span className="num">{money(inv.creditedCents)}</span></>}
                <span className="strong">{t("invoices.dueAmount")}</span><span className="num strong" data-testid="invoice-due">{money(inv.dueCents)}</span>
              </>
            )}
          </div>
        </div>

        {isInvoice && inv.status !== "draft" && (
          <div className="fieldset">
            <div className="fieldset-title">{t("invoices.payments")}</div>
            {payments.length === 0 ? <div className="muted">{t("invoices.noPayments")}</div> : (
              <ul className="doc-list">
                {payments.map((p) => (
                  <li key={p.id}>
                    <span>{formatIsoDate(p.receivedOn, locale)} · {t(`pay.method.${p.method}`)}{p.reference ? ` · ${p.reference}` : ""}</span>
                    <span className="num">{money(p.amountCents)}</span>
                  </li>
                ))}
              </ul>
            )}
            {live && canPay && inv.dueCents > 0 && <PaymentForm key={inv.dueCents} invoice={inv} />}
          </div>
        )}

        {emails.length > 0 && (
          <div className="fieldset">
            <div className="fieldset-title">{t("invoices.emails")}</div>
            <ul className="doc-list">
              {emails.map((e) => (
                <li key={e.id}>
                  <span>{e.to} · {e.subject}</span>
                  <span className="doc-meta">
                    <span className={`badge ${e.status === "sent" ? "ok" : e.status === "failed" ? "warn" : ""}`}>{t(`invoices.emailStatus.${e.status}`)}</span>
                    {e.status === "failed" && <button type="button" className="btn small" onClick={() => void action.run(() => retry.mutateAsync({ id: e.id }), t("invoices.emailQueued"))}>{t("invoices.retry")}</button>}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {inv.notes && <div className="muted" style={{ whiteSpace: "pre-wrap" }}>{inv.notes}</div>}
      </Drawer>
      {dialog === "credit" && <CreditNoteDialog invoice={inv} onClose={() => setDialog(null)} onCreated={(id) => { setDialog(null); onOpen(id); }} />}
      {dialog === "void" && (
        <Dialog title={t("invoices.void")} tone="danger" onClose={() => setDialog(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setDialog(null)}>{t("common.cancel")}</button>
              <button type="button" className="btn danger" disabled={voidIt.isPending}
                onClick={async () => {
                  if (await action.run(() => voidIt.mutateAsync({ id: inv.id, reason: reason.trim() || undefined }), t("invoices.voided"))) setDialog(null);
                }}>
                {t("invoices.void")}
              </button>
            </>
          }>
          <p className="muted">{t("invoices.voidBody")}</p>
          <TextField label={t("invoices.reason")} name="reason" errors={{}} value={reason} onChange={setReason} />
          {action.error && <div className="banner error" role="alert">{action.error}</div>}
        </Dialog>
      )}
    </>
  );
}

/** Amount (the amount due by default), method, date and an optional reference. */
function PaymentForm({ invoice }: { invoice: InvoiceView }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const action = useAction();
  const record = useMutation(trpc.documents.payments.record.mutationOptions());
  const [amount, setAmount] = useState(() => (invoice.dueCents / 100).toLocaleString(locale, { minimumFractionDigits: 2, useGrouping: false }));
  const [method, setMethod] = useState<PaymentMethod>("card");
  const [date, setDate] = useState(todayIso());
  const [reference, setReference] = useState("");
  const [amountError, setAmountError] = useState(false);

  const submit = async () => {
    const cents = parseAmountToCents(amount);
    if (cents === null || cents <= 0) {
      setAmountError(true);
      return;
    }
    setAmountError(false);
    const ok = await action.run(
      () => record.mutateAsync({ invoiceId: invoice.id, amountCents: cents, method, receivedOn: date || undefined, reference: reference.trim() || undefined }),
      t("pay.done", { amount: formatMoney(cents, invoice.currency, locale) }),
    );
    if (ok) setReference("");
  };

  return (
    <div className="pay-form" role="group" aria-label={t("pay.title")}>
      <TextField label={t("pay.amount")} name="amount" errors={amountError ? { amount: ["v.amount"] } : {}} value={amount} onChange={setAmount} suffix={invoice.currency === "EUR" ? "€" : invoice.currency} />
      <SelectField<PaymentMethod> label={t("pay.method")} name="method" errors={{}} value={method} onChange={setMethod}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`pay.method.${m}`) }))} />
      <TextField label={t("pay.date")} name="receivedOn" type="date" errors={{}} value={date} onChange={setDate} />
      <TextField label={t("pay.reference")} name="reference" errors={{}} value={reference} onChange={setReference} />
      {action.error && <div className="error full" role="alert" style={{ gridColumn: "1 / -1" }}>{action.error}</div>}
      <div style={{ gridColumn: "1 / -1" }}>
        <button type="button" className="btn primary" disabled={record.isPending} onClick={() => void submit()}>{t("pay.submit")}</button>
      </div>
    </div>
  );
}
