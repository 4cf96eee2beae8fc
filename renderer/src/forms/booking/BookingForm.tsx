import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { BOOKING_TYPES, type BookingType } from "../../../../shared/booking/booking-status";
import { Drawer } from "../../components/Drawer";
import { CheckField, FieldError, SelectField, TextArea, TextField } from "../../components/Fields";
import { useLocale, useT } from "../../i18n";
import { isEditable } from "../../lib/booking-status";
import type { BookingDetail } from "../../lib/booking-types";
import { mergeFieldErrors } from "../../lib/form-values";
import { useTRPC } from "../../lib/trpc";
import type { LocationRow } from "../../lib/types";
import { useBookingCheck } from "../../lib/use-booking-check";
import { useDebounced } from "../../lib/use-debounced";
import { formatDateTime, formatTime } from "../../lib/zoned-format";
import { CancelDialog } from "./CancelDialog";
import { ClientPicker } from "./ClientPicker";
import { FailureList, OccurrenceSummary } from "./FailureList";
import { NoShowDialog } from "./NoShowDialog";
import { BookingDocuments } from "../../pages/documents/BookingDocuments";
import { PaymentRow } from "./PaymentRow";
import { PriceBreakdownView } from "./PriceBreakdownView";
import { RepeatFields } from "./RepeatFields";
import { ResourceFields } from "./ResourceFields";
import { ScopeField } from "./ScopeField";
import { StatusActions } from "./StatusActions";
import { useAccess } from "../../lib/use-can";
import { MOVE_FIELDS, PRICED_FIELDS, changedFields, initialValues, readDraft, readTimes, weeklyRule, type BookingFallback, type BookingFormValues, type BookingPrefill } from "./booking-form-values";
import { useBookingSave } from "./use-booking-save";

interface Props {
  detail: BookingDetail | null;
  prefill: BookingPrefill | null;
  fallback: BookingFallback;
  locations: LocationRow[];
  currency: string;
  onClose(): void;
}

/**
 * Create or edit a booking: who, when, which rooms, people and gear, with the core's live check
 * (every failing rule in words) and price; status actions, cancellation and payments once it exists.
 */
