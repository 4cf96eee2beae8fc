import { useMutation } from "@tanstack/react-query";
import { ROOM_BOOKING_DEFAULTS, ROOM_TYPES, createRoomInput } from "../../../shared/schemas/room";
import { EditorDrawer } from "../components/EditorDrawer";
import { CheckField, ColourField, SelectField, TextArea, TextField } from "../components/Fields";
import { useLocale, useT } from "../i18n";
import { InputReader } from "../lib/form-values";
import { useTRPC } from "../lib/trpc";
import type { LocationRow, RoomRow } from "../lib/types";
import type { FieldErrors } from "../../../shared/errors";
import { useArchiveButtons, useEntityForm } from "../lib/use-entity-form";

type RoomType = (typeof ROOM_TYPES)[number];

export function RoomForm({ room, locations, defaultLocationId, currency, onClose }: {
  room: RoomRow | null; locations: LocationRow[]; defaultLocationId?: string; currency: string; onClose(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const create = useMutation(trpc.rooms.create.mutationOptions());
  const update = useMutation(trpc.rooms.update.mutationOptions());
  const archiveButtons = useArchiveButtons(room, trpc.rooms, onClose);
  const show = new InputReader(locale);

  const form = useEntityForm({
    initial: { ...roomValues(room, show), locationId: room?.locationId ?? defaultLocationId ?? locations[0]?.id ?? "" },
    toInput: roomToInput,
    schema: createRoomInput,
    save: (input) => (room ? update.mutateAsync({ id: room.id, patch: input }) : create.mutateAsync(input)),
    onSaved: onClose,
  });
  const { values: v, set, errors } = form;

  return (
    <EditorDrawer
      title={room ? t("rooms.edit") : t("rooms.new")}
      subtitle={room?.name}
      {...form.drawer}
      onClose={onClose}
      {...archiveButtons}
    >
      <RoomFieldset v={v} set={set} errors={errors} locations={locations} currency={currency} />
    </EditorDrawer>
  );
}

export type RoomValues = ReturnType<typeof roomValues>;

export function roomValues(room: RoomRow | null, show: InputReader) {
  return {
      locationId: room?.locationId ?? "",
      name: room?.name ?? "",
      type: (room?.type ?? "recording") as RoomType,
      hourlyRate: show.showCents(room?.hourlyRateCents),
      halfDayRate: show.showCents(room?.halfDayRateCents),
      dayRate: show.showCents(room?.dayRateCents),
      vatRate: show.showPercent(room?.vatRateBp ?? 2000),
      capacity: String(room?.capacity ?? 4),
      colour: room?.colour ?? "#c2410c",
      bookable: room?.bookable ?? true,
      setupMinutes: String(room?.setupMinutes ?? 15),
      teardownMinutes: String(room?.teardownMinutes ?? 15),
      notes: room?.notes ?? "",
      minDuration: show.showMinutesAsHours(room?.minDurationMinutes ?? ROOM_BOOKING_DEFAULTS.minDurationMinutes),
      maxDuration: show.showMinutesAsHours(room?.maxDurationMinutes ?? ROOM_BOOKING_DEFAULTS.maxDurationMinutes),
      minNotice: show.showMinutesAsHours(room?.minNoticeMinutes ?? ROOM_BOOKING_DEFAULTS.minNoticeMinutes),
      maxHorizonDays: String(room?.maxHorizonDays ?? ROOM_BOOKING_DEFAULTS.maxHorizonDays),
    };
}

export function roomToInput(v: RoomValues, r: InputReader) {
  return {
      locationId: v.locationId,
      name: v.name,
      type: v.type,
      hourlyRateCents: r.cents("hourlyRateCents", v.hourlyRate),
      halfDayRateCents: r.cents("halfDayRateCents", v.halfDayRate),
      dayRateCents: r.cents("dayRateCents", v.dayRate),
      vatRateBp: r.percent("vatRateBp", v.vatRate),
      capacity: r.integer("capacity", v.capacity),
      colour: v.colour,
      bookable: v.bookable,
      setupMinutes: r.integer("setupMinutes", v.setupMinutes),
      teardownMinutes: r.integer("teardownMinutes", v.teardownMinutes),
      notes: v.notes,
      minDurationMinutes: r.hoursAsMinutes("minDurationMinutes", v.minDuration),
      maxDurationMinutes: r.hoursAsMinutes("maxDurationMinutes", v.maxDuration),
      minNoticeMinutes: r.hoursAsMinutes("minNoticeMinutes", v.minNotice),
      maxHorizonDays: r.integer("maxHorizonDays", v.maxHorizonDays),
    };
}

/** The room's fields, shared by the room editor and the setup's third step (which has no location yet). */
export function RoomFieldset({ v, set, errors, locations, currency }: {
  v: RoomValues; set<K extends keyof RoomValues>(k: K, value: RoomValues[K]): void; errors: FieldErrors; locations: LocationRow[] | null; currency: string;
}) {
  const t = useT();
  const money = currency === "EUR" ? "€" : currency;
  return (
    <>
      <div className="form-grid">
        <TextField label={t("common.name")} name="name" errors={errors} value={v.name} onChange={(x) => set("name", x)} />
        {locations && (
          <SelectField label={t("common.location")} name="locationId" errors={errors} value={v.locationId} onChange={(x) => set("locationId", x)}
            options={locations.map((l) => ({ value: l.id, label: l.name }))} />
        )}
        <SelectField label={t("rooms.type")} name="type" errors={errors} value={v.type} onChange={(x) => set("type", x)}
          options={ROOM_TYPES.map((k) => ({ value: k, label: t(`rooms.type.${k}`) }))} />
        <TextField label={t("rooms.capacity")} name="capacity" errors={errors} value={v.capacity} onChange={(x) => set("capacity", x)} />
      </div>
      <div className="fieldset">
        <div className="fieldset-title">{t("rooms.rates")}</div>
        <div className="form-grid">
          <TextField label={t("rooms.hourlyRate")} name="hourlyRateCents" suffix={money} errors={errors} value={v.hourlyRate} onChange={(x) => set("hourlyRate", x)} />
          <TextField label={t("rooms.vatRate")} name="vatRateBp" suffix="%" errors={errors} value={v.vatRate} onChange={(x) => set("vatRate", x)} />
          <TextField label={t("rooms.halfDayRate")} name="halfDayRateCents" suffix={money} errors={errors} value={v.halfDayRate} onChange={(x) => set("halfDayRate", x)} />
          <TextField label={t("rooms.dayRate")} name="dayRateCents" suffix={money} errors={errors} value={v.dayRate} onChange={(x) => set("dayRate", x)} />
        </div>
      </div>
      <div className="form-grid">
        <TextField label={t("rooms.setup")} name="setupMinutes" suffix={t("common.minutes")} errors={errors} value={v.setupMinutes} onChange={(x) => set("setupMinutes", x)} />
        <TextField label={t("rooms.teardown")} name="teardownMinutes" suffix={t("common.minutes")} errors={errors} value={v.teardownMinutes} onChange={(x) => set("teardownMinutes", x)} />
        <ColourField label={t("rooms.colour")} name="colour" errors={errors} value={v.colour} onChange={(x) => set("colour", x)} />
        <div className="field"><span className="label">&nbsp;</span><CheckField name="bookable" label={t("rooms.bookable")} checked={v.bookable} onChange={(x) => set("bookable", x)} /></div>
        <TextArea className="full" label={t("common.notes")} name="notes" errors={errors} value={v.notes} onChange={(x) => set("notes", x)} />
      </div>
      {locations && (
        <div className="fieldset">
          <div className="fieldset-title">{t("rooms.bookingRules")}</div>
          <div className="form-grid">
            <TextField label={t("rooms.minDuration")} name="minDurationMinutes" suffix="h" errors={errors} value={v.minDuration} onChange={(x) => set("minDuration", x)} />
            <TextField label={t("rooms.maxDuration")} name="maxDurationMinutes" suffix="h" errors={errors} value={v.maxDuration} onChange={(x) => set("maxDuration", x)} />
            <TextField label={t("rooms.minNotice")} name="minNoticeMinutes" suffix="h" errors={errors} value={v.minNotice} onChange={(x) => set("minNotice", x)} />
            <TextField label={t("rooms.maxHorizon")} name="maxHorizonDays" suffix={t("rooms.days")} errors={errors} value={v.maxHorizonDays} onChange={(x) => set("maxHorizonDays", x)} />
          </div>
        </div>
      )}
    </>
  );
}
