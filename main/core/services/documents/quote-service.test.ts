import { describe, expect, it } from "vitest";
import { computeLine } from "../../../../shared/documents/document-totals";
import { appErrorOf } from "../../test-fixtures";
import { bookingAt, bookingWorlds, type BookingWorld } from "../booking/booking-test-fixtures";

const world = bookingWorlds();

/** 10:00–14:00 on Thursday 4 June 2026 in Studio A, with Camille and two U 87s. */
function session(w: BookingWorld, end = "2026-06-04 14:00", over: Record<string, unknown> = {}) {
  const s = bookingAt(w, "2026-06-04 10:00", end);
  return { locationId: w.locationId, roomIds: [w.studioA], startsAt: s.startsAt, endsAt: s.endsAt, staffIds: [w.camille], equipment: [{ equipmentId: w.u87, quantity: 2 }], ...over };
}

describe("a quote's engineer and gear lines", () => {
  it("prices the engineer at her rate and the gear per day; accepted, the hold carries both", () => {
    const w = world();
    const q = w.core.documents.quotes.create({ clientId: w.heloise, sessions: [session(w)], sessionDiscountBp: 1000 });
    expect(q.lines.map((l) => [l.kind, l.label, l.quantityMilli, l.unitPriceCents, l.discountBp])).toEqual([
      ["room", "Studio A", 1000, 34000, 1000],
      ["engineer", "Camille Rousseau", 4000, 4500, 1000],
      ["gear", "Neumann U 87 Ai", 2000, 4000, 1000],
    ]);
    // (340 + 4 × 45 + 2 × 40) € less 10 %.
    expect(q.netCents).toBe(54000);
    expect(q.lines.map((l) => computeLine(l).netCents)).toEqual([30600, 16200, 7200]);

    w.core.documents.quotes.send(q.id);
    const { bookingIds } = w.core.documents.quotes.accept(q.id);
    const hold = w.core.bookings.get(bookingIds[0]!);
    expect(hold.status).toBe("hold");
    expect(hold.staff.map((s) => s.id)).toEqual([w.camille]);
    expect(hold.equipment.map((e) => [e.equipmentId, e.quantity])).toEqual([[w.u87, 2]]);
  });

  it.each([
    ["10 %, whole hours", 1000, "2026-06-04 14:00"],
    ["12,5 %, 3 h 17 (odd minutes, tiers and rounding)", 1250, "2026-06-04 13:17"],
    ["100 %: free sessions", 10_000, "2026-06-04 14:00"],
  ])("accepted with a session discount of %s, each hold costs what its session lines cost on the quote, VAT included", (_label, discountBp, end) => {
    const w = world();
    const second = { ...session(w, end), startsAt: session(w, end).startsAt.replace("2026-06-04", "2026-06-05"), endsAt: session(w, end).endsAt.replace("2026-06-04", "2026-06-05"), roomIds: [w.studioB] };
    const q = w.core.documents.quotes.create({
      clientId: w.heloise, sessions: [session(w, end), second], sessionDiscountBp: discountBp,
      lines: [{ kind: "custom", label: "Copies", quantityMilli: 1000, unitPriceCents: 500 }],
    });
    const { bookingIds } = w.core.documents.quotes.accept(q.id);
    expect(bookingIds).toHaveLength(2);
    const sessionTotal = (startsAt: string) => q.lines.filter((l) => l.session?.startsAt === startsAt).reduce((sum, l) => sum + computeLine(l).totalCents, 0);
    const sessionNet = (startsAt: string) => q.lines.filter((l) => l.session?.startsAt === startsAt).reduce((sum, l) => sum + computeLine(l).netCents, 0);
    for (const id of bookingIds) {
      const hold = w.core.bookings.get(id);
      expect(hold.status).toBe("hold");
      expect(hold.price.discountBp).toBe(discountBp);
      expect({ net: hold.price.netCents, total: hold.price.totalCents }).toEqual({ net: sessionNet(hold.startsAt), total: sessionTotal(hold.startsAt) });
      if (discountBp === 10_000) expect(hold.price).toMatchObject({ totalCents: 0, depositCents: 0 });
    }
    // The two holds and the typed line make the quote's total, to the cent.
    const holds = bookingIds.map((id) => w.core.bookings.get(id).price.totalCents);
    expect(holds[0]! + holds[1]! + 600).toBe(w.core.documents.quotes.get(q.id).totalCents);
  });

  it("a quote without a session discount books its holds at full price", () => {
    const w = world();
    const q = w.core.documents.quotes.create({ clientId: w.heloise, sessions: [session(w)] });
    const hold = w.core.bookings.get(w.core.documents.quotes.accept(q.id).bookingIds[0]!);
    expect(hold.price).toMatchObject({ discountBp: 0, discountCents: 0, netCents: q.netCents, totalCents: q.totalCents });
  });

  it("a gear price set on the quote replaces the gear's rate on the quote only", () => {
    const w = world();
    const q = w.core.documents.quotes.create({ clientId: w.heloise, sessions: [session(w, undefined, { gearDayPrices: { [w.u87]: 2500 } })] });
    expect(q.lines.find((l) => l.kind === "gear")).toMatchObject({ quantityMilli: 2000, unitPriceCents: 2500 });
    expect(q.sessions[0]).toMatchObject({ gearDayPrices: { [w.u87]: 2500 } });
    const { bookingIds } = w.core.documents.quotes.accept(q.id);
    expect(w.core.bookings.get(bookingIds[0]!).equipment.map((e) => e.quantity)).toEqual([2]);
  });

  it("accepting refuses, and writes nothing, when the engineer is taken at that time", () => {
    const w = world();
    w.core.bookings.create({ ...bookingAt(w, "2026-06-04 12:00", "2026-06-04 16:00", { roomIds: [w.studioB] }), staffIds: [w.camille] });
    const q = w.core.documents.quotes.create({ clientId: w.heloise, sessions: [session(w)] });
    const before = w.core.outbox.pending().length;
    expect(appErrorOf(() => w.core.documents.quotes.accept(q.id)).code).toBe("BOOKING_REFUSED");
    expect(w.core.outbox.pending().length).toBe(before);
    expect(w.core.documents.quotes.get(q.id).status).toBe("draft");
  });
});

