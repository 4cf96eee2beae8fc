import { VAT_RATES_BP, type TypedLine, type TypedLineError } from "../../../../shared/documents/line-drafts";
import { useLocale, useT } from "../../i18n";
import { percent } from "./doc-helpers";

interface Props {
  rows: TypedLine[];
  errors: Map<number, TypedLineError[]>;
  onChange(rows: TypedLine[]): void;
}

export const EMPTY_LINE: TypedLine = { label: "", quantity: "1", unitPrice: "", vatBp: 2000 };

/** A hand-made invoice's free lines: label, quantity, unit price excluding VAT and the VAT rate of each line. */
export function InvoiceLinesEditor({ rows, errors, onChange }: Props) {
  const t = useT();
  const locale = useLocale();
  const set = (i: number, patch: Partial<TypedLine>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const bad = (i: number, f: TypedLineError) => errors.get(i)?.includes(f) ?? false;
  return (
    <table className="doc-lines line-editor" data-testid="invoice-lines-editor">
      <thead>
        <tr>
          <th>{t("invoices.line.label")}</th>
          <th className="num">{t("invoices.line.qty")}</th>
          <th className="num">{t("newInvoice.unitNet")}</th>
          <th className="num">{t("invoices.line.vat")}</th>
          <th><span className="sr-only">{t("newInvoice.removeLine")}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td>
              <input className="input" aria-label={`${t("invoices.line.label")} ${i + 1}`} value={r.label} aria-invalid={bad(i, "label")} maxLength={200}
                onChange={(e) => set(i, { label: e.target.value })} />
            </td>
            <td className="num">
              <input className="input num" inputMode="decimal" aria-label={`${t("invoices.line.qty")} ${i + 1}`} value={r.quantity} aria-invalid={bad(i, "quantity")}
                onChange={(e) => set(i, { quantity: e.target.value })} />
            </td>
            <td className="num">
              <input className="input num" inputMode="decimal" aria-label={`${t("newInvoice.unitNet")} ${i + 1}`} value={r.unitPrice} aria-invalid={bad(i, "unitPrice")}
                placeholder="0,00" onChange={(e) => set(i, { unitPrice: e.target.value })} />
            </td>
            <td className="num">
              <select className="input" aria-label={`${t("invoices.line.vat")} ${i + 1}`} value={r.vatBp} onChange={(e) => set(i, { vatBp: Number(e.target.value) })}>
                {VAT_RATES_BP.map((bp) => <option key={bp} value={bp}>{percent(bp, locale)}</option>)}
              </select>
            </td>
            <td>
              <button type="button" className="btn small ghost" aria-label={`${t("newInvoice.removeLine")} ${i + 1}`} disabled={rows.length === 1}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}>×</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
