import { computeTotals } from "../../../../shared/documents/document-totals";
import type { DocumentLine } from "../../../../shared/documents/document-line";
import { formatMoney } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";
import { formatDateTime } from "../../lib/zoned-format";
import { percent } from "./doc-helpers";

/** An invoice's or a quote's lines: label (detail, project, session), quantity, unit price, VAT (and discount), net. */
export function DocLinesTable({ lines, currency }: { lines: readonly DocumentLine[]; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const money = (c: number) => formatMoney(c, currency, locale);
  const computed = computeTotals([...lines]).lines;
  return (
    <table className="doc-lines">
      <thead>
        <tr>
          <th>{t("invoices.line.label")}</th>
          <th className="num">{t("invoices.line.qty")}</th>
          <th className="num">{t("invoices.line.unit")}</th>
          <th className="num">{t("invoices.line.vat")}</th>
          <th className="num">{t("invoices.line.net")}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i}>
            <td>
              <div>{l.label}</div>
              {(l.detail || l.projectName) && <div className="subtle">{[l.detail, l.projectName].filter(Boolean).join(" · ")}</div>}
              {l.session && <div className="subtle">{t("invoices.session", { when: formatDateTime(l.session.startsAt, l.session.timeZone, locale) })}</div>}
            </td>
            <td className="num">{(l.quantityMilli / 1000).toLocaleString(locale)}{l.unit === "hour" ? " h" : ""}</td>
            <td className="num">{money(l.unitPriceCents)}</td>
            <td className="num">{percent(l.vatBp, locale)}{l.discountBp > 0 ? ` · −${percent(l.discountBp, locale)}` : ""}</td>
            <td className="num">{money(computed[i]?.netCents ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
