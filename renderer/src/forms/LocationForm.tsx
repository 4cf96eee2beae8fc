import { useMutation } from "@tanstack/react-query";
import type { FieldErrors } from "../../../shared/errors";
import { createLocationInput } from "../../../shared/schemas/location";
import { defaultWeeklyHours, type Closure, type WeeklyHours } from "../../../shared/schemas/opening-hours";
import { EditorDrawer } from "../components/EditorDrawer";
import { FieldError, SelectField, TextField } from "../components/Fields";
import { useT } from "../i18n";
import { useTRPC } from "../lib/trpc";
import type { LocationRow } from "../lib/types";
import { useArchiveButtons, useEntityForm } from "../lib/use-entity-form";
import { HoursEditor } from "./HoursEditor";

const FALLBACK_ZONES = ["Europe/Paris", "Europe/London", "Europe/Brussels", "Europe/Zurich", "Europe/Berlin", "America/New_York", "America/Montreal", "UTC"];
function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?(k: string): string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf("timeZone") : FALLBACK_ZONES;
}
/** The computer's zone, except a bare UTC (servers, fresh VMs) where a French studio is the likelier guess. */
const localZone = () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== "UTC" && zone !== "Etc/UTC" ? zone : "Europe/Paris";
};

export interface LocationValues {
  name: string;
  timeZone: string;
  address: string;
  phone: string;
  email: string;
  openingHours: WeeklyHours;
  closures: { from: string; to: string; reason: string }[];
}

export function locationValues(location: LocationRow | null): LocationValues {
  return {
    name: location?.name ?? "",
    timeZone: location?.timeZone ?? localZone(),
    address: location?.address ?? "",
    phone: location?.phone ?? "",
    email: location?.email ?? "",
    openingHours: location?.openingHours ?? defaultWeeklyHours(),
    closures: (location?.closures ?? []).map((c: Closure) => ({ from: c.from, to: c.to, reason: c.reason ?? "" })),
  };
}

export const locationToInput = (v: LocationValues) => ({ ...v });

/** A location's fields, shared by the location editor and the setup's second step. */
export function LocationFieldset({ v, set, errors }: {
  v: LocationValues; set<K extends keyof LocationValues>(k: K, value: LocationValues[K]): void; errors: FieldErrors;
}) {
  const t = useT();
  const zones = timeZones();
  return (
    <>
      <div className="form-grid">
        <TextField label={t("common.name")} name="name" errors={errors} value={v.name} onChange={(x) => set("name", x)} />
        <SelectField label={t("locations.timeZone")} name="timeZone" errors={errors} value={v.timeZone} onChange={(x) => set("timeZone", x)}
          options={(zones.includes(v.timeZone) ? zones : [v.timeZone, ...zones]).map((z) => ({ value: z, label: z.replace(/_/g, " ") }))} />
        <TextField className="full" label={t("common.address")} name="address" errors={errors} value={v.address} onChange={(x) => set("address", x)} />
        <TextField label={t("common.phone")} name="phone" type="tel" errors={errors} value={v.phone} onChange={(x) => set("phone", x)} />
        <TextField label={t("common.email")} name="email" type="email" errors={errors} value={v.email} onChange={(x) => set("email", x)} />
      </div>
      <HoursEditor value={v.openingHours} onChange={(x) => set("openingHours", x)} errors={errors} />
      <div className="fieldset">
        <div className="fieldset-title">{t("locations.closures")}</div>
        {v.closures.map((c, i) => {
          const update = (patch: Partial<typeof c>) => set("closures", v.closures.map((x, j) => (j === i ? { ...x, ...patch } : x)));
          return (
            <div key={i}>
              <div className="closure-row">
                <input className="input" type="date" aria-label={t("locations.closureFrom")} value={c.from} onChange={(e) => update({ from: e.target.value })} aria-invalid={Boolean(errors[`closures.${i}.from`])} />
                <input className="input" type="date" aria-label={t("locations.closureTo")} value={c.to} onChange={(e) => update({ to: e.target.value })} aria-invalid={Boolean(errors[`closures.${i}.to`])} />
                <input className="input" placeholder={t("locations.closureReason")} aria-label={t("locations.closureReason")} value={c.reason} onChange={(e) => update({ reason: e.target.value })} />
                <button type="button" className="btn ghost small" onClick={() => set("closures", v.closures.filter((_, j) => j !== i))}>{t("locations.removeSpan")}</button>
              </div>
              <FieldError errors={errors} name={`closures.${i}.from`} />
              <FieldError errors={errors} name={`closures.${i}.to`} />
            </div>
          );
        })}
        <div>
          <button type="button" className="btn small" onClick={() => set("closures", [...v.closures, { from: "", to: "", reason: "" }])}>+ {t("locations.addClosure")}</button>
        </div>
      </div>
    </>
  );
}

export function LocationForm({ location, onClose }: { location: LocationRow | null; onClose(): void }) {
  const t = useT();
  const trpc = useTRPC();
  const create = useMutation(trpc.locations.create.mutationOptions());
  const update = useMutation(trpc.locations.update.mutationOptions());
  const archiveButtons = useArchiveButtons(location, trpc.locations, onClose);
  const form = useEntityForm({
    initial: locationValues(location),
    toInput: locationToInput,
    schema: createLocationInput,
    save: (input) => (location ? update.mutateAsync({ id: location.id, patch: input }) : create.mutateAsync(input)),
    onSaved: onClose,
  });
  return (
    <EditorDrawer
      title={location ? t("locations.edit") : t("locations.new")}
      subtitle={location?.name}
      {...form.drawer}
      onClose={onClose}
      {...archiveButtons}
    >
      <LocationFieldset v={form.values} set={form.set} errors={form.errors} />
    </EditorDrawer>
  );
}
