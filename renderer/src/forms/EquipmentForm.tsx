import { useMutation } from "@tanstack/react-query";
import { EQUIPMENT_CATEGORIES, createEquipmentInput } from "../../../shared/schemas/equipment";
import { EditorDrawer } from "../components/EditorDrawer";
import { SelectField, TextArea, TextField } from "../components/Fields";
import { useLocale, useT } from "../i18n";
import { InputReader } from "../lib/form-values";
import { useTRPC } from "../lib/trpc";
import type { EquipmentRow, LocationRow } from "../lib/types";
import { useArchiveButtons, useEntityForm } from "../lib/use-entity-form";
import { BlockoutSection } from "./BlockoutSection";

type Category = (typeof EQUIPMENT_CATEGORIES)[number];

export function EquipmentForm({ item, locations, defaultLocationId, currency, onClose }: {
  item: EquipmentRow | null; locations: LocationRow[]; defaultLocationId?: string; currency: string; onClose(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const create = useMutation(trpc.equipment.create.mutationOptions());
  const update = useMutation(trpc.equipment.update.mutationOptions());
  const archiveButtons = useArchiveButtons(item, trpc.equipment, onClose);
  const show = new InputReader(locale);

  const form = useEntityForm({
    initial: {
      locationId: item?.locationId ?? defaultLocationId ?? locations[0]?.id ?? "",
      name: item?.name ?? "",
      category: (item?.category ?? "microphone") as Category,
      serialNumber: item?.serialNumber ?? "",
      quantity: String(item?.quantity ?? 1),
      dailyRate: show.showCents(item?.dailyRateCents ?? 0),
      lastMaintenance: item?.lastMaintenance ?? "",
      nextMaintenance: item?.nextMaintenance ?? "",
      notes: item?.notes ?? "",
    },
    toInput: (v, r) => ({
      locationId: v.locationId,
      name: v.name,
      category: v.category,
      serialNumber: v.serialNumber,
      quantity: r.integer("quantity", v.quantity),
      dailyRateCents: r.cents("dailyRateCents", v.dailyRate),
      lastMaintenance: v.lastMaintenance,
      nextMaintenance: v.nextMaintenance,
      notes: v.notes,
    }),
    schema: createEquipmentInput,
    save: (input) => (item ? update.mutateAsync({ id: item.id, patch: input }) : create.mutateAsync(input)),
    onSaved: onClose,
  });
  const { values: v, set, errors } = form;

  return (
    <EditorDrawer
      title={item ? t("equipment.edit") : t("equipment.new")}
      subtitle={item?.name}
      {...form.drawer}
      onClose={onClose}
      {...archiveButtons}
    >
      <div className="form-grid">
        <TextField className="full" label={t("common.name")} name="name" errors={errors} value={v.name} onChange={(x) => set("name", x)} />
        <SelectField label={t("equipment.category")} name="category" errors={errors} value={v.category} onChange={(x) => set("category", x)}
          options={EQUIPMENT_CATEGORIES.map((k) => ({ value: k, label: t(`equipment.category.${k}`) }))} />
        <SelectField label={t("common.location")} name="locationId" errors={errors} value={v.locationId} onChange={(x) => set("locationId", x)}
          options={locations.map((l) => ({ value: l.id, label: l.name }))} />
        <TextField label={t("equipment.serial")} name="serialNumber" errors={errors} value={v.serialNumber} onChange={(x) => set("serialNumber", x)} />
        <TextField label={t("equipment.quantity")} name="quantity" errors={errors} value={v.quantity} onChange={(x) => set("quantity", x)} />
        <TextField label={t("equipment.dailyRate")} name="dailyRateCents" suffix={currency === "EUR" ? "€" : currency} errors={errors} value={v.dailyRate} onChange={(x) => set("dailyRate", x)} />
        <span />
        <TextField label={t("equipment.lastMaintenance")} name="lastMaintenance" type="date" errors={errors} value={v.lastMaintenance} onChange={(x) => set("lastMaintenance", x)} />
        <TextField label={t("equipment.nextMaintenance")} name="nextMaintenance" type="date" errors={errors} value={v.nextMaintenance} onChange={(x) => set("nextMaintenance", x)} />
        <TextArea className="full" label={t("common.notes")} name="notes" errors={errors} value={v.notes} onChange={(x) => set("notes", x)} />
      </div>
      {item && <BlockoutSection kind="maintenance" ownerId={item.id} timeZone={locations.find((l) => l.id === item.locationId)?.timeZone ?? "Europe/Paris"} />}
    </EditorDrawer>
  );
}
