import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QUOTE_VALIDITY_DAYS } from "../../../../shared/documents/document-status";
import { centsToInput, formatMoney } from "../../../../shared/money";
import { Drawer } from "../../components/Drawer";
import { SelectField, TextArea, TextField } from "../../components/Fields";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import type { EquipmentRow, RoomRow, StaffRow } from "../../lib/types";
import { addDays, wallDate } from "../../../../shared/zoned-time";
import type { QuoteView } from "./doc-helpers";
import {
  initialQuoteValues, newSessionDraft, readQuoteForm, type LineDraft, type QuoteFormRefs, type QuoteFormValues, type ServiceDraft, type SessionDraft,
} from "./quote-form-values";
import "./quote-form.css";

interface Props {
  /** The draft being edited; a new quote when absent. */
  quote?: QuoteView;
  onClose(): void;
  onSaved(id: string): void;
}

/**
 * A quote's form, new or draft: client, sessions (room, engineer, gear, times on the room's
 * location clock), catalogue services, free lines, session discount, validity, deposit, notes.
 */
export function QuoteForm({ quote, onClose, onSaved }: Props) {
  const locale = useLocale();
  const trpc = useTRPC();
  const clients = useQuery(trpc.clients.list.queryOptions({})).data ?? [];
  const locations = useQuery(trpc.locations.list.queryOptions({}));
  const rooms = useQuery(trpc.rooms.list.queryOptions({}));
  const staff = useQuery(trpc.staff.list.queryOptions({})).data ?? [];
  const gearQuery = useQuery(trpc.equipment.list.queryOptions({}));
  const gear = gearQuery.data ?? [];
  const items = useQuery(trpc.documents.serviceItems.list.queryOptions({})).data ?? [];
  const currency = useQuery(trpc.documents.profile.get.queryOptions()).data?.currency ?? quote?.currency ?? "EUR";
  const refs: QuoteFormRefs = {
    rooms: rooms.data ?? [],
    zoneOf: (id) => locations.data?.find((l) => l.id === id)?.timeZone ?? "UTC",
    gearRate: (id) => gear.find((g) => g.id === id)?.dailyRateCents ?? null,
    locale,
  };
  // The sessions are shown on their locations' clocks and the gear at its rates: wait for them before reading a draft.
  if (!locations.data || !rooms.data || !gearQuery.data) return null;
  // Valid 30 days from today on the studio's clock (its first location), as the core counts it.
  const validUntil = addDays(wallDate(locations.data[0]?.timeZone ?? "UTC", Date.now()), QUOTE_VALIDITY_DAYS);
  return (
    <QuoteFormBody quote={quote} onClose={onClose} onSaved={onSaved} refs={refs} rooms={rooms.data.filter((r) => r.bookable)} currency={currency} validUntil={validUntil}
      clients={clients} staff={staff} gear={gear} items={items} />
  );
}

interface BodyProps extends Props {
  refs: QuoteFormRefs;
  rooms: RoomRow[];
  currency: string;
  /** A new quote's default validity. */
  validUntil: string;
  clients: { id: string; name: string }[];
  staff: StaffRow[];
  gear: EquipmentRow[];
  items: { id: string; name: string }[];
}

