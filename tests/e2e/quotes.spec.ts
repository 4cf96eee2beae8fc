import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { STUDIO_A, freeWednesday } from "./calendar-helpers";
import { SCREENSHOTS, drawer, expect, goTo, listCount, openApp, row, screenshot, table, test } from "./fixtures";

test.use({ demo: true });

test.describe("quotes on a computer in another time zone", () => {
  // The desk's computer is in New York: the session's times are still typed and shown on the studio's clock (Paris).
  test.use({ timezoneId: "America/New_York" });

  test("a quote with an engineer, gear and a catalogue service: edited as a draft, sent, accepted into a hold with the engineer", async ({ page, studio }) => {
    const day = freeWednesday();
    await openApp(page, studio);
    await goTo(page, "Factures");

    // The catalogue gets a service the quote can offer.
    await page.getByRole("tab", { name: "Catalogue" }).click();
    await page.getByRole("button", { name: "Nouvelle prestation" }).click();
    const item = drawer(page, "Nouvelle prestation");
    await item.getByLabel("Nom").fill("Mixage par titre");
    await item.getByLabel("Unité").selectOption("unit");
    await item.getByLabel("Prix unitaire HT (€)").fill("250");
    await item.getByRole("button", { name: "Enregistrer" }).click();
    await expect(row(table(page, "Catalogue des prestations"), "Mixage par titre")).toContainText("250,00");

    // A new quote: one session in Studio A with Camille and two U 87s, two mixes at 10 % off, 30 % deposit.
    await page.getByRole("tab", { name: "Devis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Devis" })).toBeVisible();
    await page.getByRole("button", { name: "Nouveau devis" }).click();
    const create = drawer(page, "Nouveau devis");
    await create.getByLabel("Client").selectOption({ label: "Héloïse Mercier" });
    await create.getByRole("button", { name: "Ajouter une séance" }).click();
    await create.getByLabel("Salle").selectOption({ label: STUDIO_A });
    await create.getByLabel("Date de début", { exact: true }).fill(day);
    await create.getByLabel("Heure de début", { exact: true }).fill("14:00");
    await create.getByLabel("Date de fin", { exact: true }).fill(day);
    await create.getByLabel("Heure de fin", { exact: true }).fill("18:00");
    await expect(create.getByText("Heures du site (Europe/Paris).")).toBeVisible();
    await create.getByLabel("Ingénieur du son").selectOption({ label: "Camille Rousseau — 45,00 €/h" });
    await create.getByLabel("Ajouter du matériel…").selectOption({ label: "Neumann U 87 Ai" });
    await expect(create.getByLabel("Prix/jour HT (€)")).toHaveValue("40,00");
    await create.getByLabel("Qté").fill("2");
    await create.getByRole("button", { name: "Ajouter une prestation" }).click();
    await create.getByLabel("Prestation").selectOption({ label: "Mixage par titre" });
    await create.getByLabel("Quantité").fill("2");
    await create.getByLabel("Remise (%)").fill("10");
    await expect(create.getByLabel("Valable jusqu'au")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await screenshot(page, "50-quote-new");
    await create.getByRole("button", { name: "Créer le devis" }).click();

    // The created quote: room at its half-day rate, Camille 4 h × 45 €, 2 U 87 days × 40 €, the mixes.
    const quote = drawer(page, /^Devis /);
    await expect(page.getByTestId("quote-status")).toHaveText("Brouillon");
    const lines = quote.locator("table.doc-lines tbody tr");
    await expect(lines.filter({ hasText: STUDIO_A })).toContainText("340,00");
    await expect(lines.filter({ hasText: STUDIO_A })).toContainText("14:00");
    await expect(lines.filter({ hasText: "Camille Rousseau" })).toContainText("4 h");
    await expect(lines.filter({ hasText: "Camille Rousseau" })).toContainText("180,00");
    await expect(lines.filter({ hasText: "Neumann U 87 Ai" })).toContainText("80,00");
    await expect(quote).toContainText("Mixage par titre");
    // (340 + 180 + 80 + 2 × 250 × 0,9) € HT.
    await expect(page.getByTestId("quote-totals")).toContainText("1 050,00");

    // The draft is edited in the same form: the session now ends at 19:00.
    await quote.getByRole("button", { name: "Modifier" }).click();
    const edit = drawer(page, /^Modifier le devis /);
    await expect(edit.getByLabel("Heure de début", { exact: true })).toHaveValue("14:00");
    await expect(edit.getByLabel("Ingénieur du son")).toHaveValue(/.+/);
    await expect(edit.getByLabel("Qté")).toHaveValue("2");
    await edit.getByLabel("Heure de fin", { exact: true }).fill("19:00");
    await screenshot(page, "51-quote-edit-form");
    await edit.getByRole("button", { name: "Enregistrer le devis" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Devis modifié" })).toBeVisible();
    await expect(lines.filter({ hasText: "Camille Rousseau" })).toContainText("5 h");
    await expect(lines.filter({ hasText: "Camille Rousseau" })).toContainText("225,00");
    // Studio A: half day + 1 h overtime (435 €), Camille 225 €, gear 80 €, mixes 450 €.
    await expect(page.getByTestId("quote-totals")).toContainText("1 190,00");
    await screenshot(page, "51-quote-draft-edited-drawer");

    // Its PDF shows the engineer's hours and the gear.
    const download = page.waitForEvent("download");
    await quote.getByRole("button", { name: "PDF", exact: true }).click();
    const pdfFile = path.join(SCREENSHOTS, "54-quote-pdf.pdf");
    await (await download).saveAs(pdfFile);
    execFileSync("pdftoppm", ["-png", "-r", "80", "-singlefile", pdfFile, path.join(SCREENSHOTS, "54-quote-pdf")]);
    expect(fs.statSync(path.join(SCREENSHOTS, "54-quote-pdf.png")).size).toBeGreaterThan(10_000);

    await quote.getByRole("button", { name: "Envoyer" }).click();
    await expect(page.getByTestId("quote-status")).toHaveText("Envoyé");
    await expect(quote.getByRole("button", { name: "Modifier" })).toHaveCount(0);
    await quote.getByRole("button", { name: "Accepter" }).click();
    await expect(page.getByTestId("quote-status")).toHaveText("Accepté");
    await expect(page.getByTestId("quote-accepted")).toContainText("1 séance posée en option");
    await screenshot(page, "52-quote-accepted");

    // The deposit invoice opens from the quote.
    await page.getByTestId("deposit-invoice-link").click();
    await expect(drawer(page, /Facture d'acompte/)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(drawer(page, /Facture d'acompte/)).toHaveCount(0);

    // The hold: that day, Camille's, with the two microphones.
    await goTo(page, "Réservations");
    await page.getByLabel("Du", { exact: true }).fill(day);
    await page.getByLabel("Au", { exact: true }).fill(day);
    await page.getByLabel("Ingénieur ou équipe").selectOption({ label: "Camille Rousseau" });
    await expect.poll(() => listCount(page)).toBe(1);
    const hold = row(table(page, "Réservations"), "Héloïse Mercier");
    await expect(hold).toContainText("Option");
    await hold.click();
    const booking = page.getByRole("dialog", { name: "Réservation" });
    await expect(booking.getByRole("checkbox", { name: /Camille Rousseau/ })).toBeChecked();
    await expect(booking.getByLabel(/Quantité.*Neumann U 87 Ai/)).toHaveValue("2");
    await screenshot(page, "55-quote-hold-booking");
  });
});

test("contract templates: merge fields inserted from chips, unknown fields named, saved", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Contrats");
  await page.getByRole("tab", { name: "Modèles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modèles de contrat" })).toBeVisible();
  await page.getByRole("button", { name: "Nouveau modèle" }).click();
  const edit = drawer(page, "Nouveau modèle");
  await edit.getByLabel("Nom").fill("Location courte");
  await edit.getByLabel("Texte du modèle").fill("Entre {{studio.name}} et ");
  await edit.getByTestId("merge-fields").getByRole("button", { name: "{{client.name}}", exact: true }).click();
  await expect(edit.getByLabel("Texte du modèle")).toHaveValue("Entre {{studio.name}} et {{client.name}}");
  await edit.getByLabel("Texte du modèle").press("End");
  await edit.getByLabel("Texte du modèle").pressSequentially(", le {{client.nom}}.");
  await expect(edit.getByTestId("unknown-fields")).toContainText("{{client.nom}}");
  await screenshot(page, "53-template-editor");
  await edit.getByLabel("Texte du modèle").fill("Entre {{studio.name}} et {{client.name}}.");
  await expect(edit.getByTestId("unknown-fields")).toHaveCount(0);
  await edit.getByRole("button", { name: "Enregistrer" }).click();
  await expect(row(table(page, "Modèles de contrat"), "Location courte")).toContainText("Location de studio");
});
