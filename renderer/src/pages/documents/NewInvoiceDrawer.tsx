import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { computeTotals } from "../../../../shared/documents/document-totals";
import { linesFromTyped, type TypedLine, type TypedLineError } from "../../../../shared/documents/line-drafts";
import { formatMoney } from "../../../../shared/money";
import { Drawer } from "../../components/Drawer";
import { SelectField, TextField } from "../../components/Fields";
import { ClientPicker } from "../../forms/booking/ClientPicker";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { EMPTY_LINE, InvoiceLinesEditor } from "./InvoiceLinesEditor";
import { percent } from "./doc-helpers";
import "./new-invoice.css";

interface Props {
  onClose(): void;
  /** The draft was made: open it (to check and issue it). */
  onCreated(id: string): void;
}

/** A hand-made invoice (not from a booking or a quote): a client, free lines each with its VAT rate, notes; saved as a draft. */
export function NewInvoiceDrawer({ onClose, onCreated }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const action = useAction();
  const currency = useQuery(trpc.studio.get.queryOptions()).data?.currency ?? "EUR";
  const create = useMutation(trpc.documents.invoices.create.mutationOptions());
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  // Which site's invoice: its date is that site's today, and people limited to other sites do not see it.
  const [locationId, setLocationId] = useState("");
  const [clientId, setClientId] = useState<string | null>(null);
  const [rows, setRows] = useState<TypedLine[]>([{ ...EMPTY_LINE }]);
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Map<number, TypedLineError[]>>(new Map());
  const [clientError, setClientError] = useState(false);
  const preview = linesFromTyped(rows);
  const totals = computeTotals(preview.lines);
  const money = (c: number) => formatMoney(c, currency, locale);

  const submit = async () => {
    const { lines, errors: wrong } = linesFromTyped(rows);
    setErrors(wrong);
    setClientError(!clientId);
    if (!clientId) return action.setError(t("newInvoice.chooseClient"));
    if (wrong.size > 0) return action.setError(t("newInvoice.fixLines", { rows: [...wrong.keys()].map((i) => i + 1).join(", ") }));
    if (lines.length === 0) return action.setError(t("newInvoice.noLines"));
    let id: string | null = null;
    if (await action.run(async () => { id = (await create.mutateAsync({ clientId, locationId: (locationId || locations[0]?.id) ?? null, lines, notes: notes.trim() || undefined })).id; }, t("newInvoice.created")) && id) onCreated(id);
  };

  return (
    <Drawer title={t("newInvoice.title")} subtitle={t("newInvoice.subtitle")} onClose={onClose} onSubmit={() => void submit()}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="submit" className="btn primary" disabled={create.isPending}>{t("newInvoice.create")}</button>
        </>
      }>
      {action.error && <div className="banner error" role="alert">{action.error}</div>}
      {/* The booking's picker says "optional"; here the client is required (new-invoice.css hides that word). */}
      <div className="new-invoice-client">
        <ClientPicker clientId={clientId} onChange={(id) => { setClientId(id); setClientError(false); }} errors={clientError ? { clientId: ["v.required"] } : {}} />
      </div>
      {locations.length > 1 && (
        <SelectField label={t("newInvoice.location")} name="locationId" errors={{}} value={locationId || locations[0]!.id} onChange={setLocationId}
          options={locations.map((l) => ({ value: l.id, label: l.name }))} />
      )}
      <div className="fieldset">
        <div className="fieldset-title">{t("invoices.lines")}</div>
        <InvoiceLinesEditor rows={rows} errors={errors} onChange={(next) => { setRows(next); if (errors.size > 0) action.setError(null); }} />
        <button type="button" className="btn small" onClick={() => setRows([...rows, { ...EMPTY_LINE, vatBp: rows.at(-1)?.vatBp ?? EMPTY_LINE.vatBp }])}>
          {t("newInvoice.addLine")}
        </button>
        <div className="doc-totals" data-testid="new-invoice-totals">
          <span>{t("invoices.net")}</span><span className="num">{money(totals.netCents)}</span>
          {totals.vatByRate.map((b) => (
            <span key={b.vatBp} style={{ display: "contents" }}>
              <span className="muted">{t("invoices.vatRate", { rate: percent(b.vatBp, locale) })} <span className="subtle">({t("invoices.vatBase", { net: money(b.netCents) })})</span></span>
              <span className="num">{money(b.vatCents)}</span>
            </span>
          ))}
          <span className="strong">{t("invoices.total")}</span><span className="num strong">{money(totals.totalCents)}</span>
        </div>
      </div>
      <TextField label={t("newInvoice.notes")} name="notes" errors={{}} value={notes} onChange={setNotes} />
    </Drawer>
  );
}
