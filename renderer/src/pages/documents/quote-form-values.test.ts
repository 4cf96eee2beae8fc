import { describe, expect, it } from "vitest";
import { draftToSession, initialQuoteValues, readQuoteForm, sessionToDraft, type QuoteFormRefs, type SessionDraft } from "./quote-form-values";

const PARIS = "loc-paris";
const LONDON = "loc-london";
const refs: QuoteFormRefs = {
  rooms: [{ id: "studio-a", locationId: PARIS }, { id: "live-room", locationId: LONDON }],
  zoneOf: (id) => (id === PARIS ? "Europe/Paris" : id === LONDON ? "Europe/London" : "UTC"),
  gearRate: (id) => (id === "u87" ? 4000 : id === "genelec" ? 0 : null),
  locale: "fr-FR",
};
const draft = (over: Partial<SessionDraft>): SessionDraft => ({
  roomId: "studio-a", staffId: "", gear: [], startDate: "2026-03-29", startTime: "01:00", endDate: "2026-03-29", endTime: "04:00", ...over,
});
const instants = (d: SessionDraft) => {
  const s = draftToSession(d, refs);
  if ("error" in s) throw new Error(s.error);
  return [s.startsAt, s.endsAt];
};

describe("a quote session's times are read on its location's clock, DST included (29 March 2026)", () => {
  it.each<[string, Partial<SessionDraft>, [string, string]]>([
    ["Paris 01:00–04:00: the clocks skip 02:00–03:00, so two real hours", {}, ["2026-03-29T00:00:00.000Z", "2026-03-29T02:00:00.000Z"]],
    ["Paris, the day after: +02:00", { startDate: "2026-03-30", endDate: "2026-03-30", startTime: "10:00", endTime: "14:00" }, ["2026-03-30T08:00:00.000Z", "2026-03-30T12:00:00.000Z"]],
    ["Paris, the day before: +01:00", { startDate: "2026-03-28", endDate: "2026-03-28", startTime: "10:00", endTime: "14:00" }, ["2026-03-28T09:00:00.000Z", "2026-03-28T13:00:00.000Z"]],
    ["Paris 02:30 does not exist: read as the instant after the gap", { startTime: "02:30" }, ["2026-03-29T01:30:00.000Z", "2026-03-29T02:00:00.000Z"]],
    ["London 00:30–03:00 the same night: GMT, then BST from 01:00 GMT", { roomId: "live-room", startTime: "00:30", endTime: "03:00" }, ["2026-03-29T00:30:00.000Z", "2026-03-29T02:00:00.000Z"]],
    ["London across midnight in summer", { roomId: "live-room", startDate: "2026-07-01", startTime: "22:00", endDate: "2026-07-02", endTime: "02:00" }, ["2026-07-01T21:00:00.000Z", "2026-07-02T01:00:00.000Z"]],
  ])("%s", (_name, over, expected) => expect(instants(draft(over))).toEqual(expected));

  it("a stored session shows back as the same wall times in its zone", () => {
    for (const roomId of ["studio-a", "live-room"]) {
      const typed = draft({ roomId, startTime: "00:00", endTime: "05:00" });
      const s = draftToSession(typed, refs);
      if ("error" in s) throw new Error(s.error);
      expect(sessionToDraft(s, refs)).toMatchObject({ startDate: "2026-03-29", startTime: "00:00", endDate: "2026-03-29", endTime: "05:00" });
    }
    // One instant, two clocks: 01:30 UTC on that night is 03:30 in Paris and 02:30 in London.
    const s = { locationId: PARIS, roomIds: ["studio-a"], startsAt: "2026-03-29T01:30:00.000Z", endsAt: "2026-03-29T03:00:00.000Z" };
    expect(sessionToDraft(s, refs)).toMatchObject({ startTime: "03:30", endTime: "05:00" });
    expect(sessionToDraft({ ...s, locationId: LONDON, roomIds: ["live-room"] }, refs)).toMatchObject({ startTime: "02:30", endTime: "04:00" });
  });
});