function QuoteFormBody({ quote, onClose, onSaved, refs, rooms, currency, validUntil, clients, staff, gear, items }: BodyProps) {
  const t = useT();
  const trpc = useTRPC();
  const action = useAction();
  const create = useMutation(trpc.documents.quotes.create.mutationOptions());
  const update = useMutation(trpc.documents.quotes.update.mutationOptions());
  const [v, setValues] = useState<QuoteFormValues>(() => initialQuoteValues(quote ?? null, refs, { validUntil, depositBp: 3000 }));
  const set = <K extends keyof QuoteFormValues>(key: K, value: QuoteFormValues[K]) => setValues((cur) => ({ ...cur, [key]: value }));
  const patchAt = <K extends "sessions" | "services" | "lines">(key: K, i: number, p: Partial<QuoteFormValues[K][number]>) =>
    setValues((cur) => ({ ...cur, [key]: (cur[key] as QuoteFormValues[K][number][]).map((x, j) => (j === i ? { ...x, ...p } : x)) }));
  const dropAt = (key: "sessions" | "services" | "lines", i: number) => setValues((cur) => ({ ...cur, [key]: (cur[key] as unknown[]).filter((_, j) => j !== i) }));

  const submit = async () => {
    const read = readQuoteForm(v, refs);
    if ("error" in read) return action.setError(t(read.error));
    let id: string | null = null;
    const saved = quote
      ? await action.run(async () => { id = (await update.mutateAsync({ id: quote.id, patch: read.input })).id; }, t("quotes.updated"))
      : await action.run(async () => { id = (await create.mutateAsync({ ...read.input, clientId: v.clientId })).id; }, t("quotes.created"));
    if (saved && id) onSaved(id);
  };

  const roomOptions = rooms.map((r) => ({ value: r.id, label: r.name }));
  const itemOptions = [{ value: "", label: "—" }, ...items.map((i) => ({ value: i.id, label: i.name }))];
  const clientName = clients.find((c) => c.id === v.clientId)?.name ?? "—";
  const pending = create.isPending || update.isPending;
  return (
    <Drawer title={quote ? t("quotes.editTitle", { number: quote.displayNumber ?? t("invoices.draftNumber") }) : t("quotes.new")} subtitle={quote ? clientName : undefined}
      onClose={onClose} onSubmit={() => void submit()}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="submit" className="btn primary" disabled={pending}>{quote ? t("quotes.save") : t("quotes.create")}</button>
        </>
      }>
      {action.error && <div className="banner error" role="alert">{action.error}</div>}
      {!quote && (
        <SelectField label={t("quotes.client")} name="clientId" errors={{}} value={v.clientId} onChange={(x) => set("clientId", x)}
          options={[{ value: "", label: t("quotes.chooseClient") }, ...clients.map((c) => ({ value: c.id, label: c.name }))]} />
      )}

      <div className="fieldset" data-testid="quote-sessions">
        <div className="fieldset-title">{t("quotes.sessions")}</div>
        {v.sessions.map((s, i) => (
          <SessionFields key={i} index={i} session={s} refs={refs} roomOptions={roomOptions} staff={staff} gear={gear} currency={currency} t={t}
            onChange={(p) => patchAt("sessions", i, p)} onRemove={() => dropAt("sessions", i)} />
        ))}
        <button type="button" className="btn small quote-add" disabled={rooms.length === 0}
          onClick={() => set("sessions", [...v.sessions, newSessionDraft(rooms[0]!.id, refs)])}>{t("quotes.addSession")}</button>
        {v.sessions.length > 0 && (
          <TextField className="quote-discount" label={t("quotes.sessionDiscount")} name="sessionDiscount" errors={{}} value={v.sessionDiscount} onChange={(x) => set("sessionDiscount", x)} />
        )}
      </div>

      <div className="fieldset" data-testid="quote-services">
        <div className="fieldset-title">{t("quotes.services")}</div>
        {v.services.map((s: ServiceDraft, i) => (
          <div className="quote-row" key={i}>
            <SelectField label={t("quotes.service.item")} name={`service-item-${i}`} errors={{}} value={s.serviceItemId} onChange={(x) => patchAt("services", i, { serviceItemId: x })} options={itemOptions} />
            <TextField label={t("quotes.service.quantity")} name={`service-qty-${i}`} errors={{}} value={s.quantity} onChange={(x) => patchAt("services", i, { quantity: x })} />
            <TextField label={t("quotes.service.discount")} name={`service-discount-${i}`} errors={{}} value={s.discount} onChange={(x) => patchAt("services", i, { discount: x })} />
            <button type="button" className="btn small" onClick={() => dropAt("services", i)}>{t("quotes.remove")}</button>
          </div>
        ))}
        <button type="button" className="btn small quote-add" onClick={() => set("services", [...v.services, { serviceItemId: items[0]?.id ?? "", quantity: "1", discount: "0" }])}>{t("quotes.addService")}</button>
      </div>

      <div className="fieldset" data-testid="quote-lines">
        <div className="fieldset-title">{t("quotes.freeLines")}</div>
        {v.lines.map((l: LineDraft, i) => (
          <div className="quote-row" key={i}>
            <TextField label={t("quotes.line.label")} name={`line-label-${i}`} errors={{}} value={l.label} onChange={(x) => patchAt("lines", i, { label: x })} />
            <TextField label={t("quotes.line.unitPrice")} name={`line-price-${i}`} errors={{}} value={l.unitPrice} onChange={(x) => patchAt("lines", i, { unitPrice: x })} />
            <TextField label={t("quotes.line.vat")} name={`line-vat-${i}`} errors={{}} value={l.vat} onChange={(x) => patchAt("lines", i, { vat: x })} />
            <button type="button" className="btn small" onClick={() => dropAt("lines", i)}>{t("quotes.remove")}</button>
          </div>
        ))}
        <button type="button" className="btn small quote-add" onClick={() => set("lines", [...v.lines, { label: "", unitPrice: "", vat: "20" }])}>{t("quotes.addLine")}</button>
      </div>

      <div className="form-grid">
        <TextField label={t("quotes.validUntil")} name="validUntil" type="date" errors={{}} value={v.validUntil} onChange={(x) => set("validUntil", x)} />
        <TextField label={t("quotes.deposit")} name="deposit" errors={{}} value={v.deposit} onChange={(x) => set("deposit", x)} />
      </div>
      <TextArea label={t("quotes.notes")} name="notes" errors={{}} value={v.notes} onChange={(x) => set("notes", x)} />
    </Drawer>
  );
}

interface SessionProps {
  index: number;
  session: SessionDraft;
  refs: QuoteFormRefs;
  roomOptions: { value: string; label: string }[];
  staff: StaffRow[];
  gear: EquipmentRow[];
  currency: string;
  t: ReturnType<typeof useT>;
  onChange(p: Partial<SessionDraft>): void;
  onRemove(): void;
}