export function BookingForm({ detail, prefill, fallback, locations, currency, onClose }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const zoneOf = (id: string) => locations.find((l) => l.id === id)?.timeZone ?? "UTC";
  const [values, setValues] = useState<BookingFormValues>(() =>
    initialValues(detail, prefill, zoneOf(detail?.locationId ?? prefill?.locationId ?? fallback.locationId), fallback, Date.now(), locale),
  );
  const [attempted, setAttempted] = useState(false);
  const [dialog, setDialog] = useState<"cancel" | "noShow" | null>(null);
  const saver = useBookingSave(currency, onClose);
  const set = <K extends keyof BookingFormValues>(field: K, value: BookingFormValues[K]) => setValues((v) => ({ ...v, [field]: value }));

  const v = values;
  const location = locations.find((l) => l.id === v.locationId);
  const timeZone = location?.timeZone ?? "UTC";
  const rooms = useQuery(trpc.rooms.list.queryOptions({ locationId: v.locationId })).data ?? [];
  const allStaff = useQuery(trpc.staff.list.queryOptions({})).data ?? [];
  const gear = useQuery(trpc.equipment.list.queryOptions({ locationId: v.locationId })).data ?? [];
  const staff = allStaff.filter((s) => s.locationId === null || s.locationId === v.locationId || v.staffIds.includes(s.id));
  const bookableRooms = rooms.filter((r) => r.bookable || v.roomIds.includes(r.id));

  // What this person may do here: a new booking needs booking.create, an existing one booking.edit;
  // an engineer still writes the session's notes (booking.notes).
  const access = useAccess();
  const canWrite = detail ? access.can("booking.edit", detail.locationId) : access.can("booking.create", v.locationId);
  const canNotes = canWrite || (detail !== undefined && detail !== null && access.can("booking.notes", detail.locationId));
  const showMoney = access.can("finance.view", v.locationId);
  const editable = (!detail || isEditable(detail.status)) && canWrite;
  const { draft, errors: readErrors } = readDraft(v, timeZone);
  const rule = !detail && v.repeat ? weeklyRule(v) : null;
  const changed = detail && draft ? changedFields(draft, detail) : new Set<string>();
  const timesChanged = MOVE_FIELDS.some((f) => changed.has(f));
  const seriesMove = Boolean(detail?.seriesId && timesChanged && v.scope !== "one");

  // The live check: the whole draft for a new booking, the draft over the stored one for an edit.
  const live = useBookingCheck(draft && editable ? { ...draft, ...(detail ? { bookingId: detail.id } : {}), overridePast: v.overridePast || undefined } : null, 150);
  const seriesInput = draft && rule && "rrule" in rule ? { ...draft, status: v.hold ? ("hold" as const) : ("confirmed" as const), rrule: rule.rrule, overridePast: v.overridePast || undefined } : null;
  const seriesSettled = useDebounced(seriesInput, 250);
  const series = useQuery(trpc.bookings.checkSeries.queryOptions(seriesSettled ?? skipToken, { staleTime: 2_000, retry: false }));
  const moveInput = detail && draft && seriesMove ? { id: detail.id, startsAt: draft.startsAt, endsAt: draft.endsAt, roomIds: draft.roomIds, scope: v.scope, overridePast: v.overridePast || undefined } : null;
  const moveSettled = useDebounced(moveInput, 250);
  const moveCheck = useQuery(trpc.bookings.checkMove.queryOptions(moveSettled ?? skipToken, { staleTime: 2_000, retry: false }));

  const ruleErrors = rule && "errors" in rule ? rule.errors : {};
  const errors = mergeFieldErrors(attempted ? { ...readErrors, ...ruleErrors } : {}, saver.serverErrors);
  const liveFailures = live.outcome?.failures ?? [];
  const inPast = liveFailures.some((f) => f.code === "IN_PAST") || (live.outcome?.warnings ?? []).some((f) => f.code === "PAST_OVERRIDDEN");
  // An existing booking keeps the price it was made at until something priced changes.
  const repriced = PRICED_FIELDS.some((f) => changed.has(f));
  const price = detail && (!repriced || !editable) ? detail.price : live.outcome?.price ?? detail?.price ?? null;

  // Rooms and gear belong to a location; staff of another site are left out too.
  const changeLocation = (id: string) =>
    setValues((cur) => ({
      ...cur, locationId: id, roomIds: [], equipment: [],
      staffIds: cur.staffIds.filter((s) => [null, id].includes(allStaff.find((p) => p.id === s)?.locationId ?? null)),
    }));

  const submit = () => {
    setAttempted(true);
    if (!draft || (rule && "errors" in rule)) {
      saver.setBanner(t("common.fixErrors"));
      return;
    }
    void saver.save({ detail, values: v, draft, rrule: rule && "rrule" in rule ? rule.rrule : null, seriesMove, notesOnly: !canWrite });
  };

  const title = detail ? detail.label || detail.title || t("booking.untitled") : t("booking.new");
  const when = readTimes(v, timeZone);
  const subtitle = detail
    ? `${formatDateTime(detail.startsAt, detail.timeZone, locale)} · ${detail.locationName}`
    : [location?.name, "startsAt" in when ? `${formatDateTime(when.startsAt, timeZone, locale)}–${formatTime(when.endsAt, timeZone, locale)}` : null].filter(Boolean).join(" · ");
  const refusal = saver.refusal;

  return (
    <>
      <Drawer
        title={detail ? t("booking.edit") : t("booking.new")}
        subtitle={detail ? `${title} — ${subtitle}` : subtitle}
        onClose={onClose}
        onSubmit={submit}
        footer={
          <>
            {detail?.seriesId && <span className="badge muted">{t("series.badge", { n: detail.seriesSeq ?? 1 })}</span>}
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose}>{t("common.close")}</button>
            {canNotes && (
              <button type="submit" className="btn primary" disabled={saver.saving}>
                {saver.saving ? t("common.saving") : detail ? t("common.save") : v.repeat ? t("series.create") : t("booking.create")}
              </button>
            )}
          </>
        }
      >
        {detail && <StatusActions booking={detail} currency={currency} onCancel={() => setDialog("cancel")} onNoShow={() => setDialog("noShow")} />}
        {saver.banner && <div className="banner error" role="alert">{saver.banner}</div>}
        {refusal && refusal.occurrences.length > 0 && <OccurrenceSummary occurrences={refusal.occurrences} currency={currency} timeZone={timeZone} />}
        {refusal && refusal.occurrences.length === 0 && <FailureList failures={refusal.failures} warnings={refusal.warnings} currency={currency} />}

        <fieldset className="plain-fieldset" disabled={!canWrite}>
          <ClientPicker clientId={v.clientId} onChange={(id) => set("clientId", id)} errors={errors} />
        </fieldset>

        <fieldset className="fieldset" disabled={!editable}>
          <legend className="fieldset-title">{t("booking.when")}</legend>
          <div className="form-grid">
            {!detail && locations.length > 1 ? (
              <SelectField label={t("common.location")} name="locationId" errors={errors} value={v.locationId} onChange={changeLocation}
                options={locations.map((l) => ({ value: l.id, label: l.name }))} />
            ) : (
              <div className="field"><span className="label">{t("common.location")}</span><div className="static">{location?.name}</div></div>
            )}
            <SelectField<BookingType> label={t("booking.type")} name="type" errors={errors} value={v.type} onChange={(x) => set("type", x)}
              options={BOOKING_TYPES.map((k) => ({ value: k, label: t(`booking.type.${k}`) }))} />
            <div className="field datetime full">
              <label htmlFor="booking-start-date">{t("booking.start")}</label>
              <div className="datetime-row">
                <input id="booking-start-date" className="input" type="date" aria-label={t("booking.startDate")} value={v.startDate} aria-invalid={Boolean(errors.startsAt?.length)}
                  onChange={(e) => setValues((cur) => ({ ...cur, startDate: e.target.value, endDate: cur.endDate < e.target.value ? e.target.value : cur.endDate }))} />
                <input className="input time" type="time" step={900} aria-label={t("booking.startTime")} value={v.startTime} aria-invalid={Boolean(errors.startsAt?.length)}
                  onChange={(e) => set("startTime", e.target.value)} />
              </div>
              <FieldError errors={errors} name="startsAt" />
            </div>
            <div className="field datetime full">
              <label htmlFor="booking-end-date">{t("booking.end")}</label>
              <div className="datetime-row">
                <input id="booking-end-date" className="input" type="date" aria-label={t("booking.endDate")} value={v.endDate} aria-invalid={Boolean(errors.endsAt?.length)}
                  onChange={(e) => set("endDate", e.target.value)} />
                <input className="input time" type="time" step={900} aria-label={t("booking.endTime")} value={v.endTime} aria-invalid={Boolean(errors.endsAt?.length)}
                  onChange={(e) => set("endTime", e.target.value)} />
              </div>
              <FieldError errors={errors} name="endsAt" />
            </div>
          </div>
          <div className="subtle">{t("booking.timeZoneNote", { zone: timeZone.replace(/_/g, " ") })}</div>
          {!detail && (
            <CheckField name="hold" label={t("booking.asHold")} checked={v.hold} onChange={(x) => set("hold", x)} />
          )}
          {inPast && access.can("booking.override_past", v.locationId) && <CheckField name="overridePast" label={t("booking.overridePast")} checked={v.overridePast} onChange={(x) => set("overridePast", x)} />}
          {detail?.seriesId && timesChanged && <ScopeField value={v.scope} onChange={(s) => set("scope", s)} label={t("series.moveScope")} />}
        </fieldset>

        {!refusal && editable && (
          seriesMove && moveCheck.data
            ? <OccurrenceSummary occurrences={moveCheck.data.occurrences} currency={currency} timeZone={timeZone} />
            : <FailureList failures={liveFailures} warnings={live.outcome?.warnings ?? []} currency={currency}
                slot={draft ? { startMs: Date.parse(draft.startsAt), endMs: Date.parse(draft.endsAt), timeZone } : null} />
        )}

        {!detail && <RepeatFields values={v} set={set} errors={errors} occurrences={series.data?.occurrences ?? null} currency={currency} timeZone={timeZone} />}

        <ResourceFields values={v} set={set} rooms={bookableRooms} staff={staff} gear={gear} errors={errors} disabled={!editable} />

        <fieldset className="plain-fieldset form-grid" disabled={!canWrite}>
          <TextField label={t("booking.title")} name="title" errors={errors} value={v.title} onChange={(x) => set("title", x)} />
          <TextField label={t("booking.project")} name="projectName" errors={errors} value={v.projectName} onChange={(x) => set("projectName", x)} />
        </fieldset>
        <fieldset className="plain-fieldset form-grid" disabled={!canNotes}>
          <TextArea className="full" label={t("common.notes")} name="notes" errors={errors} value={v.notes} onChange={(x) => set("notes", x)} />
        </fieldset>

        {showMoney && (
          <fieldset className="plain-fieldset form-grid" disabled={!editable}>
            <TextField label={t("booking.discount")} name="discountBp" errors={errors} value={v.discount} onChange={(x) => set("discount", x)} />
          </fieldset>
        )}
        {price && showMoney && (
          <PriceBreakdownView price={price} currency={currency} source={price === detail?.price ? "stored" : "live"} pending={live.checking}
            minutes={price === detail?.price ? (Date.parse(detail.endsAt) - Date.parse(detail.startsAt)) / 60_000 : draft ? (Date.parse(draft.endsAt) - Date.parse(draft.startsAt)) / 60_000 : null} />
        )}
        {detail && showMoney && <PaymentRow booking={detail} currency={currency} />}
        {detail && showMoney && <BookingDocuments booking={detail} />}
      </Drawer>
      {dialog === "cancel" && detail && <CancelDialog booking={detail} currency={currency} onClose={() => setDialog(null)} onCancelled={() => setDialog(null)} />}
      {dialog === "noShow" && detail && <NoShowDialog booking={detail} currency={currency} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />}
    </>
  );
}
