import { describe, expect, it } from "vitest";
import { priceBooking, type PriceLine } from "../booking/pricing";
import type { BookingType } from "../booking/booking-status";
import { computeLine } from "./document-totals";
import { SESSION_LINE_LABELS_FR, hourlyForm, quoteSessionLines, type PricedSession } from "./quote-session-lines";

const ROOM = { id: "room-a", name: "Studio A", hourlyRateCents: 9500, halfDayRateCents: 34000, dayRateCents: 62000, vatRateBp: 2000 };
const CAMILLE = { id: "eng-camille", name: "Camille Rousseau", hourlyRateCents: 4500, dayRateCents: 32000 };
const ODD = { id: "eng-odd", name: "Odd Rate", hourlyRateCents: 4999, dayRateCents: 0 };
const U87 = { id: "gear-u87", name: "Neumann U 87 Ai", dailyRateCents: 4000 };
const GENELEC = { id: "gear-genelec", name: "Genelec 8351B", dailyRateCents: 0 };

function session(minutes: number, opts: { type?: BookingType; staff?: (typeof CAMILLE)[]; gear?: { info: typeof U87; quantity: number }[]; gearDayPrices?: Record<string, number>; discountBp?: number } = {}): PricedSession & { price: PriceLine[] } {
  const startsAt = "2026-06-03T08:00:00.000Z";
  const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
  const price = priceBooking({
    minutes, type: opts.type ?? "hourly", rooms: [ROOM] as never, staff: (opts.staff ?? []) as never, equipment: (opts.gear ?? []) as never,
    defaultVatBp: 2000, depositBp: 0,
  }).lines;
  return { startsAt, endsAt, timeZone: "Europe/Paris", title: null, projectName: null, priceLines: price, price, gearDayPrices: opts.gearDayPrices, discountBp: opts.discountBp ?? 0 };
}

describe("hourlyForm: hours × rate only when it gives back the engine's net to the cent", () => {
  it.each<[string, number, number, { quantityMilli: number; unitPriceCents: number } | null]>([
    ["4 h at 45 €", 18000, 240, { quantityMilli: 4000, unitPriceCents: 4500 }],
    ["2 h 30 at 45 €", 11250, 150, { quantityMilli: 2500, unitPriceCents: 4500 }],
    ["1 h 06 at 45 € (1.1 h)", 4950, 66, { quantityMilli: 1100, unitPriceCents: 4500 }],
    ["50 min: 0.8333 h is no whole thousandth", 3750, 50, null],
    ["3 h at 49,99 €", 14997, 180, { quantityMilli: 3000, unitPriceCents: 4999 }],
    ["no time", 0, 0, null],
    ["a net that no rate × hours gives (a capped tier)", 34000, 231, null],
  ])("%s", (_name, net, minutes, expected) => expect(hourlyForm(net, minutes)).toEqual(expected));
});

