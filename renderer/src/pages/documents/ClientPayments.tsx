import { useQuery } from "@tanstack/react-query";
import { formatMoney } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useUiStore } from "../../store/ui-store";
import "./new-invoice.css";
import { formatIsoDate } from "./doc-helpers";

/** In the client drawer: every payment received from the client (date, method, amount, the invoice it settles or "on account"). */
export function ClientPayments({ clientId, currency }: { clientId: string; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const navigate = useUiStore((s) => s.navigate);
  const payments = useQuery(trpc.documents.clients.payments.queryOptions({ clientId })).data;
  if (!payments) return null;
  return (
    <div className="fieldset client-activity" data-testid="client-payments">
      <div className="fieldset-title">{t("clientDocs.payments")}</div>
      {payments.length === 0 ? <div className="muted">{t("clientDocs.noPayments")}</div> : (
        <table className="doc-lines">
          <thead>
            <tr>
              <th>{t("pay.date")}</th>
              <th>{t("pay.method")}</th>
              <th>{t("clientDocs.paidOn")}</th>
              <th className="num">{t("pay.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.id} data-testid="client-payment">
                <td className="nowrap">{formatIsoDate(p.receivedOn, locale)}</td>
                <td>{t(`pay.method.${p.method}`)}{p.reference ? <div className="subtle">{p.reference}</div> : null}</td>
                <td>
                  {p.invoiceId ? (
                    <button type="button" className="link" onClick={() => navigate({ page: "invoices", open: p.invoiceId! })}>{p.invoiceNumber ?? t("invoices.draftNumber")}</button>
                  ) : <span className="muted">{t("clientDocs.onAccount")}</span>}
                </td>
                <td className="num">{p.amountCents === null ? "—" : formatMoney(p.amountCents, currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
