import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { getErrorShape, type ErrorHandlerOptions } from "@trpc/server/unstable-core-do-not-import";
import { afterAll, describe, expect, it } from "vitest";
import { testPngDataUrl } from "../../documents/test-png";
import { bookingAt, bookingWorlds, type BookingWorld } from "../../services/booking/booking-test-fixtures";
import { appRouter, createCoreCaller } from "../app-router";
import type { CoreContext } from "../trpc";

const world = bookingWorlds();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-docpdf-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const SHOTS = path.resolve("test-results/screenshots");

/** The PDF's text as pdftotext (poppler) reads it, layout kept; page 1 also rendered to a PNG to look at. */
function readPdf(file: { filename: string; base64: string }, shot?: string): string {
  const pdf = path.join(scratch, file.filename);
  fs.writeFileSync(pdf, Buffer.from(file.base64, "base64"));
  if (shot) {
    fs.mkdirSync(SHOTS, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(SHOTS, shot)]);
  }
  // Lines wrap where the page is full: compared with single spaces.
  return execFileSync("pdftotext", [pdf, "-"]).toString("utf8").replace(/\s+/g, " ");
}

async function failure(w: BookingWorld, call: (caller: ReturnType<typeof createCoreCaller>) => Promise<unknown>) {
  let seen: ErrorHandlerOptions<CoreContext> | undefined;
  const caller = createCoreCaller({ core: w.core }, { onError: (opts) => (seen = opts) });
  await expect(call(caller)).rejects.toBeInstanceOf(TRPCError);
  return getErrorShape({ config: appRouter._def._config, error: seen!.error, type: seen!.type, path: seen!.path, input: seen!.input, ctx: seen!.ctx });
}

const PEN = testPngDataUrl();