/** One session: room, engineer, start and end on the room's location clock, and its gear with day prices. */
function SessionFields({ index: i, session: s, refs, roomOptions, staff, gear, currency, t, onChange, onRemove }: SessionProps) {
  const locale = useLocale();
  const locationId = refs.rooms.find((r) => r.id === s.roomId)?.locationId ?? "";
  const timeZone = refs.zoneOf(locationId);
  const engineers = staff.filter((p) => p.role === "engineer" && (!p.locationId || p.locationId === locationId));
  const localGear = gear.filter((g) => g.locationId === locationId);
  const unused = localGear.filter((g) => !s.gear.some((l) => l.equipmentId === g.id));
  const rate = (cents: number) => (cents > 0 ? formatMoney(cents, currency, locale) : t("quotes.noRate"));
  return (
    <div className="quote-session" data-testid={`quote-session-${i}`}>
      <div className="quote-session-head">
        <span className="strong">{t("quotes.sessionN", { n: i + 1 })}</span>
        <button type="button" className="btn small" onClick={onRemove}>{t("quotes.removeSession")}</button>
      </div>
      <div className="quote-row session">
        <SelectField label={t("quotes.session.room")} name={`session-room-${i}`} errors={{}} value={s.roomId}
          onChange={(roomId) => onChange({ roomId, staffId: "", gear: [] })} options={roomOptions} />
        <SelectField label={t("quotes.session.engineer")} name={`session-engineer-${i}`} errors={{}} value={s.staffId} onChange={(staffId) => onChange({ staffId })}
          options={[{ value: "", label: t("quotes.session.noEngineer") }, ...engineers.map((p) => ({ value: p.id, label: `${p.name} — ${formatMoney(p.hourlyRateCents, currency, locale)}${t("quotes.perHour")}` }))]} />
      </div>
      <div className="quote-row session-times">
        <div className="field datetime">
          <label htmlFor={`session-start-${i}`}>{t("quotes.session.start")}</label>
          <div className="datetime-row">
            <input id={`session-start-${i}`} className="input" type="date" aria-label={t("quotes.session.startDate")} value={s.startDate}
              onChange={(e) => onChange({ startDate: e.target.value, endDate: s.endDate < e.target.value ? e.target.value : s.endDate })} />
            <input className="input time" type="time" step={900} aria-label={t("quotes.session.startTime")} value={s.startTime} onChange={(e) => onChange({ startTime: e.target.value })} />
          </div>
        </div>
        <div className="field datetime">
          <label htmlFor={`session-end-${i}`}>{t("quotes.session.end")}</label>
          <div className="datetime-row">
            <input id={`session-end-${i}`} className="input" type="date" aria-label={t("quotes.session.endDate")} value={s.endDate} onChange={(e) => onChange({ endDate: e.target.value })} />
            <input className="input time" type="time" step={900} aria-label={t("quotes.session.endTime")} value={s.endTime} onChange={(e) => onChange({ endTime: e.target.value })} />
          </div>
        </div>
      </div>
      <div className="subtle">{t("booking.timeZoneNote", { zone: timeZone.replace(/_/g, " ") })}</div>
      {s.gear.map((l, j) => {
        const item = gear.find((g) => g.id === l.equipmentId);
        const setGear = (p: Partial<typeof l>) => onChange({ gear: s.gear.map((x, k) => (k === j ? { ...x, ...p } : x)) });
        return (
          <div className="quote-row gear" key={l.equipmentId}>
            <div className="field"><span className="label">{t("quotes.gear.item")}</span><div className="static">{item?.name ?? "—"} <span className="subtle">({rate(item?.dailyRateCents ?? 0)}{item?.dailyRateCents ? t("quotes.perDay") : ""})</span></div></div>
            <TextField label={t("quotes.gear.quantity")} name={`gear-qty-${i}-${j}`} errors={{}} value={l.quantity} onChange={(quantity) => setGear({ quantity })} />
            <TextField label={t("quotes.gear.dayPrice")} name={`gear-price-${i}-${j}`} errors={{}} value={l.dayPrice} onChange={(dayPrice) => setGear({ dayPrice })} />
            <button type="button" className="btn small" onClick={() => onChange({ gear: s.gear.filter((_, k) => k !== j) })}>{t("quotes.remove")}</button>
          </div>
        );
      })}
      {unused.length > 0 && (
        <select className="input quote-gear-add" aria-label={t("quotes.gear.add")} value=""
          onChange={(e) => {
            const g = gear.find((x) => x.id === e.target.value);
            if (g) onChange({ gear: [...s.gear, { equipmentId: g.id, quantity: "1", dayPrice: g.dailyRateCents > 0 ? centsToInput(g.dailyRateCents, locale) : "" }] });
          }}>
          <option value="">{t("quotes.gear.add")}</option>
          {unused.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      )}
    </div>
  );
}
