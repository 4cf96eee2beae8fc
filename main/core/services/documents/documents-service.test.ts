import { describe, expect, it } from "vitest";
import { computeTotals } from "../../../../shared/documents/document-totals";
import { testPngDataUrl } from "../../documents/test-png";
import { AppError } from "../../errors";
import { bookingAt, bookingWorlds, type BookingWorld, codeOf } from "../booking/booking-test-fixtures";

const world = bookingWorlds();
async function asyncCodeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return "no error";
}

function book(w: BookingWorld, start = "2026-06-03 14:00", end = "2026-06-03 18:00") {
  return w.core.bookings.create(bookingAt(w, start, end, { clientId: w.labelClient, projectName: "Premier album", title: "Voix lead" })).booking;
}

const PNG = testPngDataUrl();

describe("contract templates", () => {
  it("a new studio has the four templates in French and English, without writing them until one is changed", () => {
    const w = world();
    const t = w.core.documents.settings.templates();
    expect(t.map((x) => `${x.kind}/${x.language}`)).toEqual([
      "mixing_mastering/en", "mixing_mastering/fr", "producer_work_for_hire/en", "producer_work_for_hire/fr",
      "recording_agreement/en", "recording_agreement/fr", "studio_rental/en", "studio_rental/fr",
    ]);
    expect(w.core.outbox.pending().filter((m) => m.entity === "contract_template")).toHaveLength(0);

    const rental = t.find((x) => x.kind === "studio_rental" && x.language === "fr")!;
    const edited = w.core.documents.settings.updateTemplate({ id: rental.id, patch: { body: "Location pour {{client.name}}." } });
    expect(edited).toMatchObject({ id: rental.id, name: "Location de studio", body: "Location pour {{client.name}}." });
    expect(w.core.outbox.pending().filter((m) => m.entity === "contract_template").map((m) => m.rowId)).toEqual([rental.id]);
    expect(w.core.documents.settings.templates()).toHaveLength(8);

    w.core.documents.settings.archiveTemplate(t[0]!.id);
    expect(w.core.documents.settings.templates().map((x) => x.id)).not.toContain(t[0]!.id);
    expect(w.core.documents.settings.templates(true)).toHaveLength(8);
  });
});

describe("contracts", () => {
  it("from a booking: merged in the location's zone, signed, hashed, frozen, verified, countersigned", async () => {
    const w = world();
    const booking = book(w);
    const template = w.core.documents.settings.templates().find((t) => t.kind === "recording_agreement" && t.language === "fr")!;
    const preview = w.core.documents.contracts.preview({ templateId: template.id, clientId: w.labelClient, bookingIds: [booking.id] });
    expect(preview.unknownFields).toEqual([]);
    expect(preview.body).toContain("Label Nuit Blanche");
    expect(preview.body).toContain("« Premier album »");
    expect(preview.body).toContain("3 juin 2026, 14:00 – 18:00 (Studio A)");

    const contract = w.core.documents.contracts.create({ templateId: template.id, clientId: w.labelClient, bookingIds: [booking.id] });
    expect(contract.status).toBe("draft");
    const signed = await w.core.documents.contracts.sign({ id: contract.id, signerName: "Sarah Cohen", signerRole: "Gérante", signature: { kind: "drawn", dataUrl: PNG } });
    expect(signed.status).toBe("signed");
    expect(signed.signedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.provisionalNumber).toMatch(/^PROV-/);

    expect(codeOf(() => w.core.documents.contracts.update({ id: contract.id, patch: { body: "autre chose" } }))).toBe("CONTRACT_SIGNED");
    expect(await asyncCodeOf(() => w.core.documents.contracts.sign({ id: contract.id, signerName: "X", signerRole: "Y", signature: { kind: "typed", text: "X" } }))).toBe("CONTRACT_SIGNED");
    expect((await w.core.documents.contracts.verify(contract.id)).signed).toMatchObject({ ok: true, stored: signed.signedHash });

    // The downloaded signed PDF is the very file whose hash was stored.
    const pdf = await w.core.documents.contracts.pdf(contract.id);
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(Buffer.from(pdf.base64, "base64")).digest("hex")).toBe(signed.signedHash);

    const counter = await w.core.documents.contracts.countersign({ id: contract.id, signerName: "Max Durand", signerRole: "Directeur du studio", signature: { kind: "typed", text: "Max Durand" } });
    expect(counter.status).toBe("countersigned");
    const both = await w.core.documents.contracts.verify(contract.id);
    expect(both.signed?.ok).toBe(true);
    expect(both.countersigned?.ok).toBe(true);

    // A change made around the core (straight into the file) no longer matches the stored hash.
    w.core.db.prepare("UPDATE contracts SET body = body || ' (modifié)' WHERE id = ?").run(contract.id);
    const tampered = await w.core.documents.contracts.verify(contract.id);
    expect(tampered.signed?.ok).toBe(false);
    expect(tampered.countersigned?.ok).toBe(false);
  });

  it("refuses a template naming a field the data does not have, and reports it in the preview", () => {
    const w = world();
    const t = w.core.documents.settings.createTemplate({ kind: "studio_rental", language: "fr", name: "Perso", body: "Pour {{client.name}} {{client.surnom}}" });
    expect(w.core.documents.contracts.preview({ templateId: t.id, clientId: w.heloise }).unknownFields).toEqual(["client.surnom"]);
    expect(codeOf(() => w.core.documents.contracts.create({ templateId: t.id, clientId: w.heloise }))).toBe("MERGE_FIELDS_UNKNOWN");
  });

  it("refuses bookings of another client", () => {
    const w = world();
    const b = book(w);
    const t = w.core.documents.settings.templates()[0]!;
    expect(codeOf(() => w.core.documents.contracts.create({ templateId: t.id, clientId: w.heloise, bookingIds: [b.id] }))).toBe("VALIDATION_FAILED");
  });
});

