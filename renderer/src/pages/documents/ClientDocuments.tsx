import { useQuery } from "@tanstack/react-query";
import { formatMoney } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useCan } from "../../lib/use-can";
import { useUiStore } from "../../store/ui-store";
import { ClientPayments } from "./ClientPayments";
import { ClientSessions } from "./ClientSessions";
import { formatIsoDate, statusTone, invoiceStatusLabel } from "./doc-helpers";
import "./documents.css";

/** In the client drawer: what they were invoiced, paid, credited and still owe, their invoices and contracts, payments and sessions. */
export function ClientDocuments({ clientId }: { clientId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const navigate = useUiStore((s) => s.navigate);
  const finance = useCan("finance.view");
  const balance = useQuery(trpc.documents.clients.balance.queryOptions({ clientId }, { enabled: finance })).data;
  const docs = useQuery(trpc.documents.clients.documents.queryOptions({ clientId })).data;
  const money = (c: number, currency: string) => formatMoney(c, currency, locale);
  const invoices = finance ? docs?.invoices ?? [] : [];
  const contracts = docs?.contracts ?? [];

  return (
    <>
      {balance && (
        <div className="fieldset" data-testid="client-balance">
          <div className="fieldset-title">{t("clientDocs.balance")}</div>
          <div className="balance-grid">
            {([["invoiced", balance.invoicedCents], ["paid", balance.paidCents], ["credited", balance.creditedCents], ["due", balance.dueCents]] as const).map(([k, v]) => (
              <div key={k} className="figure">
                <div className="subtle">{t(`clientDocs.${k}`)}</div>
                <div className="value">{money(v, balance.currency)}</div>
              </div>
            ))}
          </div>
        </div>
      )}
      {docs && (
        <div className="fieldset" data-testid="client-documents">
          <div className="fieldset-title">{t("clientDocs.documents")}</div>
          {invoices.length + contracts.length === 0 ? <div className="muted">{t("clientDocs.none")}</div> : (
            <ul className="doc-list">
              {invoices.map((i) => (
                <li key={i.id}>
                  <button type="button" className="link" onClick={() => navigate({ page: "invoices", open: i.id })}>
                    {i.kind === "credit_note" ? t("invoices.kind.credit_note") : t(`invoices.purpose.${i.purpose}`)} {i.displayNumber ?? t("invoices.draftNumber")}
                  </button>
                  <span className="doc-meta">
                    <span className="subtle">{formatIsoDate(i.issuedOn, locale)}</span>
                    <span className="num">{money(i.totalCents, i.currency)}</span>
                    <span className={`badge ${statusTone(i.status)}`}>{invoiceStatusLabel(t, i)}</span>
                  </span>
                </li>
              ))}
              {contracts.map((c) => (
                <li key={c.id}>
                  <button type="button" className="link" onClick={() => navigate({ page: "contracts", open: c.id })}>{c.title} {c.displayNumber ?? ""}</button>
                  <span className={`badge ${statusTone(c.status)}`}>{t(`contracts.status.${c.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {finance && balance && <ClientPayments clientId={clientId} currency={balance.currency} />}
      <ClientSessions clientId={clientId} />
    </>
  );
}
