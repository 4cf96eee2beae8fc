import { afterEach, describe, expect, it } from "vitest";
import { hasMoney } from "../../../../shared/reports/money-visibility";
import { HELOISE, LABEL, LOC } from "../../../../shared/reports/report-fixtures";
import { addDays } from "../../../../shared/zoned-time";
import { exportReport } from "../../reports/report-export";
import { ENGINEER_WITH_REPORTS, actingAs, reportWorld, type ReportWorld } from "./report-test-fixtures";

let w: ReportWorld;
afterEach(() => w?.close());

const line = (label: string, cents: number) => ({ kind: "custom" as const, label, quantityMilli: 1000, unitPriceCents: cents, vatBp: 0 });

/**
 * Hand-made receivables as of Friday 20 March 2026 (the fixture's "now"): each invoice issued 30
 * days before its due date (set in the file, as if issued then), so the days past due are known.
 */
function receivables(w: ReportWorld) {
  const inv = w.core.documents.invoices;
  const make = (name: string, dueOn: string, cents: number[], client = LABEL) => {
    const draft = inv.create({ clientId: w.real(client), locationId: w.real(LOC), lines: cents.map((c, i) => line(`${name} ${i}`, c)) });
    const issued = inv.issue(draft.id);
    w.core.db.prepare("UPDATE invoices SET issued_on = ?, due_on = ? WHERE id = ?").run(addDays(dueOn, -30), dueOn, issued.id);
    return issued.id;
  };
  const ids = {
    partial: make("A", "2026-02-18", [10_000]), // 30 days: 0–30, 4 000 paid → 6 000 due
    d31: make("B", "2026-02-17", [20_000], HELOISE), // 31 days: 31–60
    credited: make("C", "2026-01-19", [3_000, 2_000]), // 60 days: 31–60, the 2 000 line credited → 3 000 due
    d61: make("D", "2026-01-18", [7_000]), // 61 days: 61–90
    d90: make("E", "2025-12-20", [8_000]), // 90 days: 61–90
    d91: make("F", "2025-12-19", [9_000]), // 91 days: 90+
    paid: make("G", "2025-11-01", [1_000]), // paid in full: left out
    notDue: make("H", "2026-04-19", [2_500]), // due in 30 days: 0–30, 0 days overdue
  };
  w.core.documents.payments.record({ invoiceId: ids.partial, amountCents: 4_000, method: "cash" });
  w.core.documents.payments.record({ invoiceId: ids.paid, amountCents: 1_000, method: "card" });
  inv.creditNote({ invoiceId: ids.credited, lineIndexes: [1] });
  inv.create({ clientId: w.real(LABEL), locationId: w.real(LOC), lines: [line("draft", 50_000)] }); // a draft: left out
  return ids;
}