describe("a quote's session lines: engineers at their rate, gear per day, each line's net the engine's", () => {
  it.each<[string, ReturnType<typeof session>, [kind: string, label: string, quantityMilli: number, unitPriceCents: number, net: number][]]>([
    ["4 h with an engineer: room at its half-day rate, engineer 4 h × 45 €", session(240, { staff: [CAMILLE] }), [
      ["room", "Studio A", 1000, 34000, 34000],
      ["engineer", "Camille Rousseau", 4000, 4500, 18000],
    ]],
    ["2 h 30 with an engineer and two microphones", session(150, { staff: [CAMILLE], gear: [{ info: U87, quantity: 2 }] }), [
      ["room", "Studio A", 1000, 23750, 23750],
      ["engineer", "Camille Rousseau", 2500, 4500, 11250],
      ["gear", "Neumann U 87 Ai", 2000, 4000, 8000],
    ]],
    ["10 h: the engineer's day rate plus 2 h overtime, as one line", session(600, { staff: [CAMILLE] }), [
      ["room", "Studio A", 1000, 62000 + 19000, 81000],
      ["engineer", "Camille Rousseau", 1000, 32000 + 9000, 41000],
    ]],
    ["50 min at an odd rate: 1 × the engineer's price", session(50, { staff: [ODD as never] }), [
      ["room", "Studio A", 1000, 7917, 7917],
      ["engineer", "Odd Rate", 1000, 4166, 4166],
    ]],
    ["a session across 30 hours: gear billed for 2 days", session(30 * 60, { type: "lockout", gear: [{ info: U87, quantity: 1 }] }), [
      ["room", "Studio A", 1000, 124000, 124000],
      ["gear", "Neumann U 87 Ai", 2000, 4000, 8000],
    ]],
    ["gear without a rate, priced by the quote", session(180, { gear: [{ info: GENELEC, quantity: 1 }], gearDayPrices: { "gear-genelec": 6000 } }), [
      ["room", "Studio A", 1000, 28500, 28500],
      ["gear", "Genelec 8351B", 1000, 6000, 6000],
    ]],
    ["a negotiated gear price replaces the rate", session(180, { gear: [{ info: U87, quantity: 2 }], gearDayPrices: { "gear-u87": 3000 } }), [
      ["room", "Studio A", 1000, 28500, 28500],
      ["gear", "Neumann U 87 Ai", 2000, 3000, 6000],
    ]],
  ])("%s", (_name, s, expected) => {
    const lines = quoteSessionLines(s);
    expect(lines.map((l) => [l.kind, l.label, l.quantityMilli, l.unitPriceCents, computeLine(l).netCents])).toEqual(expected);
  });

  it("without a quote price, every line's net is the booking engine's, to the cent", () => {
    for (const minutes of [30, 50, 61, 119, 120, 199, 239, 240, 241, 479, 480, 481, 720, 1441]) {
      for (const type of ["hourly", "half_day", "day"] as const) {
        const s = session(minutes, { type, staff: [CAMILLE, ODD as never], gear: [{ info: U87, quantity: 3 }] });
        const lines = quoteSessionLines(s);
        expect(lines.map((l) => computeLine(l).netCents), `${minutes} min ${type}`).toEqual(s.price.map((p) => p.netCents));
      }
    }
  });

  it("names engineers and gear, carries the session, its project and the discount", () => {
    const s = { ...session(600, { staff: [CAMILLE], gear: [{ info: U87, quantity: 2 }], discountBp: 1000 }), title: "Voix", projectName: "Album" };
    const [room, engineer, gear] = quoteSessionLines(s);
    expect(room).toMatchObject({ detail: "journée + 2 h · Voix", discountBp: 1000, projectName: "Album", session: { startsAt: s.startsAt, endsAt: s.endsAt, timeZone: "Europe/Paris" } });
    expect(engineer).toMatchObject({ kind: "engineer", refId: "eng-camille", detail: "Ingénieur du son · journée + 2 h · Voix", discountBp: 1000, vatBp: 2000 });
    expect(gear).toMatchObject({ kind: "gear", refId: "gear-u87", detail: "Location de matériel · 2 × 1 jour · Voix", discountBp: 1000 });
  });

  it.each<[number, string]>([[30, "+ 30 min"], [60, "+ 1 h"], [95, "+ 1 h 35"], [120, "+ 2 h"], [125, "+ 2 h 05"]])("overtime of %i min reads %s", (minutes, text) => {
    expect(SESSION_LINE_LABELS_FR.overtime(minutes)).toBe(text);
  });

  it("hours are marked as hours only on an engineer billed by the hour", () => {
    const units = (s: PricedSession) => quoteSessionLines(s).map((l) => l.unit ?? null);
    expect(units(session(150, { staff: [CAMILLE], gear: [{ info: U87, quantity: 1 }] }))).toEqual([null, "hour", null]);
    expect(units(session(600, { staff: [CAMILLE] }))).toEqual([null, null]);
    expect(units(session(50, { staff: [ODD as never] }))).toEqual([null, null]);
  });
});
