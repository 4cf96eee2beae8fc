import type { QuoteSession } from "../../../../shared/documents/document-inputs";
import type { DocumentLine } from "../../../../shared/documents/document-line";
import { centsToInput, parseAmountToCents } from "../../../../shared/money";
import { addDays, wallDate } from "../../../../shared/zoned-time";
import { readTimes, wallTimes } from "../../forms/booking/booking-form-values";

/** A gear line of a session as typed: quantity, and the day price (HT) the quote asks. */
export interface GearDraft { equipmentId: string; quantity: string; dayPrice: string }
/** A session as typed: its room (which gives its location), engineer, gear, and times on that location's clock. */
export interface SessionDraft {
  roomId: string;
  /** "" for a session without an engineer. */
  staffId: string;
  gear: GearDraft[];
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}
export interface ServiceDraft { serviceItemId: string; quantity: string; discount: string }
/** A typed line; `base` keeps what the form does not show (quantity, discount) of a line being edited. */
export interface LineDraft { label: string; unitPrice: string; vat: string; base?: DocumentLine }

export interface QuoteFormValues {
  clientId: string;
  sessions: SessionDraft[];
  services: ServiceDraft[];
  lines: LineDraft[];
  sessionDiscount: string;
  validUntil: string;
  deposit: string;
  notes: string;
}

/** What the form needs of the studio's rows to read and show a session. */
export interface QuoteFormRefs {
  rooms: readonly { id: string; locationId: string }[];
  /** The IANA zone of a location ("UTC" when unknown). */
  zoneOf(locationId: string): string;
  /** A piece of gear's day rate in cents (null when unknown). */
  gearRate(equipmentId: string): number | null;
  locale: string;
}

/** The message keys a reading can fail with (documents-*.ts). */
export type QuoteFormError =
  | "quotes.chooseClient" | "quotes.invalidRange" | "quotes.invalidTime" | "quotes.chooseRoom" | "quotes.invalidGearQuantity"
  | "quotes.invalidGearPrice" | "quotes.invalidNumber";

/** "12,5" → 12.5; empty → the fallback; unreadable → null. */
function num(text: string, fallback: number): number | null {
  if (text.trim() === "") return fallback;
  const n = Number(text.replace(",", ".").trim());
  return Number.isFinite(n) && n >= 0 ? n : null;
}

const pct = (bp: number) => String(bp / 100).replace(".", ",");
const zoneOfRoom = (refs: QuoteFormRefs, roomId: string) => {
  const room = refs.rooms.find((r) => r.id === roomId);
  return room ? refs.zoneOf(room.locationId) : "UTC";
};

/** A stored session as the form shows it: its times on its location's clock, not the computer's. */
export function sessionToDraft(s: QuoteSession, refs: QuoteFormRefs): SessionDraft {
  const timeZone = refs.zoneOf(s.locationId);
  return {
    roomId: s.roomIds[0] ?? "",
    staffId: s.staffIds?.[0] ?? "",
    gear: (s.equipment ?? []).map((g) => {
      const price = s.gearDayPrices?.[g.equipmentId] ?? refs.gearRate(g.equipmentId);
      return { equipmentId: g.equipmentId, quantity: String(g.quantity), dayPrice: price === null ? "" : centsToInput(price, refs.locale) };
    }),
    ...wallTimes(timeZone, s.startsAt, s.endsAt),
  };
}

/** A new session: the next day at the room's location, 10:00 to 14:00 there. */
export function newSessionDraft(roomId: string, refs: QuoteFormRefs, now = Date.now()): SessionDraft {
  const date = addDays(wallDate(zoneOfRoom(refs, roomId), now), 1);
  return { roomId, staffId: "", gear: [], startDate: date, startTime: "10:00", endDate: date, endTime: "14:00" };
}

