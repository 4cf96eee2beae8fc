import { addDays } from "../../../shared/zoned-time";
import type { StudioCore } from "../studio-core";

const DAY_MS = 86_400_000;

/** One line of studio work, VAT at 20 %. */
const work = (label: string, quantity: number, unitPriceCents: number) => ({ kind: "custom" as const, label, quantityMilli: quantity * 1000, unitPriceCents, vatBp: 2000 });

/**
 * Invoices the demo studio sent over the last months, so the Impayés report has something in every
 * age bucket: `daysAgo` is when each was issued (due after the studio's 30-day terms), `paid` what
 * the client paid since, `paidDaysAgo` when. Client indexes are into demoClients(), none of those the end-to-end tests work with (Héloïse Mercier…).
 */
const DEMO_INVOICES: { client: number; at: "paris" | "london"; daysAgo: number; lines: ReturnType<typeof work>[]; paid?: number; paidDaysAgo?: number }[] = [
  { client: 0, at: "paris", daysAgo: 8, lines: [work("Mixage — 4 titres", 4, 35_000)] },
  { client: 3, at: "paris", daysAgo: 44, lines: [work("Enregistrement batterie — journée", 1, 64_000), work("Ingénieur du son — heures supplémentaires", 3, 6_500)], paid: 30_000, paidDaysAgo: 20 },
  { client: 5, at: "london", daysAgo: 52, lines: [work("Tracking session — Studio A", 2, 48_000)] },
  { client: 8, at: "paris", daysAgo: 78, lines: [work("Mastering — EP 6 titres", 6, 9_000)], paid: 20_000, paidDaysAgo: 50 },
  { client: 9, at: "paris", daysAgo: 105, lines: [work("Location salle B — semaine de résidence", 5, 38_000)] },
  { client: 12, at: "london", daysAgo: 140, lines: [work("Overdubs & editing", 10, 5_500)], paid: 15_000, paidDaysAgo: 110 },
  // Settled: in the invoice list, not in the report.
  { client: 2, at: "paris", daysAgo: 60, lines: [work("Prise de voix — demi-journée", 1, 28_000)], paid: 33_600, paidDaysAgo: 40 },
];

/**
 * Issues the demo's invoices and payments through the invoice and payment services, as if each was
 * issued and paid on its day: totals, VAT, numbering labels and statuses are the app's own.
 */
export function seedDemoInvoices(core: StudioCore, locationIds: Record<"paris" | "london", string>, clientIds: readonly string[]): void {
  const { invoices, payments } = core.documents;
  const now = core.now();
  // Oldest first: provisional labels, then final numbers, follow the issue dates as the law wants.
  for (const d of [...DEMO_INVOICES].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const draft = invoices.create({ clientId: clientIds[d.client]!, locationId: locationIds[d.at], lines: d.lines });
    const issued = invoices.issue(draft.id, now - d.daysAgo * DAY_MS);
    if (d.paid) payments.record({ invoiceId: issued.id, amountCents: d.paid, method: "bank_transfer", receivedOn: addDays(issued.issuedOn!, d.daysAgo - d.paidDaysAgo!) });
  }
}
