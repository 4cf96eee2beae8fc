import { PARIS, STUDIO_A, block, column, createByDrag, freeWednesday, openWeek } from "./calendar-helpers";
import { drawer, expect, goTo, openApp, row, screenshot, table, test } from "./fixtures";

test.use({ demo: true });

test("a payment taken at the booking drawer goes on its deposit invoice, and shows once on the client page", async ({ page, studio }) => {
  const day = freeWednesday();
  await openApp(page, studio);
  await openWeek(page, PARIS, day);
  await createByDrag(page, column(page, day, STUDIO_A), "14:00", "16:00", "Héloïse Mercier");

  // The deposit invoice, issued from the booking drawer.
  await block(page, "Héloïse Mercier").click();
  await drawer(page, "Réservation").getByTestId("booking-documents").getByRole("button", { name: "Facture d'acompte" }).click();
  const invoice = drawer(page, /^Facture d'acompte/);
  await invoice.getByRole("button", { name: "Émettre" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Émise");
  const due = await invoice.getByTestId("invoice-due").innerText();
  const number = (await invoice.getByRole("heading").first().innerText()).replace("Facture d'acompte ", "").trim();
  await page.keyboard.press("Escape");

  // Back at the booking: the deposit is taken by card.
  await openWeek(page, PARIS, day);
  await block(page, "Héloïse Mercier").click();
  const booking = drawer(page, "Réservation");
  await booking.getByPlaceholder("Montant reçu").fill(due);
  await booking.getByLabel("Moyen de paiement").selectOption({ label: "Carte" });
  await booking.getByTestId("payment-method").scrollIntoViewIfNeeded();
  await screenshot(page, "59-booking-payment-row");
  await booking.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "enregistré sur la facture de la réservation" })).toBeVisible();
  await expect(booking.getByText(new RegExp(`Payé : ${due.replace(/\s/g, "\\s")}`))).toBeVisible();
  await expect(booking.getByTestId("booking-payments").getByRole("listitem")).toHaveCount(1);
  await expect(booking.getByTestId("booking-payments")).toContainText(`Carte · ${number}`);
  await booking.getByTestId("booking-payments").scrollIntoViewIfNeeded();
  await screenshot(page, "59b-booking-payment-recorded");
  await page.keyboard.press("Escape");

  // The invoice is paid by that one payment.
  await goTo(page, "Factures");
  await row(table(page, "Factures"), number).click();
  const paid = drawer(page, /^Facture d'acompte/);
  await expect(page.getByTestId("invoice-status")).toHaveText("Payée");
  await expect(paid.locator(".doc-list li")).toHaveCount(1);
  await expect(paid.locator(".doc-list li")).toContainText("Carte");
  await page.keyboard.press("Escape");

  // The client's drawer: the payment once, with the invoice's number; the session among the upcoming ones.
  await goTo(page, "Clients");
  await row(table(page, "Clients"), "Héloïse Mercier").click();
  const payments = page.getByTestId("client-payments");
  await expect(payments.getByTestId("client-payment").filter({ hasText: number })).toHaveCount(1);
  await expect(payments.getByTestId("client-payment").filter({ hasText: number })).toContainText(due.replace(/\s/g, " ").replace(" €", ""));
  const sessions = page.getByTestId("client-sessions");
  await expect(sessions.getByTestId("client-session").filter({ hasText: "14:00–16:00" }).first()).toContainText("Studio A");
  await sessions.scrollIntoViewIfNeeded();
  await screenshot(page, "60-client-payments-sessions");
});

test("a hand-made invoice with two VAT rates, issued, then one line partly credited", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Factures");
  await page.getByRole("button", { name: "Nouvelle facture" }).click();
  const form = drawer(page, "Nouvelle facture");
  await form.getByRole("combobox", { name: /^Client/ }).fill("Label Nuit");
  await page.getByRole("option", { name: /^Label Nuit Blanche/ }).first().click();
  await form.getByLabel("Désignation 1").fill("Mixage (heures)");
  await form.getByLabel("Qté 1").fill("3");
  await form.getByLabel("Prix unitaire HT (€) 1").fill("200");
  await form.getByRole("button", { name: "Ajouter une ligne" }).click();
  await form.getByLabel("Désignation 2").fill("Livrets imprimés");
  await form.getByLabel("Qté 2").fill("10");
  await form.getByLabel("Prix unitaire HT (€) 2").fill("5");
  await form.getByLabel("TVA 2").selectOption({ label: "5,5 %" });
  const totals = form.getByTestId("new-invoice-totals");
  await expect(totals).toContainText("TVA 20 %");
  await expect(totals).toContainText("TVA 5,5 %");
  await expect(totals).toContainText(/772,75\s€/);
  await screenshot(page, "61-new-invoice-form");

  // A bad line is named, nothing is made.
  await form.getByLabel("Qté 2").fill("dix");
  await form.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(form.getByRole("alert")).toContainText("Ligne 2");
  await form.getByLabel("Qté 2").fill("10");
  await form.getByRole("button", { name: "Créer le brouillon" }).click();

  const invoice = drawer(page, /^Facture /);
  await expect(page.getByTestId("invoice-status")).toHaveText("Brouillon");
  await invoice.getByRole("button", { name: "Émettre" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Émise");
  await expect(invoice.getByTestId("invoice-totals")).toContainText("TVA 5,5 %");
  await expect(invoice.getByTestId("invoice-due")).toHaveText(/^772,75\s€$/);

  // One hour of mixing credited: the booklets line unticked, the quantity brought to 1.
  await invoice.getByRole("button", { name: "Faire un avoir" }).click();
  const dialog = page.getByRole("dialog", { name: "Faire un avoir" });
  await dialog.getByLabel("Créditer Livrets imprimés").uncheck();
  await dialog.getByLabel("Quantité créditée Mixage (heures)").fill("4");
  await expect(dialog.getByRole("button", { name: "Émettre l'avoir partiel" })).toBeEnabled();
  await dialog.getByRole("button", { name: "Émettre l'avoir partiel" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Ligne 1");
  await dialog.getByLabel("Quantité créditée Mixage (heures)").fill("1");
  await expect(dialog.getByTestId("credit-total")).toHaveText(/-240,00\s€/);
  await dialog.getByLabel("Motif").fill("Une heure non faite");
  await screenshot(page, "62-partial-credit-note-dialog");
  await dialog.getByRole("button", { name: "Émettre l'avoir partiel" }).click();

  const credit = drawer(page, /^Avoir/);
  await expect(credit.getByTestId("invoice-totals")).toContainText(/-240,00\s€/);
  await expect(credit.getByText("Mixage (heures)")).toBeVisible();
  await expect(credit.getByText("Livrets imprimés")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await row(table(page, "Factures"), "772,75").click();
  await expect(drawer(page, /^Facture /).getByTestId("invoice-due")).toHaveText(/^532,75\s€$/);

  // A second credit note starts from what is left: two hours of mixing, all the booklets.
  await drawer(page, /^Facture /).getByRole("button", { name: "Faire un avoir" }).click();
  const again = page.getByRole("dialog", { name: "Faire un avoir" });
  await expect(again.getByText("reste 2 à créditer")).toBeVisible();
  await expect(again.getByLabel("Quantité créditée Mixage (heures)")).toHaveValue("2");
  await expect(again.getByTestId("credit-total")).toHaveText(/-532,75\s€/);
});