describe("reports.aging: unpaid invoices by age", () => {
  it("buckets what is still due on each issued invoice, boundaries 30/31, 60/61, 90/91 days", () => {
    w = reportWorld();
    const ids = receivables(w);
    const r = w.reports.aging({ asOf: "2026-03-20" });
    expect(r.money).toBe(true);
    expect(r.asOf).toBe("2026-03-20");
    expect(r.buckets).toEqual({
      "0_30": { invoices: 2, outstandingCents: 8_500 },
      "31_60": { invoices: 2, outstandingCents: 23_000 },
      "61_90": { invoices: 2, outstandingCents: 15_000 },
      "90_plus": { invoices: 1, outstandingCents: 9_000 },
    });
    expect(r.totals).toEqual({ invoices: 7, outstandingCents: 55_500 });
    expect(r.rows.map((x) => [x.id, x.daysOverdue, x.bucket, x.dueCents])).toEqual([
      [ids.d91, 91, "90_plus", 9_000],
      [ids.d90, 90, "61_90", 8_000],
      [ids.d61, 61, "61_90", 7_000],
      [ids.credited, 60, "31_60", 3_000],
      [ids.d31, 31, "31_60", 20_000],
      [ids.partial, 30, "0_30", 6_000],
      [ids.notDue, 0, "0_30", 2_500],
    ]);
    const b = r.rows.find((x) => x.id === ids.d31)!;
    expect(b).toMatchObject({ client: "Héloïse Mercier", issuedOn: "2026-01-18", dueOn: "2026-02-17" });
    expect(b.displayNumber).toBeTruthy();
  });

  it("ages on another date, defaults to today, and leaves out invoices issued after it", () => {
    w = reportWorld();
    const ids = receivables(w);
    // Today (20 March 2026 in Paris) by default.
    expect(w.reports.aging().totals).toEqual({ invoices: 7, outstandingCents: 55_500 });
    const later = w.reports.aging({ asOf: "2026-03-21" });
    expect(later.rows.find((x) => x.id === ids.partial)).toMatchObject({ daysOverdue: 31, bucket: "31_60" });
    expect(later.rows.find((x) => x.id === ids.d90)).toMatchObject({ daysOverdue: 91, bucket: "90_plus" });
    // On 1 January 2026 only invoices issued by then count: C (20 Dec), D (19 Dec), E and F (November), and G
    // (October): its payment and C's credit note came on 20 March, after that date, so neither counts yet.
    const early = w.reports.aging({ asOf: "2026-01-01" });
    expect(early.rows.map((x) => [x.id, x.daysOverdue, x.bucket, x.dueCents])).toEqual([
      [ids.paid, 61, "61_90", 1_000], [ids.d91, 13, "0_30", 9_000], [ids.d90, 12, "0_30", 8_000], [ids.d61, 0, "0_30", 7_000], [ids.credited, 0, "0_30", 5_000],
    ]);
    expect(early.totals).toEqual({ invoices: 5, outstandingCents: 30_000 });
  });

  it("reads payments, credit notes and voiding as of the report's date, not as they stand now", () => {
    w = reportWorld();
    const ids = receivables(w);
    // A payment back-dated to 1 March on A (issued 19 January), besides the 4 000 received today.
    w.core.documents.payments.record({ invoiceId: ids.partial, amountCents: 1_000, method: "bank_transfer", receivedOn: "2026-03-01" });
    w.core.documents.invoices.void({ id: ids.d61, reason: "doublon" });
    const row = (asOf: string, id: string) => w.reports.aging({ asOf }).rows.find((x) => x.id === id)?.dueCents ?? null;
    expect([row("2026-02-28", ids.partial), row("2026-03-01", ids.partial), row("2026-03-19", ids.partial), row("2026-03-20", ids.partial)]).toEqual([10_000, 9_000, 9_000, 5_000]);
    // Voided today: still owed on any earlier date, gone from today's list.
    expect([row("2026-03-19", ids.d61), row("2026-03-20", ids.d61)]).toEqual([7_000, null]);
  });

  it("hides every amount from someone without finance.view and report.financial", () => {
    w = reportWorld();
    receivables(w);
    actingAs(w.core, ENGINEER_WITH_REPORTS);
    const r = w.reports.aging({ asOf: "2026-03-20" });
    expect(r.money).toBe(false);
    expect(hasMoney(r)).toBe(false);
    expect(r.totals).toEqual({ invoices: 7 });
    expect(r.buckets["90_plus"]).toEqual({ invoices: 1 });
  });

  it("exports as CSV with its buckets and invoices", async () => {
    w = reportWorld();
    receivables(w);
    const file = await exportReport(w.reports, { period: { from: "2026-03-01", to: "2026-03-02" }, report: "aging", format: "csv", asOf: "2026-03-20" });
    expect(file.filename).toBe("impayes_2026-03-20.csv");
    const text = Buffer.from(file.base64, "base64").toString("utf8");
    expect(text).toContain("Factures impayées par ancienneté");
    expect(text).toContain("31–60 jours");
    expect(text).toContain("Héloïse Mercier");
    for (const format of ["xlsx", "pdf"] as const) {
      const f = await exportReport(w.reports, { period: { from: "2026-03-01", to: "2026-03-02" }, report: "aging", format, asOf: "2026-03-20" });
      expect(f.filename).toBe(`impayes_2026-03-20.${format}`);
      expect(f.base64.length).toBeGreaterThan(100);
    }
  });
});
