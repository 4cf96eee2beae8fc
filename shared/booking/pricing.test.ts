import { describe, expect, it } from "vitest";
import type { BookingType } from "./booking-status";
import { computeTotals } from "../documents/document-totals";
import { quoteSessionLines } from "../documents/quote-session-lines";
import { depositRate, discountOfLines, discountedPrice, gearDays, priceBooking, roundHalfUp, timeCharge, type PriceBasis, type PriceLine } from "./pricing";
import { ROOMS, context } from "./rule-test-fixtures";

// Studio A: 95 €/h, half day 340 €, day 620 €.
const A = { hourlyRateCents: 9500, halfDayRateCents: 34000, dayRateCents: 62000 };

describe("roundHalfUp", () => {
  it.each([
    [5, 10, 1], [4, 10, 0], [15, 10, 2], [25, 10, 3], [0, 7, 0], [10, 3, 3], [20, 3, 7], [99, 100, 1], [149, 100, 1], [150, 100, 2],
  ])("%i / %i → %i", (n, d, expected) => {
    expect(roundHalfUp(n, d)).toBe(expected);
  });
});

describe("timeCharge: room rate tiers", () => {
  it.each<[string, number, BookingType, number, PriceBasis, number]>([
    ["1 h", 60, "hourly", 9500, "hourly", 0],
    ["2 h 30", 150, "hourly", 23750, "hourly", 0],
    ["a minute at 95 €/h rounds half up (158.33 → 158)", 1, "hourly", 158, "hourly", 0],
    ["3 h: still hourly", 180, "hourly", 28500, "hourly", 0],
    ["3 h 50 would cost more than a half day: capped", 230, "hourly", 34000, "half_day", 0],
    ["4 h: the half-day rate", 240, "hourly", 34000, "half_day", 0],
    ["5 h: half day + 1 h overtime", 300, "hourly", 43500, "half_day", 60],
    ["7 h: half day + 3 h would pass the day rate: capped", 420, "hourly", 62000, "day", 0],
    ["8 h: the day rate", 480, "hourly", 62000, "day", 0],
    ["10 h: day + 2 h overtime", 600, "hourly", 81000, "day", 120],
    ["10 h 15: day + overtime to the minute", 615, "hourly", 83375, "day", 135],
    ["a half-day booking of 2 h costs the half day", 120, "half_day", 34000, "half_day", 0],
    ["a day booking of 5 h costs the day", 300, "day", 62000, "day", 0],
    ["a day booking of 9 h: day + 1 h", 540, "day", 71500, "day", 60],
    ["a lockout of 3 days", 3 * 1440, "lockout", 186000, "lockout", 0],
    ["a lockout of 2 days and an hour: 3 started days", 2 * 1440 + 60, "lockout", 186000, "lockout", 0],
    ["a dry hire of 2 h: hourly", 120, "dry_hire", 19000, "hourly", 0],
  ])("%s", (_label, minutes, type, cents, basis, overtime) => {
    expect(timeCharge(minutes, A, type)).toMatchObject({ cents, basis, overtimeMinutes: overtime });
  });

  it.each<[string, { hourlyRateCents: number; halfDayRateCents: number; dayRateCents: number }, number, number, PriceBasis]>([
    ["no half-day rate: 5 h hourly", { hourlyRateCents: 4500, halfDayRateCents: 0, dayRateCents: 32000 }, 300, 22500, "hourly"],
    ["no half-day rate: 7.5 h capped at the day", { hourlyRateCents: 4500, halfDayRateCents: 0, dayRateCents: 32000 }, 450, 32000, "day"],
    ["no day rate: 10 h = half day + 6 h", { hourlyRateCents: 2500, halfDayRateCents: 8500, dayRateCents: 0 }, 600, 23500, "half_day"],
    ["free room", { hourlyRateCents: 0, halfDayRateCents: 0, dayRateCents: 0 }, 600, 0, "hourly"],
  ])("%s", (_label, rates, minutes, cents, basis) => {
    expect(timeCharge(minutes, rates, "hourly")).toMatchObject({ cents, basis });
  });

  it("prices a lockout without a day rate by the tiers", () => {
    expect(timeCharge(300, { hourlyRateCents: 2500, halfDayRateCents: 8500, dayRateCents: 0 }, "lockout")).toMatchObject({ cents: 11000, basis: "half_day" });
  });
});

describe("gearDays", () => {
  it.each([[30, 1], [1440, 1], [1441, 2], [240, 1], [3 * 1440, 3]])("%i minutes → %i day(s)", (minutes, days) => {
    expect(gearDays(minutes)).toBe(days);
  });
});