/** A typed session as the core's: the times read on the location's clock (DST included), gear prices that differ from the rate. */
export function draftToSession(d: SessionDraft, refs: QuoteFormRefs): QuoteSession | { error: QuoteFormError } {
  const room = refs.rooms.find((r) => r.id === d.roomId);
  if (!room) return { error: "quotes.chooseRoom" };
  const when = readTimes(d, refs.zoneOf(room.locationId));
  if ("errors" in when) return { error: "quotes.invalidTime" };
  if (when.endsAt <= when.startsAt) return { error: "quotes.invalidRange" };
  const equipment: { equipmentId: string; quantity: number }[] = [];
  const gearDayPrices: Record<string, number> = {};
  for (const g of d.gear) {
    if (!/^\d+$/.test(g.quantity.trim()) || Number(g.quantity) < 1) return { error: "quotes.invalidGearQuantity" };
    equipment.push({ equipmentId: g.equipmentId, quantity: Number(g.quantity) });
    if (g.dayPrice.trim() === "") continue;
    const price = parseAmountToCents(g.dayPrice);
    if (price === null) return { error: "quotes.invalidGearPrice" };
    if (price !== refs.gearRate(g.equipmentId)) gearDayPrices[g.equipmentId] = price;
  }
  return {
    locationId: room.locationId, roomIds: [room.id], staffIds: d.staffId ? [d.staffId] : [], equipment, startsAt: when.startsAt, endsAt: when.endsAt,
    ...(Object.keys(gearDayPrices).length > 0 ? { gearDayPrices } : {}),
  };
}

/** The form's first values: a new quote's, or a draft's being edited. */
export function initialQuoteValues(q: { clientId: string; sessions: QuoteSession[]; lines: DocumentLine[]; validUntil: string; depositBp: number; notes: string | null } | null, refs: QuoteFormRefs, defaults: { validUntil: string; depositBp: number }): QuoteFormValues {
  if (!q) return { clientId: "", sessions: [], services: [], lines: [], sessionDiscount: "0", validUntil: defaults.validUntil, deposit: pct(defaults.depositBp), notes: "" };
  const sessionLine = q.lines.find((l) => l.kind === "room" || l.kind === "engineer" || l.kind === "gear");
  return {
    clientId: q.clientId,
    sessions: q.sessions.map((s) => sessionToDraft(s, refs)),
    services: q.lines.filter((l) => l.kind === "service" && l.refId).map((l) => ({ serviceItemId: l.refId!, quantity: String(l.quantityMilli / 1000).replace(".", ","), discount: pct(l.discountBp) })),
    lines: q.lines.filter((l) => l.kind === "custom").map((l) => ({ label: l.label, unitPrice: centsToInput(l.unitPriceCents, refs.locale), vat: pct(l.vatBp), base: l })),
    sessionDiscount: pct(sessionLine?.discountBp ?? 0),
    validUntil: q.validUntil,
    deposit: pct(q.depositBp),
    notes: q.notes ?? "",
  };
}

/** What the person typed as the core's quote fields, or the first thing to fix. */
export function readQuoteForm(v: QuoteFormValues, refs: QuoteFormRefs) {
  if (!v.clientId) return { error: "quotes.chooseClient" as const };
  const sessions: QuoteSession[] = [];
  for (const d of v.sessions) {
    const s = draftToSession(d, refs);
    if ("error" in s) return s;
    sessions.push(s);
  }
  const discount = num(v.sessionDiscount, 0);
  const deposit = num(v.deposit, 0);
  const services = v.services.filter((s) => s.serviceItemId).map((s) => ({ serviceItemId: s.serviceItemId, quantity: num(s.quantity, 1), discount: num(s.discount, 0) }));
  const lines = v.lines.filter((l) => l.label.trim()).map((l) => ({ l, price: parseAmountToCents(l.unitPrice) ?? (l.unitPrice.trim() === "" ? 0 : null), vat: num(l.vat, 20) }));
  if (discount === null || deposit === null || services.some((s) => s.quantity === null || s.discount === null) || lines.some((x) => x.price === null || x.vat === null)) {
    return { error: "quotes.invalidNumber" as const };
  }
  return {
    input: {
      locationId: sessions[0]?.locationId ?? null,
      sessions,
      sessionDiscountBp: Math.round(discount * 100),
      services: services.map((s) => ({ serviceItemId: s.serviceItemId, quantityMilli: Math.round(s.quantity! * 1000), discountBp: Math.round(s.discount! * 100) })),
      lines: lines.map(({ l, price, vat }) => ({
        quantityMilli: 1000, discountBp: 0, ...l.base, kind: "custom" as const, label: l.label.trim(), unitPriceCents: price!, vatBp: Math.round(vat! * 100),
      })),
      validUntil: v.validUntil,
      depositBp: Math.round(deposit * 100),
      notes: v.notes.trim() || null,
    },
  };
}
