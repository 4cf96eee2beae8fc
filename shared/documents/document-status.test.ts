import { describe, expect, it } from "vitest";
import {
  CONTRACT_STATUSES, CONTRACT_TRANSITIONS, INVOICE_TRANSITIONS, QUOTE_STATUSES, QUOTE_TRANSITIONS, canMove, effectiveInvoiceStatus,
  effectiveQuoteStatus, nextOf, statusAfterPayments, type ContractStatus, type QuoteStatus, type StoredInvoiceStatus,
} from "./document-status";

const STORED: StoredInvoiceStatus[] = ["draft", "issued", "partly_paid", "paid", "void"];

describe("invoice transitions", () => {
  const BY_USER: [StoredInvoiceStatus, StoredInvoiceStatus[]][] = [
    ["draft", ["issued"]], ["issued", ["void"]], ["partly_paid", []], ["paid", []], ["void", []],
  ];
  it.each(BY_USER)("a person may take %s to %j", (from, to) => expect(nextOf(INVOICE_TRANSITIONS, from)).toEqual(to));
  it.each(STORED.flatMap((from) => STORED.map((to) => [from, to] as const)))("payment %s → %s", (from, to) => {
    const allowed = (from === "issued" && (to === "partly_paid" || to === "paid")) || (from === "partly_paid" && to === "paid");
    expect(canMove(INVOICE_TRANSITIONS, from, to, "payment")).toBe(allowed);
  });
});

describe("quote transitions", () => {
  const ALLOWED: [QuoteStatus, QuoteStatus[]][] = [
    ["draft", ["sent", "accepted", "rejected"]], ["sent", ["accepted", "rejected", "expired"]], ["accepted", []], ["rejected", []], ["expired", []],
  ];
  it.each(QUOTE_STATUSES.flatMap((from) => QUOTE_STATUSES.map((to) => [from, to] as const)))("%s → %s", (from, to) => {
    expect(canMove(QUOTE_TRANSITIONS, from, to)).toBe(ALLOWED.find(([f]) => f === from)![1].includes(to));
  });
});

describe("contract transitions", () => {
  const ALLOWED: [ContractStatus, ContractStatus[]][] = [
    ["draft", ["sent", "signed", "void"]], ["sent", ["signed", "void"]], ["signed", ["countersigned", "void"]], ["countersigned", ["void"]], ["void", []],
  ];
  it.each(CONTRACT_STATUSES.flatMap((from) => CONTRACT_STATUSES.map((to) => [from, to] as const)))("%s → %s", (from, to) => {
    expect(canMove(CONTRACT_TRANSITIONS, from, to)).toBe(ALLOWED.find(([f]) => f === from)![1].includes(to));
  });
});

describe("payments move the status", () => {
  it.each<[StoredInvoiceStatus, number, number, StoredInvoiceStatus]>([
    ["issued", 10000, 0, "issued"],
    ["issued", 10000, 1, "partly_paid"],
    ["issued", 10000, 9999, "partly_paid"],
    ["issued", 10000, 10000, "paid"],
    ["partly_paid", 10000, 12000, "paid"],
    ["draft", 10000, 10000, "draft"],
    ["void", 10000, 10000, "void"],
  ])("%s, total %i, paid %i → %s", (status, total, paid, expected) => expect(statusAfterPayments(status, total, paid)).toBe(expected));
});

describe("derived statuses", () => {
  it.each<[StoredInvoiceStatus, string | null, string, string]>([
    ["issued", "2026-03-01", "2026-03-02", "overdue"],
    ["issued", "2026-03-01", "2026-03-01", "issued"],
    ["partly_paid", "2026-03-01", "2026-04-01", "overdue"],
    ["paid", "2026-03-01", "2026-04-01", "paid"],
    ["void", "2026-03-01", "2026-04-01", "void"],
    ["issued", null, "2026-04-01", "issued"],
  ])("invoice %s due %s on %s reads %s", (status, due, today, expected) => expect(effectiveInvoiceStatus(status, due, today)).toBe(expected));

  it.each<[QuoteStatus, string, string, QuoteStatus]>([
    ["sent", "2026-03-01", "2026-03-02", "expired"],
    ["sent", "2026-03-01", "2026-03-01", "sent"],
    ["accepted", "2026-03-01", "2026-04-02", "accepted"],
    ["draft", "2026-03-01", "2026-04-02", "expired"],
  ])("quote %s valid until %s on %s reads %s", (status, until, today, expected) => expect(effectiveQuoteStatus(status, until, today)).toBe(expected));
});
