import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { basisPointsToInput, centsToInput, formatMoney, parseAmountToCents, parsePercentToBasisPoints } from "../../../../shared/money";
import type { FieldErrors } from "../../../../shared/errors";
import { DataTable, type Column, type SortState } from "../../components/DataTable";
import { Drawer } from "../../components/Drawer";
import { EmptyState } from "../../components/EmptyState";
import { SelectField, TextField } from "../../components/Fields";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { useCan } from "../../lib/use-can";
import { useEditor } from "../../lib/use-editor";
import { percent } from "./doc-helpers";

const UNITS = ["hour", "day", "unit", "session"] as const;
type Unit = (typeof UNITS)[number];
interface Item { id: string; name: string; description: string | null; unit: string; unitPriceCents: number; vatBp: number }

/** The Invoices page's "Catalogue" tab: the services quotes offer (name, unit, unit price, VAT). */
export function CatalogueTab() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const canEdit = useCan("studio.settings");
  const editor = useEditor("catalogue", canEdit);
  const [sort, setSort] = useState<SortState>({ sort: "name", direction: "asc" });
  const items = useQuery(trpc.documents.serviceItems.list.queryOptions({}));
  const rows = [...(items.data ?? [])].sort((a, b) => (sort.direction === "asc" ? 1 : -1) * a.name.localeCompare(b.name, locale));
  const columns: Column<Item>[] = [
    { key: "name", header: t("catalogue.name"), sortKey: "name", render: (i) => <div className="cell-main">{i.name}</div> },
    { key: "unit", header: t("catalogue.unit"), render: (i) => t(`catalogue.unit.${i.unit as Unit}`) },
    { key: "price", header: t("catalogue.unitPrice"), className: "num", render: (i) => formatMoney(i.unitPriceCents, "EUR", locale) },
    { key: "vat", header: t("catalogue.vat"), className: "num", render: (i) => percent(i.vatBp, locale) },
  ];
  const editing = editor.editing === "new" ? null : rows.find((r) => r.id === editor.editing) ?? null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("catalogue.title")}</h1>
          <div className="muted" data-testid="list-count" data-count={rows.length}>{t("catalogue.count", { n: rows.length })}</div>
        </div>
        {canEdit && (
          <div className="actions">
            <button type="button" className="btn primary" onClick={() => editor.open("new")}>{t("catalogue.new")}</button>
          </div>
        )}
      </div>
      <div className="card">
        {items.isSuccess && rows.length === 0 ? (
          <EmptyState icon="invoice" title={t("catalogue.empty.title")} body={t("catalogue.empty.body")} />
        ) : (
          <DataTable label={t("catalogue.title")} columns={columns} rows={rows} sort={sort} onSort={setSort} onOpen={(r) => canEdit && editor.open(r.id)} />
        )}
      </div>
      {canEdit && (editor.editing === "new" || editing) && <ServiceItemDrawer key={editor.editing} item={editing} onClose={editor.close} />}
    </>
  );
}

function ServiceItemDrawer({ item, onClose }: { item: Item | null; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const action = useAction();
  const create = useMutation(trpc.documents.serviceItems.create.mutationOptions());
  const update = useMutation(trpc.documents.serviceItems.update.mutationOptions());
  const archive = useMutation(trpc.documents.serviceItems.archive.mutationOptions());
  const [name, setName] = useState(item?.name ?? "");
  const [description, setDescription] = useState(item?.description ?? "");
  const [unit, setUnit] = useState<Unit>((item?.unit as Unit | undefined) ?? "hour");
  const [price, setPrice] = useState(item ? centsToInput(item.unitPriceCents, locale) : "");
  const [vat, setVat] = useState(basisPointsToInput(item?.vatBp ?? 2000, locale));
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = async () => {
    const unitPriceCents = parseAmountToCents(price);
    const vatBp = parsePercentToBasisPoints(vat);
    const next: FieldErrors = {};
    if (!name.trim()) next.name = ["v.required"];
    if (unitPriceCents === null) next.price = ["v.required"];
    if (vatBp === null) next.vat = ["v.required"];
    setErrors(next);
    if (Object.keys(next).length > 0 || unitPriceCents === null || vatBp === null) return;
    const fields = { name: name.trim(), description: description.trim() || undefined, unit, unitPriceCents, vatBp };
    if (await action.run(() => (item ? update.mutateAsync({ id: item.id, patch: fields }) : create.mutateAsync(fields)), t("catalogue.saved"))) onClose();
  };

  return (
    <Drawer title={item ? t("catalogue.edit") : t("catalogue.new")} onClose={onClose} onSubmit={() => void submit()}
      footer={
        <>
          {item && (
            <button type="button" className="btn danger" disabled={archive.isPending}
              onClick={() => void action.run(() => archive.mutateAsync({ id: item.id }), t("catalogue.archived")).then((ok) => ok && onClose())}>{t("catalogue.archive")}</button>
          )}
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="submit" className="btn primary" disabled={create.isPending || update.isPending}>{t("catalogue.save")}</button>
        </>
      }>
      {action.error && <div className="banner error" role="alert">{action.error}</div>}
      <TextField label={t("catalogue.name")} name="name" errors={errors} value={name} onChange={setName} />
      <TextField label={t("catalogue.description")} name="description" errors={errors} value={description} onChange={setDescription} />
      <div className="form-grid">
        <SelectField label={t("catalogue.unit")} name="unit" errors={errors} value={unit} onChange={(v) => setUnit(v)}
          options={UNITS.map((u) => ({ value: u, label: t(`catalogue.unit.${u}`) }))} />
        <TextField label={t("catalogue.unitPrice")} name="price" errors={errors} value={price} onChange={setPrice} />
        <TextField label={t("catalogue.vat")} name="vat" errors={errors} value={vat} onChange={setVat} />
      </div>
    </Drawer>
  );
}