describe("editing a quote", () => {
  it("a draft is priced again from its new hours; what the patch leaves out stays", () => {
    const w = world();
    const q = w.core.documents.quotes.create({ clientId: w.heloise, sessions: [session(w)], lines: [{ kind: "custom", label: "Copies", quantityMilli: 1000, unitPriceCents: 500 }] });
    const longer = w.core.documents.quotes.update({ id: q.id, patch: { sessions: [session(w, "2026-06-04 16:00")], notes: "Six heures" } });
    expect(longer.lines.map((l) => [l.kind, l.quantityMilli, l.unitPriceCents])).toEqual([
      ["room", 1000, 34000 + 19000], ["engineer", 6000, 4500], ["gear", 2000, 4000], ["custom", 1000, 500],
    ]);
    expect(longer.notes).toBe("Six heures");
    expect(longer.status).toBe("draft");
  });

  it.each(["sent", "accepted", "rejected"] as const)("a %s quote is not edited: QUOTE_NOT_DRAFT, nothing written", (status) => {
    const w = world();
    const q = w.core.documents.quotes.create({ clientId: w.heloise, sessions: [session(w)] });
    if (status === "sent") w.core.documents.quotes.send(q.id);
    if (status === "accepted") w.core.documents.quotes.accept(q.id);
    if (status === "rejected") w.core.documents.quotes.reject(q.id);
    const before = w.core.outbox.pending().length;
    const error = appErrorOf(() => w.core.documents.quotes.update({ id: q.id, patch: { notes: "changé" } }));
    expect(error.code).toBe("QUOTE_NOT_DRAFT");
    expect(error.details).toMatchObject({ status });
    expect(w.core.outbox.pending().length).toBe(before);
    expect(w.core.documents.quotes.get(q.id).notes).toBeNull();
  });
});
