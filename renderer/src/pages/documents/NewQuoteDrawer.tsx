import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { parseAmountToCents } from "../../../../shared/money";
import { Drawer } from "../../components/Drawer";
import { SelectField, TextArea, TextField } from "../../components/Fields";
import { useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { todayIso } from "./doc-helpers";

interface SessionDraft { roomId: string; start: string; end: string }
interface ServiceDraft { serviceItemId: string; quantity: string; discount: string }
interface LineDraft { label: string; unitPrice: string; vat: string }

/** "12,5" → 12.5; empty or unreadable → null. */
function num(text: string): number | null {
  const n = Number(text.replace(",", ".").trim());
  return text.trim() === "" || !Number.isFinite(n) ? null : n;
}

/** A date `days` after today, as an isoDate. */
function inDays(days: number): string {
  const [y, m, d] = todayIso().split("-").map(Number);
  const date = new Date(y!, m! - 1, d! + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** Client, sessions (room + start/end), catalogue services, free lines, validity, deposit, notes → a draft quote, then opened. */
export function NewQuoteDrawer({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const t = useT();
  const trpc = useTRPC();
  const action = useAction();
  const clients = useQuery(trpc.clients.list.queryOptions({})).data ?? [];
  const rooms = useQuery(trpc.rooms.list.queryOptions({})).data ?? [];
  const items = useQuery(trpc.documents.serviceItems.list.queryOptions({})).data ?? [];
  const create = useMutation(trpc.documents.quotes.create.mutationOptions());
  const [clientId, setClientId] = useState("");
  const [sessions, setSessions] = useState<SessionDraft[]>([]);
  const [services, setServices] = useState<ServiceDraft[]>([]);
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [validUntil, setValidUntil] = useState(inDays(30));
  const [deposit, setDeposit] = useState("30");
  const [notes, setNotes] = useState("");

  const patch = <T,>(list: T[], set: (l: T[]) => void, i: number, p: Partial<T>) => set(list.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const drop = <T,>(list: T[], set: (l: T[]) => void, i: number) => set(list.filter((_, j) => j !== i));

  const submit = async () => {
    if (!clientId) return action.setError(t("quotes.chooseClient"));
    const built = [];
    for (const s of sessions) {
      const room = rooms.find((r) => r.id === s.roomId);
      if (!room || !s.start || !s.end) continue;
      const startsAt = new Date(s.start).toISOString();
      const endsAt = new Date(s.end).toISOString();
      if (endsAt <= startsAt) return action.setError(t("quotes.invalidRange"));
      built.push({ locationId: room.locationId, roomIds: [room.id], startsAt, endsAt });
    }
    const input = {
      clientId,
      locationId: built[0]?.locationId ?? null,
      sessions: built,
      services: services.filter((s) => s.serviceItemId).map((s) => ({
        serviceItemId: s.serviceItemId,
        quantityMilli: Math.round((num(s.quantity) ?? 1) * 1000),
        discountBp: Math.round((num(s.discount) ?? 0) * 100),
      })),
      lines: lines.filter((l) => l.label.trim()).map((l) => ({
        kind: "custom" as const,
        label: l.label.trim(),
        quantityMilli: 1000,
        unitPriceCents: parseAmountToCents(l.unitPrice) ?? 0,
        vatBp: Math.round((num(l.vat) ?? 20) * 100),
      })),
      validUntil,
      depositBp: Math.round((num(deposit) ?? 0) * 100),
      notes: notes.trim() || undefined,
    };
    let id: string | null = null;
    if (await action.run(async () => { id = (await create.mutateAsync(input)).id; }, t("quotes.created")) && id) onCreated(id);
  };

  const roomOptions = [{ value: "", label: "—" }, ...rooms.map((r) => ({ value: r.id, label: r.name }))];
  const itemOptions = [{ value: "", label: "—" }, ...items.map((i) => ({ value: i.id, label: i.name }))];
  return (
    <Drawer title={t("quotes.new")} onClose={onClose} onSubmit={() => void submit()}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="submit" className="btn primary" disabled={create.isPending}>{t("quotes.create")}</button>
        </>
      }>
      {action.error && <div className="banner error" role="alert">{action.error}</div>}
      <SelectField label={t("quotes.client")} name="clientId" errors={{}} value={clientId} onChange={setClientId}
        options={[{ value: "", label: t("quotes.chooseClient") }, ...clients.map((c) => ({ value: c.id, label: c.name }))]} />

      <div className="fieldset" data-testid="quote-sessions">
        <div className="fieldset-title">{t("quotes.sessions")}</div>
        {sessions.map((s, i) => (
          <div className="quote-row session" key={i}>
            <SelectField className="wide" label={t("quotes.session.room")} name={`session-room-${i}`} errors={{}} value={s.roomId} onChange={(v) => patch(sessions, setSessions, i, { roomId: v })} options={roomOptions} />
            <TextField label={t("quotes.session.start")} name={`session-start-${i}`} type="datetime-local" errors={{}} value={s.start} onChange={(v) => patch(sessions, setSessions, i, { start: v })} />
            <TextField label={t("quotes.session.end")} name={`session-end-${i}`} type="datetime-local" errors={{}} value={s.end} onChange={(v) => patch(sessions, setSessions, i, { end: v })} />
            <button type="button" className="btn small" onClick={() => drop(sessions, setSessions, i)}>{t("quotes.remove")}</button>
          </div>
        ))}
        <button type="button" className="btn small quote-add" onClick={() => setSessions([...sessions, { roomId: rooms[0]?.id ?? "", start: "", end: "" }])}>{t("quotes.addSession")}</button>
      </div>

      <div className="fieldset" data-testid="quote-services">
        <div className="fieldset-title">{t("quotes.services")}</div>
        {services.map((s, i) => (
          <div className="quote-row" key={i}>
            <SelectField label={t("quotes.service.item")} name={`service-item-${i}`} errors={{}} value={s.serviceItemId} onChange={(v) => patch(services, setServices, i, { serviceItemId: v })} options={itemOptions} />
            <TextField label={t("quotes.service.quantity")} name={`service-qty-${i}`} errors={{}} value={s.quantity} onChange={(v) => patch(services, setServices, i, { quantity: v })} />
            <TextField label={t("quotes.service.discount")} name={`service-discount-${i}`} errors={{}} value={s.discount} onChange={(v) => patch(services, setServices, i, { discount: v })} />
            <button type="button" className="btn small" onClick={() => drop(services, setServices, i)}>{t("quotes.remove")}</button>
          </div>
        ))}
        <button type="button" className="btn small quote-add" onClick={() => setServices([...services, { serviceItemId: items[0]?.id ?? "", quantity: "1", discount: "0" }])}>{t("quotes.addService")}</button>
      </div>

      <div className="fieldset" data-testid="quote-lines">
        <div className="fieldset-title">{t("quotes.freeLines")}</div>
        {lines.map((l, i) => (
          <div className="quote-row" key={i}>
            <TextField label={t("quotes.line.label")} name={`line-label-${i}`} errors={{}} value={l.label} onChange={(v) => patch(lines, setLines, i, { label: v })} />
            <TextField label={t("quotes.line.unitPrice")} name={`line-price-${i}`} errors={{}} value={l.unitPrice} onChange={(v) => patch(lines, setLines, i, { unitPrice: v })} />
            <TextField label={t("quotes.line.vat")} name={`line-vat-${i}`} errors={{}} value={l.vat} onChange={(v) => patch(lines, setLines, i, { vat: v })} />
            <button type="button" className="btn small" onClick={() => drop(lines, setLines, i)}>{t("quotes.remove")}</button>
          </div>
        ))}
        <button type="button" className="btn small quote-add" onClick={() => setLines([...lines, { label: "", unitPrice: "", vat: "20" }])}>{t("quotes.addLine")}</button>
      </div>

      <div className="form-grid">
        <TextField label={t("quotes.validUntil")} name="validUntil" type="date" errors={{}} value={validUntil} onChange={setValidUntil} />
        <TextField label={t("quotes.deposit")} name="deposit" errors={{}} value={deposit} onChange={setDeposit} />
      </div>
      <TextArea label={t("quotes.notes")} name="notes" errors={{}} value={notes} onChange={setNotes} />
    </Drawer>
  );
}