describe("invoices and payments", () => {
  it("deposit invoice: issued with a provisional label, paid in two parts, the booking's paid amount follows", () => {
    const w = world();
    const b = book(w);
    const deposit = w.core.documents.invoices.createFromBookings({ bookingIds: [b.id], purpose: "deposit" });
    expect(deposit.status).toBe("draft");
    expect(deposit.totalCents).toBe(Math.round(b.totalCents * 0.3));
    expect(deposit.lines[0]).toMatchObject({ kind: "deposit", bookingId: b.id, projectName: "Premier album" });
    expect(codeOf(() => w.core.documents.payments.record({ invoiceId: deposit.id, amountCents: 100, method: "cash" }))).toBe("INVALID_TRANSITION");

    const issued = w.core.documents.invoices.issue(deposit.id);
    expect(issued).toMatchObject({ status: "issued", number: null, issuedOn: "2026-06-01", dueOn: "2026-07-01" });
    expect(issued.displayNumber).toMatch(/^PROV-[0-9a-z]{8}-\d+$/);
    expect(codeOf(() => w.core.documents.invoices.update({ id: deposit.id, patch: { notes: "x" } }))).toBe("DOCUMENT_LOCKED");

    const first = w.core.documents.payments.record({ invoiceId: deposit.id, amountCents: 5000, method: "card" });
    expect(first.invoice).toMatchObject({ status: "partly_paid", paidCents: 5000, dueCents: issued.totalCents - 5000 });
    expect(codeOf(() => w.core.documents.payments.record({ invoiceId: deposit.id, amountCents: issued.totalCents, method: "cash" }))).toBe("PAYMENT_EXCEEDS_DUE");
    const second = w.core.documents.payments.record({ invoiceId: deposit.id, amountCents: issued.totalCents - 5000, method: "bank_transfer", reference: "VIR 123" });
    expect(second.invoice).toMatchObject({ status: "paid", dueCents: 0 });
    expect(w.core.bookings.get(b.id).paidCents).toBe(issued.totalCents);
    expect(w.core.documents.clientBalance(w.labelClient)).toMatchObject({ invoicedCents: issued.totalCents, paidCents: issued.totalCents, dueCents: 0 });
    expect(codeOf(() => w.core.documents.invoices.void({ id: deposit.id }))).toBe("INVALID_TRANSITION");
  });

  it("the balance invoice takes back the deposit: deposit + balance = the booking's price", () => {
    const w = world();
    const b = book(w);
    const deposit = w.core.documents.invoices.issue(w.core.documents.invoices.createFromBookings({ bookingIds: [b.id], purpose: "deposit" }).id);
    const balance = w.core.documents.invoices.createFromBookings({ bookingIds: [b.id], purpose: "balance" });
    expect(balance.lines.at(-1)).toMatchObject({ kind: "deposit_deduction", quantityMilli: -1000 });
    expect(deposit.totalCents + balance.totalCents).toBe(b.totalCents);
    expect(balance.vatByRate).toEqual(computeTotals(balance.lines).vatByRate);
  });

  it("credit notes are negative, name their invoice, and never exceed it", () => {
    const w = world();
    const b = book(w);
    const inv = w.core.documents.invoices.issue(w.core.documents.invoices.createFromBookings({ bookingIds: [b.id], purpose: "standard" }).id);
    const credit = w.core.documents.invoices.creditNote({ invoiceId: inv.id, reason: "Séance annulée" });
    expect(credit).toMatchObject({ kind: "credit_note", status: "issued", creditedInvoiceId: inv.id, totalCents: -inv.totalCents });
    expect(w.core.documents.invoices.get(inv.id)).toMatchObject({ creditedCents: -inv.totalCents, dueCents: 0 });
    expect(codeOf(() => w.core.documents.invoices.creditNote({ invoiceId: inv.id }))).toBe("CREDIT_EXCEEDS_INVOICE");
    expect(w.core.documents.clientBalance(w.labelClient).dueCents).toBe(0);
  });

  it("an unpaid invoice past its due date reads as overdue", () => {
    const w = world();
    const inv = w.core.documents.invoices.issue(w.core.documents.invoices.createFromBookings({ bookingIds: [book(w).id], purpose: "standard" }).id);
    w.clock.advance(31 * 86_400_000);
    expect(w.core.documents.invoices.get(inv.id).status).toBe("overdue");
  });
});