describe("documents router", () => {
  it("from a booking: contract made and signed, deposit invoice issued and paid; PDFs carry what a label checks", async () => {
    const w = world();
    const caller = createCoreCaller({ core: w.core });
    w.core.clients.update(w.labelClient, { address: "8 rue Oberkampf, 75011 Paris", vatNumber: "FR40123456824", email: "sarah@nuitblanche.fr" });
    await caller.documents.profile.update({
      legalName: "Studio Lumière SAS", address: "12 rue Frochot, 75009 Paris", vatNumber: "FR12345678901", siret: "123 456 789 00012",
      legalForm: "SAS", shareCapital: "10 000 €", rcs: "RCS Paris 123 456 789", iban: "FR76 3000 6000 0112 3456 7890 189", bic: "AGRIFRPP",
    });
    const { booking } = await caller.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 18:00", {
      clientId: w.labelClient, staffIds: [w.camille], projectName: "Nuit Blanche — premier album", title: "Voix lead, titre « Ivresse »",
    }));

    const template = (await caller.documents.templates.list()).find((t) => t.kind === "studio_rental" && t.language === "fr")!;
    const contract = await caller.documents.contracts.create({ templateId: template.id, clientId: w.labelClient, bookingIds: [booking.id] });
    const signed = await caller.documents.contracts.sign({ id: contract.id, signerName: "Sarah Cohen", signerRole: "Gérante", signature: { kind: "drawn", dataUrl: PEN } });
    expect(signed.status).toBe("signed");
    expect((await caller.documents.contracts.verify({ id: contract.id })).signed?.ok).toBe(true);
    const contractText = readPdf(await caller.documents.contracts.pdf({ id: contract.id }), "contract-signed");
    for (const expected of ["CONTRAT DE LOCATION DE STUDIO", "Label Nuit Blanche", "3 juin 2026, 14:00 – 18:00", "Studio Lumière SAS", "Journal de signature", "Sarah Cohen", "Gérante", signed.signedHash ? "SHA-256" : "?"]) {
      expect(contractText).toContain(expected);
    }
    const update = await failure(w, (c) => c.documents.contracts.update({ id: contract.id, patch: { body: "x" } }));
    expect(update.data).toMatchObject({ appCode: "CONTRACT_SIGNED" });

    const deposit = await caller.documents.invoices.fromBookings({ bookingIds: [booking.id], purpose: "deposit" });
    const issued = await caller.documents.invoices.issue({ id: deposit.id });
    const paid = await caller.documents.payments.record({ invoiceId: deposit.id, amountCents: 10000, method: "card" });
    expect(paid.invoice.status).toBe("partly_paid");
    expect((await caller.documents.clients.balance({ clientId: w.labelClient })).dueCents).toBe(issued.totalCents - 10000);
    const docs = await caller.documents.clients.documents({ clientId: w.labelClient });
    expect([docs.invoices.length, docs.contracts.length, docs.payments.length]).toEqual([1, 1, 1]);

    const pdf = await caller.documents.invoices.pdf({ id: deposit.id });
    expect(pdf.filename).toBe(`facture-${issued.displayNumber}.pdf`);
    const text = readPdf(pdf, "invoice-deposit");
    for (const expected of [
      "FACTURE D'ACOMPTE", `N° provisoire ${issued.displayNumber}`, "Studio Lumière SAS", "12 rue Frochot, 75009 Paris", "N° TVA intracommunautaire FR12345678901",
      "SIRET 123 456 789 00012", "Label Nuit Blanche", "8 rue Oberkampf, 75011 Paris", "N° TVA intracommunautaire FR40123456824",
      "mer. 3 juin 2026, 14:00 – 18:00", "Projet : Nuit Blanche — premier album", "Voix lead, titre « Ivresse »", "Acompte 30 %", "TVA 20 %", "Total TTC",
      "Déjà réglé", "Reste à payer", "Paiement à 30 jours, au plus tard le 1 juillet 2026", "IBAN FR76 3000 6000 0112 3456 7890 189",
      "indemnité forfaitaire pour frais de recouvrement de 40 €", "SAS au capital de 10 000 €", "RCS Paris 123 456 789",
    ]) expect(text).toContain(expected);
    expect(text).toContain(`${(issued.totalCents / 100).toFixed(2).replace(".", ",")} €`);
  });

  it("a quote's PDF prints its lines, discounts, VAT per rate and validity", async () => {
    const w = world();
    const caller = createCoreCaller({ core: w.core });
    const book = await caller.documents.serviceItems.create({ name: "Livret CD (impression)", unit: "unit", unitPriceCents: 999, vatBp: 550 });
    const s = bookingAt(w, "2026-06-04 10:00", "2026-06-04 14:00");
    const quote = await caller.documents.quotes.create({
      clientId: w.heloise, sessions: [{ locationId: w.locationId, roomIds: [w.studioA], startsAt: s.startsAt, endsAt: s.endsAt, projectName: "EP Mercier" }],
      sessionDiscountBp: 1000, services: [{ serviceItemId: book.id, quantityMilli: 100000 }],
    });
    const sent = await caller.documents.quotes.send({ id: quote.id });
    const text = readPdf(await caller.documents.quotes.pdf({ id: quote.id }), "quote");
    for (const expected of ["DEVIS", `N° provisoire ${sent.displayNumber}`, "Héloïse Mercier", "Studio A", "jeu. 4 juin 2026, 10:00 – 14:00", "Projet : EP Mercier",
      "10 %", "Livret CD (impression)", "100", "TVA 5,5 %", "TVA 20 %", "Valable jusqu'au", "1 juillet 2026", "Acompte demandé à l'acceptation"]) {
      expect(text).toContain(expected);
    }
  });

  it("an English-speaking client's invoice, its PDF and its mail are in English; a French client's stay French", async () => {
    const w = world();
    const caller = createCoreCaller({ core: w.core });
    const client = await caller.clients.create({ kind: "company", name: "Brick Lane Sound Ltd", contactName: "Daniel Reid", email: "daniel@bricklane.co.uk", documentLanguage: "en" });
    const { booking } = await caller.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: client.id }));
    const inv = await caller.documents.invoices.issue({ id: (await caller.documents.invoices.fromBookings({ bookingIds: [booking.id], purpose: "standard" })).id });
    const pdf = await caller.documents.invoices.pdf({ id: inv.id });
    expect(pdf.filename).toBe(`invoice-${inv.displayNumber}.pdf`);
    const text = readPdf(pdf, "invoice-english");
    for (const expected of ["INVOICE", `Provisional no. ${inv.displayNumber}`, "Brick Lane Sound Ltd", "Wed, 3 June 2026, 14:00 – 16:00", "Total incl. VAT", "€228.00", "Payable within 30 days"]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Total TTC");
    const mail = await caller.documents.emails.send({ documentKind: "invoice", documentId: inv.id });
    expect(mail).toMatchObject({ subject: `Invoice ${inv.displayNumber} — ${w.core.studio.get().name}`, attachmentName: pdf.filename });

    // Lines made for this client are worded in English too: deposits and quote sessions.
    const deposit = await caller.documents.invoices.fromBookings({ bookingIds: [booking.id], purpose: "deposit" });
    expect(deposit.lines.map((l) => l.label)).toEqual(["Deposit 30%"]);
    const s = bookingAt(w, "2026-06-05 14:00", "2026-06-05 18:00");
    const quote = await caller.documents.quotes.create({
      clientId: client.id, sessions: [{ locationId: w.locationId, roomIds: [w.studioA], staffIds: [w.camille], equipment: [{ equipmentId: w.u87, quantity: 2 }], startsAt: s.startsAt, endsAt: s.endsAt }],
    });
    expect(quote.lines.map((l) => l.detail)).toEqual(expect.arrayContaining(["Sound engineer", "Equipment hire · 2 × 1 day"]));

    // Switched back to French, the same invoice prints in French.
    await caller.clients.update({ id: client.id, patch: { documentLanguage: "fr" } });
    expect(readPdf(await caller.documents.invoices.pdf({ id: inv.id }))).toContain("Total TTC");
    const bad = await failure(w, (c) => c.clients.update({ id: client.id, patch: { documentLanguage: "de" as "fr" } }));
    expect(bad.data).toMatchObject({ appCode: "VALIDATION_FAILED" });
  });

  it("a credit note's PDF names the invoice it credits, with negative amounts", async () => {
    const w = world();
    const caller = createCoreCaller({ core: w.core });
    const { booking } = await caller.bookings.create(bookingAt(w, "2026-06-03 14:00", "2026-06-03 16:00", { clientId: w.heloise }));
    const inv = await caller.documents.invoices.issue({ id: (await caller.documents.invoices.fromBookings({ bookingIds: [booking.id], purpose: "standard" })).id });
    const credit = await caller.documents.invoices.creditNote({ invoiceId: inv.id });
    const text = readPdf(await caller.documents.invoices.pdf({ id: credit.id }), "credit-note");
    expect(text).toContain("AVOIR");
    expect(text).toContain(`Avoir sur la facture ${inv.displayNumber}`);
    expect(text).toContain(`-${(inv.totalCents / 100).toFixed(2).replace(".", ",")} €`);
    const again = await failure(w, (c) => c.documents.invoices.creditNote({ invoiceId: inv.id }));
    expect(again.data).toMatchObject({ appCode: "CREDIT_EXCEEDS_INVOICE" });
  });
});