describe("reading a session's engineer and gear", () => {
  it.each<[string, Partial<SessionDraft>, unknown]>([
    ["no engineer, no gear", {}, { staffIds: [], equipment: [] }],
    ["an engineer", { staffId: "camille" }, { staffIds: ["camille"] }],
    ["gear at its rate: no price of the quote's own", { gear: [{ equipmentId: "u87", quantity: "2", dayPrice: "40,00" }] }, { equipment: [{ equipmentId: "u87", quantity: 2 }], gearDayPrices: undefined }],
    ["gear at a negotiated price", { gear: [{ equipmentId: "u87", quantity: "1", dayPrice: "25" }] }, { gearDayPrices: { u87: 2500 } }],
    ["gear without a rate, priced by the quote", { gear: [{ equipmentId: "genelec", quantity: "1", dayPrice: "60,50" }] }, { gearDayPrices: { genelec: 6050 } }],
    ["gear price left empty: the gear's rate", { gear: [{ equipmentId: "u87", quantity: "1", dayPrice: "" }] }, { gearDayPrices: undefined }],
  ])("%s", (_name, over, expected) => expect({ gearDayPrices: undefined, ...draftToSession(draft(over), refs) }).toMatchObject(expected as object));

  it.each<[string, Partial<SessionDraft>, string]>([
    ["end before start", { endTime: "00:30" }, "quotes.invalidRange"],
    ["no time typed", { startTime: "" }, "quotes.invalidTime"],
    ["unknown room", { roomId: "gone" }, "quotes.chooseRoom"],
    ["gear quantity 0", { gear: [{ equipmentId: "u87", quantity: "0", dayPrice: "" }] }, "quotes.invalidGearQuantity"],
    ["gear price unreadable", { gear: [{ equipmentId: "u87", quantity: "1", dayPrice: "quarante" }] }, "quotes.invalidGearPrice"],
  ])("refused: %s", (_name, over, error) => expect(draftToSession(draft(over), refs)).toEqual({ error }));
});

describe("a draft quote back in the form, and read again unchanged", () => {
  it("sessions, discount, services, typed lines, validity, deposit and notes round-trip", () => {
    const session = { locationId: PARIS, roomIds: ["studio-a"], staffIds: ["camille"], equipment: [{ equipmentId: "u87", quantity: 2 }], gearDayPrices: { u87: 3000 }, startsAt: "2026-03-29T08:00:00.000Z", endsAt: "2026-03-29T12:00:00.000Z" };
    const quote = {
      clientId: "heloise", sessions: [session], validUntil: "2026-04-28", depositBp: 3000, notes: "Merci",
      lines: [
        { kind: "room" as const, refId: "studio-a", label: "Studio A", detail: null, quantityMilli: 1000, unitPriceCents: 34000, vatBp: 2000, discountBp: 1000, bookingId: null, session: null, projectName: null },
        { kind: "service" as const, refId: "mix", label: "Mixage", detail: null, quantityMilli: 2500, unitPriceCents: 25000, vatBp: 2000, discountBp: 500, bookingId: null, session: null, projectName: null },
        { kind: "custom" as const, refId: null, label: "Copies", detail: "CD", quantityMilli: 3000, unitPriceCents: 550, vatBp: 550, discountBp: 0, bookingId: null, session: null, projectName: null },
      ],
    };
    const v = initialQuoteValues(quote, refs, { validUntil: "2000-01-01", depositBp: 0 });
    expect(v.sessions[0]).toMatchObject({ startTime: "10:00", endTime: "14:00", staffId: "camille", gear: [{ equipmentId: "u87", quantity: "2", dayPrice: "30,00" }] });
    expect(v).toMatchObject({ sessionDiscount: "10", deposit: "30", validUntil: "2026-04-28", notes: "Merci", services: [{ serviceItemId: "mix", quantity: "2,5", discount: "5" }] });
    const read = readQuoteForm(v, refs);
    if (!("input" in read)) throw new Error(read.error);
    expect(read.input.sessions).toEqual([session]);
    expect(read.input).toMatchObject({ sessionDiscountBp: 1000, depositBp: 3000, validUntil: "2026-04-28", notes: "Merci", services: [{ serviceItemId: "mix", quantityMilli: 2500, discountBp: 500 }] });
    expect(read.input.lines).toEqual([{ ...quote.lines[2] }]);
  });

  it("without a client, nothing is read", () => {
    expect(readQuoteForm(initialQuoteValues(null, refs, { validUntil: "2026-04-28", depositBp: 3000 }), refs)).toEqual({ error: "quotes.chooseClient" });
  });
});
