import { STUDIO_A, freeWednesday } from "./calendar-helpers";
import { drawer, expect, goTo, openApp, row, screenshot, table, test } from "./fixtures";

test.use({ demo: true });

test("a quote with a session and a catalogue service: sent, accepted, its holds and deposit invoice", async ({ page, studio }) => {
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

  // A new quote: client, one session in Studio A, two mixes at 10 % off, 30 % deposit.
  await page.getByRole("tab", { name: "Devis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Devis" })).toBeVisible();
  await page.getByRole("button", { name: "Nouveau devis" }).click();
  const create = drawer(page, "Nouveau devis");
  await create.getByLabel("Client").selectOption({ label: "Héloïse Mercier" });
  await create.getByRole("button", { name: "Ajouter une séance" }).click();
  await create.getByLabel("Salle").selectOption({ label: STUDIO_A });
  await create.getByLabel("Début").fill(`${day}T14:00`);
  await create.getByLabel("Fin").fill(`${day}T18:00`);
  await create.getByRole("button", { name: "Ajouter une prestation" }).click();
  await create.getByLabel("Prestation").selectOption({ label: "Mixage par titre" });
  await create.getByLabel("Quantité").fill("2");
  await create.getByLabel("Remise (%)").fill("10");
  await expect(create.getByLabel("Valable jusqu'au")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await screenshot(page, "50-quote-new");
  await create.getByRole("button", { name: "Créer le devis" }).click();

  // The created quote: its lines and totals from the core.
  const quote = drawer(page, /^Devis /);
  await expect(page.getByTestId("quote-status")).toHaveText("Brouillon");
  await expect(quote).toContainText(STUDIO_A);
  await expect(quote).toContainText("Mixage par titre");
  await expect(page.getByTestId("quote-totals")).toContainText("Total TTC");

  await quote.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByTestId("quote-status")).toHaveText("Envoyé");
  await quote.getByRole("button", { name: "Accepter" }).click();
  await expect(page.getByTestId("quote-status")).toHaveText("Accepté");
  await expect(page.getByTestId("quote-accepted")).toContainText("1 séance posée en option");
  await screenshot(page, "51-quote-accepted");

  // The deposit invoice opens from the quote.
  await page.getByTestId("deposit-invoice-link").click();
  await expect(drawer(page, /Facture d'acompte/)).toBeVisible();
  await screenshot(page, "52-quote-deposit-invoice");
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