describe("priceBooking", () => {
  const ctx = context();
  const camille = ctx.staff[0]!; // 45 €/h, 320 €/day
  const u87 = ctx.equipment[0]!; // 40 €/day
  const dt770 = ctx.equipment[2]!; // 3 €/day

  it("adds room, engineer and gear lines with VAT per line, and the deposit", () => {
    const price = priceBooking({
      minutes: 300, type: "hourly", rooms: [ROOMS[0]!], staff: [camille],
      equipment: [{ info: u87, quantity: 2 }, { info: dt770, quantity: 3 }], defaultVatBp: 2000, depositBp: 3000,
    });
    expect(price.lines.map((l) => [l.kind, l.label, l.basis, l.netCents, l.vatCents, l.grossCents])).toEqual([
      ["room", "Studio A", "half_day", 43500, 8700, 52200],
      ["staff", "Camille Rousseau", "hourly", 22500, 4500, 27000],
      ["equipment", "Neumann U 87", "daily", 8000, 1600, 9600],
      ["equipment", "Casque DT 770", "daily", 900, 180, 1080],
    ]);
    expect(price).toMatchObject({ netCents: 74900, vatCents: 14980, totalCents: 89880, depositBp: 3000, depositCents: 26964 });
  });

  it("rounds VAT half up on each line, not on the total", () => {
    // 5.5 % of 0.09 € is 0.495 c: 0 c on each of three lines, where the sum's 1.485 c would give 1 c.
    const cheap = (id: string) => ({ ...dt770, id, name: id, dailyRateCents: 9 });
    const price = priceBooking({
      minutes: 60, type: "hourly", rooms: [], staff: [], equipment: ["a", "b", "c"].map((id) => ({ info: cheap(id), quantity: 1 })), defaultVatBp: 550, depositBp: 0,
    });
    expect(price.lines.map((l) => l.vatCents)).toEqual([0, 0, 0]);
    expect(price.vatCents).toBe(0);
    expect(price.totalCents).toBe(27);
  });

  it.each([
    ["a half cent of VAT rounds up", 10, 500, 1],
    ["just below a half cent rounds down", 9, 500, 0],
    ["20 % of 0.03 €: 0.6 c → 1 c", 3, 2000, 1],
    ["5.5 % of 100.00 €", 10000, 550, 550],
  ])("%s", (_label, net, bp, vat) => {
    const price = priceBooking({
      minutes: 60, type: "hourly", rooms: [], staff: [], equipment: [{ info: { ...dt770, dailyRateCents: net }, quantity: 1 }], defaultVatBp: bp, depositBp: 0,
    });
    expect(price.lines[0]!.vatCents).toBe(vat);
  });

  it("prices a lockout of two rooms by the day and the gear per day", () => {
    const price = priceBooking({
      minutes: 2 * 1440, type: "lockout", rooms: [ROOMS[0]!, ROOMS[1]!], staff: [camille], equipment: [{ info: u87, quantity: 1 }], defaultVatBp: 2000, depositBp: 5000,
    });
    expect(price.lines.map((l) => [l.basis, l.days, l.netCents])).toEqual([["lockout", 2, 124000], ["lockout", 2, 124000], ["lockout", 2, 64000], ["daily", 2, 8000]]);
    expect(price.depositCents).toBe(roundHalfUp(price.totalCents * 5000, 10000));
  });

  it("rounds the deposit half up", () => {
    // 30 % of 1.05 € is 31.5 c → 32 c.
    const price = priceBooking({ minutes: 60, type: "hourly", rooms: [], staff: [], equipment: [{ info: { ...dt770, dailyRateCents: 105 }, quantity: 1 }], defaultVatBp: 0, depositBp: 3000 });
    expect(price.depositCents).toBe(32);
  });
});

