import { describe, expect, it } from "vitest";
import { allocateBookingPayment, bookingPaid, paymentsForNewInvoice, type Allocation, type OpenInvoice } from "./payment-allocation";

const inv = (id: string, purpose: OpenInvoice["purpose"], status: string, dueCents: number, issuedOn = "2026-03-01", kind: OpenInvoice["kind"] = "invoice"): OpenInvoice =>
  ({ id, kind, purpose, status, dueCents, issuedOn });

describe("allocateBookingPayment", () => {
  it.each<[string, number, OpenInvoice[], Allocation[]]>([
    ["nothing invoiced: unallocated on the booking", 30000, [], [{ invoiceId: null, amountCents: 30000 }]],
    ["an issued deposit invoice takes it", 30000, [inv("dep", "deposit", "issued", 30000)], [{ invoiceId: "dep", amountCents: 30000 }]],
    ["less than due: a partial payment on it", 10000, [inv("dep", "deposit", "issued", 30000)], [{ invoiceId: "dep", amountCents: 10000 }]],
    ["more than due: the rest stays on the booking", 50000, [inv("dep", "deposit", "issued", 30000)], [{ invoiceId: "dep", amountCents: 30000 }, { invoiceId: null, amountCents: 20000 }]],
    ["the deposit before the balance, even when issued later", 40000,
      [inv("bal", "balance", "issued", 70000, "2026-03-01"), inv("dep", "deposit", "partly_paid", 10000, "2026-03-05")],
      [{ invoiceId: "dep", amountCents: 10000 }, { invoiceId: "bal", amountCents: 30000 }]],
    ["overdue counts as open", 5000, [inv("old", "standard", "overdue", 8000)], [{ invoiceId: "old", amountCents: 5000 }]],
    ["drafts, void, paid invoices and credit notes take nothing", 1000,
      [inv("d", "deposit", "draft", 5000), inv("v", "deposit", "void", 5000), inv("p", "balance", "paid", 0), inv("c", "standard", "issued", 5000, "2026-03-01", "credit_note")],
      [{ invoiceId: null, amountCents: 1000 }]],
    ["oldest first among equals", 12000, [inv("b", "standard", "issued", 10000, "2026-03-02"), inv("a", "standard", "issued", 10000, "2026-03-01")],
      [{ invoiceId: "a", amountCents: 10000 }, { invoiceId: "b", amountCents: 2000 }]],
  ])("%s", (_name, amount, invoices, expected) => {
    const got = allocateBookingPayment(amount, invoices);
    expect(got).toEqual(expected);
    expect(got.reduce((s, a) => s + a.amountCents, 0)).toBe(amount);
  });
});

describe("paymentsForNewInvoice", () => {
  it.each<[string, number, { id: string; amountCents: number }[], string[]]>([
    ["none waiting", 30000, [], []],
    ["one that fits", 30000, [{ id: "p1", amountCents: 30000 }], ["p1"]],
    ["one too large stays waiting", 30000, [{ id: "p1", amountCents: 30001 }], []],
    ["several, while they fit, skipping one too large", 30000, [{ id: "p1", amountCents: 20000 }, { id: "p2", amountCents: 15000 }, { id: "p3", amountCents: 10000 }], ["p1", "p3"]],
  ])("%s", (_name, due, waiting, expected) => {
    expect(paymentsForNewInvoice(due, waiting)).toEqual(expected);
  });
});

describe("bookingPaid", () => {
  it.each<[string, { id: string; totalCents: number; directCents: number }[], { bookingIds: string[]; amountCents: number }[], Record<string, number>]>([
    ["direct payments only", [{ id: "a", totalCents: 100, directCents: 40 }], [], { a: 40 }],
    ["a shared payment fills the bookings in order", [{ id: "a", totalCents: 100, directCents: 0 }, { id: "b", totalCents: 50, directCents: 0 }],
      [{ bookingIds: ["a", "b"], amountCents: 120 }], { a: 100, b: 20 }],
    ["direct payments come first", [{ id: "a", totalCents: 100, directCents: 90 }, { id: "b", totalCents: 50, directCents: 0 }],
      [{ bookingIds: ["a", "b"], amountCents: 30 }], { a: 100, b: 20 }],
    ["excess goes to the last booking, never dropped", [{ id: "a", totalCents: 100, directCents: 0 }, { id: "b", totalCents: 50, directCents: 0 }],
      [{ bookingIds: ["a", "b"], amountCents: 170 }], { a: 100, b: 70 }],
    ["a booking not asked about is skipped", [{ id: "b", totalCents: 50, directCents: 0 }], [{ bookingIds: ["gone", "b"], amountCents: 30 }], { b: 30 }],
  ])("%s", (_name, bookings, shared, expected) => {
    expect(Object.fromEntries(bookingPaid(bookings, shared))).toEqual(expected);
  });
});
