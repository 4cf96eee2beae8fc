import { describe, expect, it } from "vitest";
import { discountedPrice, type PriceLine } from "../booking/pricing";
import { amountDue, balanceLines, bookingLines, clientBalance, creditFits, creditLines, depositLines, type BalanceInvoice, type BillableBooking } from "./billing";
import { computeTotals } from "./document-totals";

const price = (kind: PriceLine["kind"], net: number, vatBp: number, quantity = 1): PriceLine => ({
  kind, refId: "0193a000-0000-7000-8000-000000000001", label: kind, basis: "hourly", quantity, overtimeMinutes: 0, days: 0, netCents: net, vatBp,
  vatCents: Math.round((net * vatBp) / 10000), grossCents: 0,
});
const booking = (priceLines: PriceLine[], depositBp = 3000, discountBp = 0): BillableBooking => ({
  id: "0193a000-0000-7000-8000-0000000000b1", startsAt: "2026-03-10T09:00:00.000Z", endsAt: "2026-03-10T13:00:00.000Z", timeZone: "Europe/Paris",
  projectName: "Premier album", title: "Voix", priceLines, depositBp, discountBp,
});
const labels = { deposit: (bp: number) => `Acompte ${bp / 100} %`, deduction: (n: string) => `Acompte ${n}` };

describe("deposit and balance invoices", () => {
  it.each<[string, PriceLine[], number]>([
    ["one room at 20 %", [price("room", 24000, 2000)], 3000],
    ["room, engineer and gear", [price("room", 24000, 2000), price("staff", 18000, 2000), price("equipment", 4500, 2000, 3)], 3000],
    ["two VAT rates and odd cents", [price("room", 33333, 2000), price("equipment", 999, 550)], 3333],
    ["no deposit", [price("room", 10000, 2000)], 0],
    ["full deposit", [price("room", 10001, 2000)], 10000],
  ])("%s: deposit + balance = the booking's price to the cent", (_n, lines, bp) => {
    const b = booking(lines, bp);
    const full = computeTotals(bookingLines(b));
    const deposit = depositLines([b], labels);
    const balance = balanceLines([b], deposit.length ? [{ number: "F-2026-0001", lines: deposit }] : [], labels);
    const d = computeTotals(deposit), r = computeTotals(balance);
    expect(d.totalCents + r.totalCents).toBe(full.totalCents);
    expect(d.netCents + r.netCents).toBe(full.netCents);
    expect(d.vatCents + r.vatCents).toBe(full.vatCents);
  });

  it("a deposit line per VAT rate, carrying the session and project for the PDF", () => {
    const deposit = depositLines([booking([price("room", 20000, 2000), price("equipment", 1000, 550)])], labels);
    expect(deposit.map((l) => [l.unitPriceCents, l.vatBp, l.label])).toEqual([[6000, 2000, "Acompte 30 %"], [300, 550, "Acompte 30 %"]]);
    expect(deposit[0]!.session).toEqual({ startsAt: "2026-03-10T09:00:00.000Z", endsAt: "2026-03-10T13:00:00.000Z", timeZone: "Europe/Paris" });
    expect(deposit[0]!.projectName).toBe("Premier album");
  });

  it.each<[string, PriceLine[], number]>([
    ["10 % on a room", [price("room", 24000, 2000)], 1000],
    ["12,5 % on odd cents at two VAT rates", [price("room", 33333, 2000), price("equipment", 999, 550), price("staff", 4501, 2000)], 1250],
    ["100 %", [price("room", 24000, 2000)], 10000],
    ["no discount", [price("room", 24000, 2000)], 0],
  ])("a discounted booking (%s) is billed at the rate card with its discount, to the booking's cent", (_n, lines, bp) => {
    const priced = discountedPrice(lines, bp, 3000);
    const billed = bookingLines(booking(priced.lines, 3000, bp));
    expect(billed.map((l) => [l.unitPriceCents, l.discountBp])).toEqual(priced.lines.map((l) => [l.listCents, bp]));
    const totals = computeTotals(billed);
    expect([totals.netCents, totals.vatCents, totals.totalCents]).toEqual([priced.netCents, priced.vatCents, priced.totalCents]);
  });

  it("a line priced before discounts existed is billed at its net, with no discount", () => {
    const lines = bookingLines(booking([price("room", 24000, 2000)], 3000, 1000));
    expect(lines[0]).toMatchObject({ unitPriceCents: 24000, discountBp: 0 });
  });

  it("booking lines keep the priced net exactly and name the quantity", () => {
    const lines = bookingLines(booking([price("equipment", 4500, 2000, 3)]));
    expect(lines[0]).toMatchObject({ kind: "gear", label: "equipment × 3", quantityMilli: 1000, unitPriceCents: 4500 });
  });
});

describe("credit notes", () => {
  it("mirror the invoice's lines to the cent", () => {
    const lines = bookingLines(booking([price("room", 33333, 2000), price("equipment", 999, 550)]));
    expect(computeTotals(creditLines(lines)).totalCents).toBe(-computeTotals(lines).totalCents);
  });
  it.each<[number, number, number, boolean]>([
    [12000, 0, -12000, true],
    [12000, 0, -12001, false],
    [12000, -5000, -7000, true],
    [12000, -5000, -7001, false],
    [12000, 0, 0, false],
    [12000, 0, 100, false],
  ])("invoice %i, already credited %i, new credit %i fits: %s", (total, already, credit, fits) => expect(creditFits(total, already, credit)).toBe(fits));
});

describe("balances", () => {
  it.each<[number, number, number, number]>([[12000, 0, 0, 12000], [12000, 5000, 0, 7000], [12000, 5000, -7000, 0], [12000, 13000, 0, 0]])(
    "total %i, paid %i, credited %i: due %i", (t, p, c, due) => expect(amountDue(t, p, c)).toBe(due));

  it("adds up issued invoices, less payments and credit notes; drafts and void owe nothing", () => {
    const inv = (id: string, status: string, total: number, paid: number, kind: BalanceInvoice["kind"] = "invoice", creditedInvoiceId: string | null = null): BalanceInvoice =>
      ({ id, status, totalCents: total, paidCents: paid, kind, creditedInvoiceId });
    expect(clientBalance([
      inv("a", "issued", 10000, 0),
      inv("b", "partly_paid", 20000, 5000),
      inv("c", "paid", 3000, 3000),
      inv("d", "draft", 99999, 0),
      inv("e", "void", 50000, 0),
      inv("f", "issued", -4000, 0, "credit_note", "b"),
    ])).toEqual({ invoicedCents: 33000, paidCents: 8000, creditedCents: -4000, dueCents: 10000 + 11000 });
  });
});
