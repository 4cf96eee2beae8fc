import { useMutation } from "@tanstack/react-query";
import { STAFF_ROLES, createStaffInput } from "../../../shared/schemas/staff";
import { EditorDrawer } from "../components/EditorDrawer";
import { ColourField, SelectField, TextArea, TextField } from "../components/Fields";
import { useLocale, useT } from "../i18n";
import { InputReader } from "../lib/form-values";
import { useTRPC } from "../lib/trpc";
import type { LocationRow, StaffRow } from "../lib/types";
import { useArchiveButtons, useEntityForm } from "../lib/use-entity-form";
import { BlockoutSection } from "./BlockoutSection";

type Role = (typeof STAFF_ROLES)[number];

export function StaffForm({ member, locations, currency, onClose }: { member: StaffRow | null; locations: LocationRow[]; currency: string; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const create = useMutation(trpc.staff.create.mutationOptions());
  const update = useMutation(trpc.staff.update.mutationOptions());
  const archiveButtons = useArchiveButtons(member, trpc.staff, onClose);
  const show = new InputReader(locale);

  const form = useEntityForm({
    initial: {
      name: member?.name ?? "",
      role: (member?.role ?? "engineer") as Role,
      email: member?.email ?? "",
      phone: member?.phone ?? "",
      hourlyRate: show.showCents(member?.hourlyRateCents),
      dayRate: show.showCents(member?.dayRateCents),
      locationId: member?.locationId ?? "",
      colour: member?.colour ?? "#0ea5e9",
      notes: member?.notes ?? "",
    },
    toInput: (v, r) => ({
      name: v.name,
      role: v.role,
      email: v.email,
      phone: v.phone,
      hourlyRateCents: r.cents("hourlyRateCents", v.hourlyRate),
      dayRateCents: r.cents("dayRateCents", v.dayRate),
      locationId: v.locationId || null,
      colour: v.colour,
      notes: v.notes,
    }),
    schema: createStaffInput,
    save: (input) => (member ? update.mutateAsync({ id: member.id, patch: input }) : create.mutateAsync(input)),
    onSaved: onClose,
  });
  const { values: v, set, errors } = form;
  // Days off are whole days on the person's home location's calendar (else the studio's first location).
  const zoneOf = (locationId: string | null) => (locations.find((l) => l.id === locationId) ?? locations[0])?.timeZone ?? "Europe/Paris";
  const money = currency === "EUR" ? "€" : currency;

  return (
    <EditorDrawer
      title={member ? t("staff.edit") : t("staff.new")}
      subtitle={member?.name}
      {...form.drawer}
      onClose={onClose}
      {...archiveButtons}
    >
      <div className="form-grid">
        <TextField label={t("common.name")} name="name" errors={errors} value={v.name} onChange={(x) => set("name", x)} />
        <SelectField label={t("staff.role")} name="role" errors={errors} value={v.role} onChange={(x) => set("role", x)}
          options={STAFF_ROLES.map((k) => ({ value: k, label: t(`staff.role.${k}`) }))} />
        <TextField label={t("common.email")} name="email" type="email" errors={errors} value={v.email} onChange={(x) => set("email", x)} />
        <TextField label={t("common.phone")} name="phone" type="tel" errors={errors} value={v.phone} onChange={(x) => set("phone", x)} />
        <TextField label={t("staff.hourlyRate")} name="hourlyRateCents" suffix={money} errors={errors} value={v.hourlyRate} onChange={(x) => set("hourlyRate", x)} />
        <TextField label={t("staff.dayRate")} name="dayRateCents" suffix={money} errors={errors} value={v.dayRate} onChange={(x) => set("dayRate", x)} />
        <SelectField label={t("staff.homeLocation")} name="locationId" errors={errors} value={v.locationId} onChange={(x) => set("locationId", x)}
          options={[{ value: "", label: t("staff.anyLocation") }, ...locations.map((l) => ({ value: l.id, label: l.name }))]} />
        <ColourField label={t("rooms.colour")} name="colour" errors={errors} value={v.colour} onChange={(x) => set("colour", x)} />
        <TextArea className="full" label={t("common.notes")} name="notes" errors={errors} value={v.notes} onChange={(x) => set("notes", x)} />
      </div>
      {member && <BlockoutSection kind="timeOff" ownerId={member.id} timeZone={zoneOf(member.locationId)} />}
    </EditorDrawer>
  );
}
