import { useQuery } from "@tanstack/react-query";
import { formatMoney } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";
import { isWebUrl } from "../../lib/open-external";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { knownInvoiceStatus } from "./plan-helpers";

/** The studio's Stripe invoices, newest first; each opens on Stripe's page (or its PDF) in the browser. */
export function PlanInvoices() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const invoices = useQuery(trpc.billing.invoices.queryOptions(undefined, { retry: false, staleTime: 0 }));
  const title = t("billing.invoices");
  return (
    <div className="fieldset plan-invoices" data-testid="plan-invoices">
      <h3>{title}</h3>
      {invoices.isError && <div className="banner error" role="alert">{t(`error.${appCodeOf(invoices.error)}`)}</div>}
      {invoices.data?.length === 0 && <p className="subtle" style={{ margin: 0 }}>{t("billing.invoices.empty")}</p>}
      {invoices.data && invoices.data.length > 0 && (
        <div className="table-scroll">
          <table className="data plan-invoice-table" aria-label={title}>
            <thead>
              <tr>
                <th>{t("billing.invoice.number")}</th>
                <th>{t("billing.invoice.date")}</th>
                <th className="num">{t("billing.invoice.amount")}</th>
                <th>{t("billing.invoice.status")}</th>
                <th><span className="sr-only">{t("billing.invoice.open")}</span></th>
              </tr>
            </thead>
            <tbody>
              {invoices.data.map((inv) => {
                const status = knownInvoiceStatus(inv.status);
                return (
                  <tr key={inv.id}>
                    <td>{inv.number ?? t("billing.invoice.noNumber")}</td>
                    <td className="nowrap">{new Date(inv.createdAt).toLocaleDateString(locale, { day: "numeric", month: "short", year: "numeric" })}</td>
                    <td className="num">{formatMoney(inv.totalCents, inv.currency, locale)}</td>
                    <td>
                      <span className={`badge${status === "paid" ? " ok" : status === "open" || status === "uncollectible" ? " warn" : ""}`}>
                        {status ? t(`billing.invoice.status.${status}`) : (inv.status ?? "—")}
                      </span>
                    </td>
                    <td className="nowrap">
                      <span className="plan-invoice-links">
                        {isWebUrl(inv.hostedUrl) && <a href={inv.hostedUrl} target="_blank" rel="noreferrer">{t("billing.invoice.open")}</a>}
                        {isWebUrl(inv.pdfUrl) && <a href={inv.pdfUrl} target="_blank" rel="noreferrer">{t("billing.invoice.pdf")}</a>}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