describe("quotes", () => {
  it("priced from sessions and the catalogue; accepted: holds and a deposit invoice, in one step", () => {
    const w = world();
    const mastering = w.core.documents.settings.createServiceItem({ name: "Mastering (par titre)", unit: "unit", unitPriceCents: 8000, vatBp: 2000 });
    const quote = w.core.documents.quotes.create({
      clientId: w.heloise,
      sessions: [{ locationId: w.locationId, roomIds: [w.studioA], startsAt: bookingAt(w, "2026-06-04 10:00", "2026-06-04 12:00").startsAt, endsAt: bookingAt(w, "2026-06-04 10:00", "2026-06-04 12:00").endsAt }],
      sessionDiscountBp: 1000,
      services: [{ serviceItemId: mastering.id, quantityMilli: 3000 }],
    });
    expect(quote.lines.map((l) => [l.kind, l.discountBp])).toEqual([["room", 1000], ["service", 0]]);
    // 2 h of Studio A at 95 €/h less 10 % = 171 €, plus 3 × 80 €; 20 % VAT.
    expect(quote.netCents).toBe(17100 + 24000);
    expect(quote.totalCents).toBe(Math.round((17100 + 24000) * 1.2));
    expect(quote.validUntil).toBe("2026-07-01");
    expect(quote.depositBp).toBe(5000);

    const sent = w.core.documents.quotes.send(quote.id);
    expect(sent.status).toBe("sent");
    const accepted = w.core.documents.quotes.accept(quote.id);
    expect(accepted.quote.status).toBe("accepted");
    expect(accepted.bookingIds).toHaveLength(1);
    expect(w.core.bookings.get(accepted.bookingIds[0]!).status).toBe("hold");
    expect(accepted.depositInvoice).toMatchObject({ purpose: "deposit", quoteId: quote.id, totalCents: Math.round(quote.totalCents / 2) });
    expect(codeOf(() => w.core.documents.quotes.accept(quote.id))).toBe("INVALID_TRANSITION");

    w.core.documents.invoices.issue(accepted.depositInvoice!.id);
    const final = w.core.documents.quotes.invoice(quote.id);
    expect(final.purpose).toBe("balance");
    expect(final.totalCents + accepted.depositInvoice!.totalCents).toBe(quote.totalCents);
  });

  it("a draft's update keeps what the patch leaves out; a sent quote is locked", () => {
    const w = world();
    const item = w.core.documents.settings.createServiceItem({ name: "Mastering", unit: "unit", unitPriceCents: 8000 });
    const s = bookingAt(w, "2026-06-04 10:00", "2026-06-04 12:00");
    const q = w.core.documents.quotes.create({
      clientId: w.heloise, sessions: [{ locationId: w.locationId, roomIds: [w.studioA], startsAt: s.startsAt, endsAt: s.endsAt }], sessionDiscountBp: 1000,
      services: [{ serviceItemId: item.id, quantityMilli: 2000 }], lines: [{ kind: "custom", label: "Copies", quantityMilli: 1000, unitPriceCents: 500 }],
    });
    const longer = bookingAt(w, "2026-06-04 10:00", "2026-06-04 13:00");
    const updated = w.core.documents.quotes.update({ id: q.id, patch: { sessions: [{ locationId: w.locationId, roomIds: [w.studioA], startsAt: longer.startsAt, endsAt: longer.endsAt }] } });
    expect(updated.lines.map((l) => [l.kind, l.unitPriceCents, l.discountBp])).toEqual([["room", 28500, 1000], ["custom", 500, 0], ["service", 8000, 0]]);
    w.core.documents.quotes.send(q.id);
    expect(codeOf(() => w.core.documents.quotes.update({ id: q.id, patch: { notes: "x" } }))).toBe("QUOTE_NOT_DRAFT");
  });

  it("accepting a quote whose session collides books nothing and drafts nothing", () => {
    const w = world();
    book(w, "2026-06-04 10:00", "2026-06-04 12:00");
    const s = bookingAt(w, "2026-06-04 11:00", "2026-06-04 13:00");
    const quote = w.core.documents.quotes.create({ clientId: w.heloise, sessions: [{ locationId: w.locationId, roomIds: [w.studioA], startsAt: s.startsAt, endsAt: s.endsAt }] });
    const before = w.core.outbox.pending().length;
    expect(codeOf(() => w.core.documents.quotes.accept(quote.id))).toBe("BOOKING_REFUSED");
    expect(w.core.outbox.pending().length).toBe(before);
    expect(w.core.documents.quotes.get(quote.id).status).toBe("draft");
  });
});