describe("priceBooking with the booking's discount", () => {
  const ctx = context();
  const camille = ctx.staff[0]!; // 45 €/h, 320 €/day
  const u87 = ctx.equipment[0]!; // 40 €/day
  const dt770 = ctx.equipment[2]!; // 3 €/day
  const session = (discountBp: number, minutes = 300) => priceBooking({
    minutes, type: "hourly", rooms: [ROOMS[0]!], staff: [camille],
    equipment: [{ info: u87, quantity: 2 }, { info: dt770, quantity: 3 }], defaultVatBp: 2000, depositBp: 3000, discountBp,
  });

  // Lines at the rate card: room 435,00 €, engineer 225,00 €, U 87 80,00 €, DT 770 9,00 €; VAT 20 %, deposit 30 %.
  it.each<[string, number, number[], number[], { discountCents: number; netCents: number; vatCents: number; totalCents: number; depositCents: number }]>([
    ["no discount: the rate card", 0, [0, 0, 0, 0], [43500, 22500, 8000, 900], { discountCents: 0, netCents: 74900, vatCents: 14980, totalCents: 89880, depositCents: 26964 }],
    ["10 %: off each line, VAT on the discounted net, deposit on the discounted total", 1000, [4350, 2250, 800, 90], [39150, 20250, 7200, 810],
      { discountCents: 7490, netCents: 67410, vatCents: 13482, totalCents: 80892, depositCents: 24268 }],
    ["12,5 %: 12,5 % of the headphones' 9,00 € is 1,125 € → 1,13 € (half up, on its own line); VAT per line, 1 c under 20 % of the net's sum",
      1250, [5438, 2813, 1000, 113], [38062, 19687, 7000, 787], { discountCents: 9364, netCents: 65536, vatCents: 13106, totalCents: 78642, depositCents: 23593 }],
    ["100 %: a free session, no deposit", 10000, [43500, 22500, 8000, 900], [0, 0, 0, 0], { discountCents: 74900, netCents: 0, vatCents: 0, totalCents: 0, depositCents: 0 }],
  ])("%s", (_label, bp, discounts, nets, totals) => {
    const price = session(bp);
    expect(price.lines.map((l) => l.listCents)).toEqual([43500, 22500, 8000, 900]);
    expect(price.lines.map((l) => l.discountCents)).toEqual(discounts);
    expect(price.lines.map((l) => l.netCents)).toEqual(nets);
    expect(price.lines.map((l) => l.grossCents)).toEqual(price.lines.map((l) => l.netCents + l.vatCents));
    expect(price).toMatchObject({ discountBp: bp, depositBp: 3000, ...totals });
    expect(price.netCents + price.discountCents).toBe(74900);
    expect(discountOfLines(price.lines)).toBe(totals.discountCents);
  });

  it.each([
    // [label, list cents, discount bp, VAT bp, discount, net, VAT]
    ["a half cent of discount rounds up", 5, 1000, 2000, 1, 4, 1],
    ["just below a half cent rounds down", 4, 1000, 2000, 0, 4, 1],
    ["VAT on the discounted net, not on the list price: 5,5 % of 2,25 €", 250, 1000, 550, 25, 225, 12],
    ["a third off 1,00 €", 100, 3333, 2000, 33, 67, 13],
    ["1 bp of 49,99 €", 4999, 1, 2000, 0, 4999, 1000],
    ["1 bp of 50,00 €: exactly a half cent", 5000, 1, 2000, 1, 4999, 1000],
  ])("%s", (_label, list, bp, vatBp, discount, net, vat) => {
    const price = priceBooking({
      minutes: 60, type: "hourly", rooms: [], staff: [], equipment: [{ info: { ...dt770, dailyRateCents: list }, quantity: 1 }], defaultVatBp: vatBp, depositBp: 0, discountBp: bp,
    });
    expect(price.lines[0]).toMatchObject({ listCents: list, discountCents: discount, netCents: net, vatCents: vat, grossCents: net + vat });
  });

  it("rounds each line's discount on its own, not the sum's", () => {
    // 10 % of 0,05 € is half a cent: 1 c off each of three lines (3 c), where 10 % of the 15 c sum would be 2 c.
    const cheap = (id: string) => ({ info: { ...dt770, id, name: id, dailyRateCents: 5 }, quantity: 1 });
    const price = priceBooking({ minutes: 60, type: "hourly", rooms: [], staff: [], equipment: ["a", "b", "c"].map(cheap), defaultVatBp: 0, depositBp: 0, discountBp: 1000 });
    expect(price).toMatchObject({ discountCents: 3, netCents: 12, totalCents: 12 });
  });

  it("without a discount, prices exactly as before discounts existed", () => {
    const price = session(0);
    expect(priceBooking({ minutes: 300, type: "hourly", rooms: [ROOMS[0]!], staff: [camille], equipment: [{ info: u87, quantity: 2 }, { info: dt770, quantity: 3 }], defaultVatBp: 2000, depositBp: 3000 })).toEqual(price);
  });

  it("re-prices stored lines with a new discount from their list price, and old lines (no list price) from their net", () => {
    const stored = session(1000);
    expect(discountedPrice(stored.lines, 2000, 3000)).toEqual(session(2000));
    expect(discountedPrice(stored.lines, 0, 3000)).toEqual(session(0));
    const old: PriceLine[] = session(0).lines.map(({ listCents: _l, discountCents: _d, ...l }) => l);
    expect(discountedPrice(old, 1000, 3000)).toEqual(session(1000));
    expect(discountOfLines(old)).toBe(0);
  });

  // A hold booked from a quote must cost what the quote's session lines say: same lines, same discount.
  it.each([0, 500, 1000, 1250, 3333, 9999, 10000])("a session discounted %i bp costs what the quote's session lines cost, to the cent", (bp) => {
    for (const minutes of [60, 137, 300, 615, 2 * 1440 + 1]) {
      const price = session(bp, minutes);
      const startsAt = "2026-06-03T10:00:00.000Z";
      const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
      const quoted = computeTotals(quoteSessionLines({
        startsAt, endsAt, timeZone: "Europe/Paris", title: null, projectName: null, priceLines: session(0, minutes).lines, discountBp: bp,
      }));
      expect({ minutes, net: price.netCents, vat: price.vatCents, total: price.totalCents, discount: price.discountCents })
        .toEqual({ minutes, net: quoted.netCents, vat: quoted.vatCents, total: quoted.totalCents, discount: quoted.discountCents });
    }
  });
});

describe("depositRate", () => {
  it.each<[number | null, number | null, number]>([
    [5000, 2000, 5000],
    [0, 2000, 0],
    [null, 2000, 2000],
    [null, null, 3000],
  ])("client %s, studio %s → %i", (client, studio, expected) => {
    expect(depositRate(client, studio)).toBe(expected);
  });
});
