import { expect, goTo, openApp, row, sidebar, table, test } from "./fixtures";

test.describe("first run on an empty data folder", () => {
  test("the welcome page offers the demo and a 3-step setup that lands in the new studio", async ({ page, studio }) => {
    await openApp(page, studio);
    await expect(page.getByRole("heading", { level: 1, name: "Bienvenue dans Recording Studio Manager" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Explorer le studio de démonstration" })).toBeVisible();
    await expect(sidebar(page)).toHaveCount(0);

    const createCard = page.locator(".card").filter({ has: page.getByRole("heading", { name: "Créer mon studio" }) });
    await createCard.getByRole("button", { name: "Commencer" }).click();

    // Step 1: the studio. Nothing typed yet: the step refuses to go on and says why.
    await expect(page.getByText("Étape 1 sur 3")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Votre studio" })).toBeVisible();
    await expect(page.getByLabel("Nom du studio")).toBeFocused();
    await page.getByRole("button", { name: "Suivant" }).click();
    await expect(page.getByText("Ce champ est obligatoire.")).toBeVisible();
    await expect(page.getByText(/Corrigez les champs signalés/)).toBeVisible();
    await expect(page.getByText("Étape 1 sur 3")).toBeVisible();
    await page.getByLabel("Nom du studio").fill("Studio Écho");
    await expect(page.getByLabel("Devise")).toHaveValue("EUR");
    await page.getByRole("button", { name: "Suivant" }).click();

    // Step 2: the first location, in Paris time, with its opening hours.
    await expect(page.getByText("Étape 2 sur 3")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Premier site" })).toBeVisible();
    await expect(page.getByText("Horaires d'ouverture")).toBeVisible();
    await page.getByLabel("Nom", { exact: true }).fill("Écho Montreuil");
    await page.getByLabel("Fuseau horaire").selectOption("Europe/Paris");
    await page.getByLabel("Adresse").fill("12 rue de Paris, 93100 Montreuil");
    await page.getByRole("button", { name: "Suivant" }).click();

    // Step 3: the first room and its rates.
    await expect(page.getByText("Étape 3 sur 3")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Première salle" })).toBeVisible();
    await page.getByLabel("Nom", { exact: true }).fill("Grande salle");
    await page.getByLabel("Tarif horaire").fill("70");
    await page.getByLabel("Tarif demi-journée (4 h)").fill("250");
    await page.getByLabel("Tarif journée (8 h)").fill("450");
    // Going back keeps what was typed.
    await page.getByRole("button", { name: "Retour" }).click();
    await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Écho Montreuil");
    await page.getByRole("button", { name: "Suivant" }).click();
    await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Grande salle");
    await page.getByRole("button", { name: "Créer le studio" }).click();

    // In the app: the studio's name in the sidebar, the clients page empty and inviting.
    await expect(sidebar(page).getByText("Studio Écho")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    await expect(page.getByText("Aucun client pour l'instant")).toBeVisible();

    await goTo(page, "Salles & matériel");
    await expect(page.getByRole("tab", { name: "Salles" })).toHaveAttribute("aria-selected", "true");
    const room = row(table(page, "Salles"), "Grande salle");
    await expect(room).toContainText("Écho Montreuil");
    await expect(room).toContainText("70,00 €");
    await expect(room).toContainText("450,00 €");
    await expect(table(page, "Salles").getByRole("row")).toHaveCount(2); // header + the room

    await page.getByRole("tab", { name: "Sites" }).click();
    const location = row(table(page, "Sites"), "Écho Montreuil");
    await expect(location).toContainText("Europe/Paris");
    await expect(location).toContainText("1 salle(s)");
    await expect(location).toContainText("12 rue de Paris, 93100 Montreuil");

    // The studio exists now: reopening the app goes straight to it.
    await page.reload();
    await expect(sidebar(page).getByText("Studio Écho")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Bienvenue dans Recording Studio Manager" })).toHaveCount(0);
  });

  test("the demo studio opens from the welcome page", async ({ page, studio }) => {
    await openApp(page, studio);
    await page.getByRole("button", { name: "Ouvrir la démo" }).click();
    await expect(sidebar(page).getByText("Studio Lumière")).toBeVisible();
    await expect(page.getByText("40 clients")).toBeVisible();
    await expect(row(table(page, "Clients"), "Héloïse Mercier")).toBeVisible();
  });

  test("leaving the setup half-way saves nothing", async ({ page, studio }) => {
    await openApp(page, studio);
    await page.getByRole("button", { name: "Commencer" }).click();
    await page.getByLabel("Nom du studio").fill("Studio Abandonné");
    await page.getByRole("button", { name: "Suivant" }).click();
    await page.getByLabel("Nom", { exact: true }).fill("Site fantôme");
    await page.getByRole("button", { name: "Retour" }).click();
    await page.getByRole("button", { name: "Retour" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Bienvenue dans Recording Studio Manager" })).toBeVisible();

    await studio.restart();
    await openApp(page, studio);
    await expect(page.getByRole("heading", { level: 1, name: "Bienvenue dans Recording Studio Manager" })).toBeVisible();
  });
});