describe("mail queue", () => {
  it("queues a document's mail with its PDF, offline, as a synced row", async () => {
    const w = world();
    w.core.clients.update(w.labelClient, { email: "sarah@nuitblanche.fr" });
    const inv = w.core.documents.invoices.issue(w.core.documents.invoices.createFromBookings({ bookingIds: [book(w).id], purpose: "deposit" }).id);
    const mail = await w.core.documents.send({ documentKind: "invoice", documentId: inv.id });
    expect(mail).toMatchObject({ to: "sarah@nuitblanche.fr", status: "queued", documentKind: "invoice" });
    expect(mail.attachmentName).toBe(`facture-${inv.displayNumber}.pdf`);
    const queued = w.core.outbox.pending().find((m) => m.entity === "document_email")!;
    expect(Buffer.from(String(queued.changes["attachmentBase64"]), "base64").subarray(0, 5).toString()).toBe("%PDF-");
    expect(w.core.documents.emails.list(inv.id)).toHaveLength(1);
    const q = w.core.documents.quotes.create({ clientId: w.heloise, lines: [{ kind: "custom", label: "Forfait", quantityMilli: 1000, unitPriceCents: 1000 }] });
    expect(await asyncCodeOf(() => w.core.documents.send({ documentKind: "quote", documentId: q.id }))).toBe("NO_RECIPIENT");
  });
});

describe("permissions through the core's guard", () => {
  function actingAs(w: BookingWorld, role: string): void {
    w.core.db.prepare(
      `INSERT INTO account_session (singleton, server_url, tenant_id, user_id, email, role, device_id, connected_at, access)
       VALUES (1, 'http://sync.test', ?, 'u1', 'desk@studio.fr', ?, 'd1', '2026-06-01T09:00:00.000Z', ?)`,
    ).run(w.core.studio.get().tenantId, role, JSON.stringify({ role, locationIds: null, delegations: [] }));
  }

  it("the front desk records payments, takes signatures and makes quotes; invoices and the catalogue are refused to it, writing nothing", async () => {
    const w = world();
    const b = book(w);
    const owner = w.core.documents.invoices.issue(w.core.documents.invoices.createFromBookings({ bookingIds: [b.id], purpose: "deposit" }).id);
    const template = w.core.documents.settings.templates()[0]!;
    actingAs(w, "front_desk");
    const before = w.core.outbox.pending().length;
    expect(codeOf(() => w.core.documents.invoices.createFromBookings({ bookingIds: [b.id], purpose: "balance" }))).toBe("FORBIDDEN");
    expect(codeOf(() => w.core.documents.invoices.void({ id: owner.id }))).toBe("FORBIDDEN");
    expect(codeOf(() => w.core.documents.settings.createServiceItem({ name: "Mastering", unit: "unit", unitPriceCents: 1000 }))).toBe("FORBIDDEN");
    expect(w.core.outbox.pending().length).toBe(before);
    expect(w.core.documents.payments.record({ invoiceId: owner.id, amountCents: 1000, method: "cash" }).invoice.status).toBe("partly_paid");
    const contract = w.core.documents.contracts.create({ templateId: template.id, clientId: w.labelClient, bookingIds: [b.id] });
    expect((await w.core.documents.contracts.sign({ id: contract.id, signerName: "Sarah Cohen", signerRole: "Gérante", signature: { kind: "typed", text: "S. Cohen" } })).status).toBe("signed");
    expect(w.core.documents.quotes.create({ clientId: w.heloise, lines: [{ kind: "custom", label: "Forfait", quantityMilli: 1000, unitPriceCents: 5000 }] }).status).toBe("draft");
  });
});
