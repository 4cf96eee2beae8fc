import { drawer, expect, goTo, openApp, palette, row, screenshot, table, test } from "./fixtures";

/**
 * Full-page pictures of the main screens, under test-results/screenshots/, for a person to look at
 * (layout, overflow, contrast) — they are not compared pixel by pixel.
 */

test.describe("first start", () => {
  test("welcome and setup", async ({ page, studio }) => {
    await openApp(page, studio);
    await expect(page.getByRole("heading", { level: 1, name: "Bienvenue dans Recording Studio Manager" })).toBeVisible();
    await screenshot(page, "01-welcome");

    await page.getByRole("button", { name: "Commencer" }).click();
    await page.getByLabel("Nom du studio").fill("Studio Écho");
    await page.getByRole("button", { name: "Suivant" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Premier site" })).toBeVisible();
    await screenshot(page, "02-setup-step2-location");

    await page.getByRole("button", { name: "Suivant" }).click();
    await expect(page.getByText("Ce champ est obligatoire.")).toBeVisible();
    await screenshot(page, "03-setup-step2-errors");
  });
});

test.describe("demo studio", () => {
  test.use({ demo: true });

  test("main screens in French, light theme", async ({ page, studio }) => {
    await openApp(page, studio);
    await goTo(page, "Clients");
    await expect(row(table(page, "Clients"), "Héloïse Mercier")).toBeVisible();
    await screenshot(page, "04-clients-list");

    await page.getByRole("button", { name: "Nouveau client" }).click();
    const client = drawer(page, "Nouveau client");
    await client.getByLabel("Type").selectOption({ label: "Société" });
    await client.getByLabel("E-mail").fill("pas-un-email");
    await client.getByRole("button", { name: "Enregistrer" }).click();
    await expect(client.getByText("Adresse e-mail invalide.")).toBeVisible();
    await screenshot(page, "05-client-form-errors");
    await page.keyboard.press("Escape");

    await goTo(page, "Salles & matériel");
    await expect(row(table(page, "Salles"), "Studio A — Neve")).toBeVisible();
    await screenshot(page, "06-rooms-list");

    await page.getByRole("button", { name: "Nouvelle salle" }).click();
    await drawer(page, "Nouvelle salle").getByRole("button", { name: "Enregistrer" }).click();
    await expect(drawer(page, "Nouvelle salle").getByText("Ce champ est obligatoire.").first()).toBeVisible();
    await screenshot(page, "07-room-form-errors");
    await page.keyboard.press("Escape");

    await page.getByRole("tab", { name: "Matériel" }).click();
    await expect(row(table(page, "Matériel"), "Neumann U 87 Ai")).toBeVisible();
    await screenshot(page, "08-equipment-list");

    await page.getByRole("tab", { name: "Sites" }).click();
    await row(table(page, "Sites"), "Lumière Paris — Pigalle").click();
    await expect(drawer(page, "Modifier le site").getByText("Horaires d'ouverture")).toBeVisible();
    await screenshot(page, "09-location-form-hours");
    await page.keyboard.press("Escape");

    await goTo(page, "Équipe");
    await expect(page.getByText("Camille Rousseau")).toBeVisible();
    await screenshot(page, "10-staff-list");

    await goTo(page, "Réglages");
    await screenshot(page, "11-settings");

    await goTo(page, "Contrats");
    await screenshot(page, "12-contracts");

    await page.keyboard.press("Control+K");
    await palette(page).getByRole("combobox").fill("stu");
    await expect(page.getByRole("option", { name: /Studio A — Neve/ })).toBeVisible();
    await screenshot(page, "13-palette-open");
  });

  test("the app in English", async ({ page, studio }) => {
    await openApp(page, studio);
    await page.getByRole("group", { name: "Langue" }).getByRole("button", { name: "EN" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    await expect(page.getByText("40 clients")).toBeVisible();
    await screenshot(page, "14-en-clients-list");
    await goTo(page, "Rooms & gear");
    await screenshot(page, "15-en-rooms-list");
    await page.getByRole("tab", { name: "Locations" }).click();
    await row(table(page, "Locations"), "Lumière London — Hackney").click();
    await expect(drawer(page, "Edit location")).toBeVisible();
    await screenshot(page, "16-en-location-form");
  });

  test("the dark theme", async ({ page, studio }) => {
    await openApp(page, studio);
    await goTo(page, "Réglages");
    await page.getByRole("group", { name: "Apparence" }).getByRole("button", { name: "Sombre" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await screenshot(page, "17-dark-settings");
    await goTo(page, "Clients");
    await expect(row(table(page, "Clients"), "Héloïse Mercier")).toBeVisible();
    await screenshot(page, "18-dark-clients-list");
    await page.getByRole("button", { name: "Nouveau client" }).click();
    await drawer(page, "Nouveau client").getByRole("button", { name: "Enregistrer" }).click();
    await expect(drawer(page, "Nouveau client").getByText("Ce champ est obligatoire.")).toBeVisible();
    await screenshot(page, "19-dark-client-form-errors");
    await page.keyboard.press("Escape");
    await goTo(page, "Salles & matériel");
    await page.getByRole("tab", { name: "Matériel" }).click();
    await expect(row(table(page, "Matériel"), "Neumann U 87 Ai")).toBeVisible();
    await screenshot(page, "20-dark-equipment-list");
    await page.keyboard.press("Control+K");
    await palette(page).getByRole("combobox").fill("camille");
    await expect(page.getByRole("option", { name: /Camille Rousseau/ })).toBeVisible();
    await screenshot(page, "21-dark-palette");
  });
});
