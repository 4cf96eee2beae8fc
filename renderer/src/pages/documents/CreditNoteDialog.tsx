import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { pickedCreditLines, type CreditPick } from "../../../../shared/documents/credit-selection";
import { computeTotals } from "../../../../shared/documents/document-totals";
import { parseQuantityMilli } from "../../../../shared/documents/line-drafts";
import { formatMoney } from "../../../../shared/money";
import { Dialog } from "../../components/Dialog";
import { TextField } from "../../components/Fields";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { percent, type InvoiceView } from "./doc-helpers";
import "./new-invoice.css";

interface Props {
  invoice: InvoiceView;
  onClose(): void;
  /** The credit note was issued: open it. */
  onCreated(id: string): void;
}

const qtyText = (milli: number, locale: string) => (Math.abs(milli) / 1000).toLocaleString(locale, { maximumFractionDigits: 3, useGrouping: false });

/** A credit note for the whole invoice, or for some lines and quantities of it: the credit's total shown before it is issued. */
export function CreditNoteDialog(props: Props) {
  const trpc = useTRPC();
  const remaining = useQuery(trpc.documents.invoices.creditable.queryOptions({ id: props.invoice.id })).data;
  return remaining ? <CreditNoteForm {...props} remaining={remaining} /> : null;
}

function CreditNoteForm({ invoice: inv, onClose, onCreated, remaining }: Props & { remaining: number[] }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const action = useAction();
  const credit = useMutation(trpc.documents.invoices.creditNote.mutationOptions());
  // Lines already credited in full are shown, unticked and locked; the others default to what is left of them.
  const [picked, setPicked] = useState<boolean[]>(() => inv.lines.map((_, i) => (remaining[i] ?? 0) > 0));
  const [qty, setQty] = useState<string[]>(() => inv.lines.map((_, i) => qtyText(remaining[i] ?? 0, locale)));
  const [reason, setReason] = useState("");
  const money = (c: number) => formatMoney(c, inv.currency, locale);

  const picks: CreditPick[] = [];
  const badRows: number[] = [];
  inv.lines.forEach((_, i) => {
    if (!picked[i]) return;
    const q = parseQuantityMilli(qty[i] ?? "");
    if (q === null) badRows.push(i);
    else picks.push({ index: i, quantityMilli: q });
  });
  const result = pickedCreditLines(inv.lines, picks, remaining);
  for (const e of result.errors) badRows.push(e.index);
  const totalCents = computeTotals(result.lines).totalCents;
  const leftCents = inv.totalCents + inv.creditedCents;
  const tooMuch = -totalCents > leftCents;
  const whole = badRows.length === 0 && picks.length === inv.lines.length && picks.every((p) => p.quantityMilli === Math.abs(inv.lines[p.index]!.quantityMilli)) && inv.creditedCents === 0;

  const submit = async () => {
    if (badRows.length > 0) return action.setError(t("creditNote.fixRows", { rows: [...new Set(badRows)].map((i) => i + 1).join(", ") }));
    if (picks.length === 0) return action.setError(t("creditNote.pickOne"));
    if (tooMuch) return action.setError(t("error.CREDIT_EXCEEDS_INVOICE"));
    let id: string | null = null;
    const input = { invoiceId: inv.id, reason: reason.trim() || undefined, ...(whole ? {} : { lines: picks }) };
    if (await action.run(async () => { id = (await credit.mutateAsync(input)).id; }, t("invoices.creditNoteDone")) && id) onCreated(id);
  };

  return (
    <Dialog title={t("invoices.creditNote")} onClose={onClose}
      footer={
        <>
          <span className="muted" data-testid="credit-total">{t("creditNote.total", { amount: money(totalCents) })}</span>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="button" className="btn primary" disabled={credit.isPending || picks.length === 0 || tooMuch} onClick={() => void submit()}>
            {whole ? t("creditNote.issueWhole") : t("creditNote.issuePartial")}
          </button>
        </>
      }>
      <p className="muted">{t("creditNote.body", { left: money(leftCents) })}</p>
      {!whole && picks.length > 0 && <div className="badge accent" data-testid="credit-partial">{t("creditNote.partialTitle")}</div>}
      <table className="doc-lines" data-testid="credit-lines">
        <thead>
          <tr>
            <th><span className="sr-only">{t("creditNote.pick")}</span></th>
            <th>{t("invoices.line.label")}</th>
            <th className="num">{t("creditNote.billed")}</th>
            <th className="num">{t("creditNote.credited")}</th>
            <th className="num">{t("invoices.line.vat")}</th>
          </tr>
        </thead>
        <tbody>
          {inv.lines.map((l, i) => (
            <tr key={i}>
              <td>
                <input type="checkbox" aria-label={`${t("creditNote.pick")} ${l.label}`} checked={picked[i] ?? false} disabled={(remaining[i] ?? 0) === 0}
                  onChange={(e) => { action.setError(null); setPicked(picked.map((p, j) => (j === i ? e.target.checked : p))); }} />
              </td>
              <td>{l.label}{l.detail ? <div className="subtle">{l.detail}</div> : null}</td>
              <td className="num">
                {qtyText(l.quantityMilli, locale)} × {money(l.unitPriceCents)}
                {(remaining[i] ?? 0) !== Math.abs(l.quantityMilli) && <div className="subtle">{t("creditNote.left", { qty: qtyText(remaining[i] ?? 0, locale) })}</div>}
              </td>
              <td className="num">
                <input className="input num qty" inputMode="decimal" aria-label={`${t("creditNote.quantity")} ${l.label}`} value={qty[i] ?? ""} disabled={!picked[i]}
                  aria-invalid={badRows.includes(i)} onChange={(e) => { action.setError(null); setQty(qty.map((q, j) => (j === i ? e.target.value : q))); }} />
              </td>
              <td className="num">{percent(l.vatBp, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {tooMuch && <div className="banner error" role="alert">{t("error.CREDIT_EXCEEDS_INVOICE")}</div>}
      <TextField label={t("invoices.reason")} name="reason" errors={{}} value={reason} onChange={setReason} />
      {action.error && <div className="banner error" role="alert">{action.error}</div>}
    </Dialog>
  );
}
