import { PARIS, STUDIO_A, block, column, createByDrag, freeWednesday, openWeek } from "./calendar-helpers";
import { drawer, expect, goTo, openApp, row, screenshot, table, test } from "./fixtures";

test.use({ demo: true });

test("from a booking: a contract signed at the desk, then the deposit invoice issued and paid", async ({ page, studio }) => {
  const day = freeWednesday();
  await openApp(page, studio);
  await openWeek(page, PARIS, day);
  await createByDrag(page, column(page, day, STUDIO_A), "14:00", "16:00", "Héloïse Mercier");

  // The booking drawer offers the documents of this session.
  await block(page, "Héloïse Mercier").click();
  let panel = drawer(page, "Réservation");
  const docs = panel.getByTestId("booking-documents");
  await expect(docs.getByRole("button", { name: "Facture d'acompte" })).toBeVisible();
  await expect(docs.getByRole("button", { name: "Facture de solde" })).toBeVisible();
  await docs.getByRole("button", { name: "Contrat" }).click();

  // A new contract for the booking's client: the template merged, previewed before anything is made.
  await expect(page.getByRole("heading", { level: 1, name: "Contrats" })).toBeVisible();
  const create = drawer(page, "Nouveau contrat");
  await expect(create.getByLabel("Client")).toHaveValue(/.+/);
  const preview = create.getByTestId("contract-preview");
  await expect(preview).toContainText("Héloïse Mercier");
  await screenshot(page, "40-contract-preview");
  await create.getByRole("button", { name: "Créer le contrat" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contrat créé." })).toBeVisible();
  await expect(page.getByTestId("contract-status")).toHaveText("Brouillon");

  // Signed at the desk: name, role, and a signature drawn with the mouse on the canvas.
  await page.getByRole("button", { name: "Faire signer" }).click();
  const sign = page.getByRole("dialog", { name: "Signature du client" });
  await expect(sign.getByLabel("Nom du signataire")).toHaveValue("Héloïse Mercier");
  await sign.getByLabel("Qualité").fill("Artiste");
  const pad = sign.getByTestId("signature-pad");
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (const [dx, dy] of [[60, -50], [110, 20], [170, -40], [230, 15], [300, -30]] as const) {
    await page.mouse.move(box.x + 30 + dx, box.y + box.height * 0.7 + dy, { steps: 6 });
  }
  await page.mouse.up();
  await screenshot(page, "41-contract-sign-dialog");
  await sign.getByRole("button", { name: "Faire signer" }).click();
  await expect(sign).toHaveCount(0);
  await expect(page.getByTestId("contract-status")).toHaveText("Signé");
  await expect(page.getByTestId("contract-signatures")).toContainText("Signé par Héloïse Mercier (Artiste)");

  // The SHA-256 of the signed PDF checks out.
  await page.getByRole("button", { name: "Vérifier l'empreinte" }).click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-ok", "true");
  await screenshot(page, "42-contract-signed-verified");

  // The studio countersigns with a typed signature; the PDF downloads.
  await page.getByRole("button", { name: "Contresigner" }).click();
  const counter = page.getByRole("dialog", { name: "Contresignature du studio" });
  await counter.getByLabel("Nom du signataire").fill("Claire Dubois");
  await counter.getByLabel("Qualité").fill("Gérante");
  await counter.getByRole("button", { name: "Tapée" }).click();
  await counter.getByLabel("Signature tapée").fill("Claire Dubois");
  await counter.getByRole("button", { name: "Contresigner" }).click();
  await expect(counter).toHaveCount(0);
  await expect(page.getByTestId("contract-status")).toHaveText("Contresigné");
  await expect(page.getByTestId("contract-signatures")).toContainText("Contresigné par Claire Dubois (Gérante)");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "PDF", exact: true }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await page.keyboard.press("Escape");
  await expect(row(table(page, "Contrats"), "Héloïse Mercier")).toContainText("Contresigné");

  // Back to the booking: its deposit invoice.
  await openWeek(page, PARIS, day);
  await block(page, "Héloïse Mercier").click();
  panel = drawer(page, "Réservation");
  await expect(panel.getByTestId("booking-documents")).toBeVisible();
  await panel.getByTestId("booking-documents").scrollIntoViewIfNeeded();
  await screenshot(page, "43a-booking-drawer-documents");
  await panel.getByTestId("booking-documents").getByRole("button", { name: "Facture d'acompte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Factures" })).toBeVisible();
  const invoice = drawer(page, /^Facture d'acompte/);
  await expect(page.getByTestId("invoice-status")).toHaveText("Brouillon");
  await expect(invoice.getByTestId("invoice-totals")).toContainText("TVA 20 %");
  await invoice.getByRole("button", { name: "Émettre" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Émise");
  await screenshot(page, "43-deposit-invoice-issued");

  // A first part paid by card, then the rest by bank transfer.
  const due = await invoice.getByTestId("invoice-due").innerText();
  await invoice.getByLabel("Montant").fill("50");
  await invoice.getByLabel("Moyen de paiement").selectOption({ label: "Carte" });
  await invoice.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Partiellement payée");
  await expect(invoice.getByTestId("invoice-due")).not.toHaveText(due);
  await screenshot(page, "44-deposit-invoice-partly-paid");
  await invoice.getByLabel("Moyen de paiement").selectOption({ label: "Virement" });
  await invoice.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Payée");
  await expect(invoice.getByTestId("invoice-due")).toHaveText(/^0,00\s€$/);
  await screenshot(page, "45-deposit-invoice-paid");
  const invoicePdf = page.waitForEvent("download");
  await invoice.getByRole("button", { name: "PDF", exact: true }).click();
  expect((await invoicePdf).suggestedFilename()).toMatch(/\.pdf$/);
  await page.keyboard.press("Escape");
  await expect(row(table(page, "Factures"), "Héloïse Mercier")).toContainText("Payée");
  await screenshot(page, "46-invoices-list");

  // The client's drawer shows the balance and both documents.
  await goTo(page, "Clients");
  await row(table(page, "Clients"), "Héloïse Mercier").click();
  await expect(page.getByTestId("client-balance")).toContainText("Reste dû");
  await expect(page.getByTestId("client-documents")).toContainText("Facture d'acompte");
  await expect(page.getByTestId("client-documents")).toContainText("Contresigné");
  await screenshot(page, "47-client-balance-documents");
});

test("a balance invoice credited in full: the credit note is issued at once and nothing is left due", async ({ page, studio }) => {
  const day = freeWednesday();
  await openApp(page, studio);
  await openWeek(page, PARIS, day);
  await createByDrag(page, column(page, day, STUDIO_A), "10:00", "12:00", "Label Nuit Blanche");
  await block(page, "Label Nuit Blanche").click();
  await drawer(page, "Réservation").getByTestId("booking-documents").getByRole("button", { name: "Facture de solde" }).click();

  const invoice = drawer(page, /^Facture de solde/);
  await invoice.getByRole("button", { name: "Émettre" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Émise");
  await invoice.getByRole("button", { name: "Faire un avoir" }).click();
  const dialog = page.getByRole("dialog", { name: "Faire un avoir" });
  await dialog.getByLabel("Motif").fill("Séance offerte");
  await dialog.getByRole("button", { name: "Faire un avoir" }).click();

  const credit = drawer(page, /^Avoir/);
  await expect(credit).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Avoir émis" })).toBeVisible();
  await expect(page.getByTestId("invoice-status")).toHaveText("Émis");
  await expect(credit.getByTestId("invoice-totals")).toContainText("-228,00");
  await screenshot(page, "48-credit-note-issued");
  await page.keyboard.press("Escape");

  // The credited invoice owes nothing more.
  const list = table(page, "Factures");
  await expect(row(list, "Label Nuit Blanche")).toHaveCount(2); // the invoice, its credit note (the demo's own invoices are other clients')
  await row(list, "Facture de solde").click();
  await expect(drawer(page, /^Facture de solde/).getByText("Avoirs")).toBeVisible();
  await expect(drawer(page, /^Facture de solde/).getByTestId("invoice-due")).toHaveText(/^0,00\s€$/);

  // The same drawer in English.
  await page.keyboard.press("Escape");
  await page.getByRole("group", { name: "Langue" }).getByRole("button", { name: "EN" }).click();
  await row(table(page, "Invoices"), "Balance invoice").click();
  await expect(drawer(page, /^Balance invoice/).getByText("Credit notes")).toBeVisible();
  await screenshot(page, "49-credited-invoice-en");
});
