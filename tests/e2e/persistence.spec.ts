import { drawer, expect, expectCount, goTo, listCount, openApp, row, table, test, type Studio } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ demo: true });

async function expectEverythingThere(page: Page, clientsBefore: number): Promise<void> {
  await goTo(page, "Clients");
  await expectCount(page, clientsBefore + 1);
  const search = page.getByRole("searchbox", { name: "Rechercher…" });
  // Accent-insensitive: "eloise" finds "Éloïse" (and "Héloïse", which contains it), not "Élodie".
  await search.fill("eloise");
  const clients = table(page, "Clients");
  await expect(row(clients, "Éloïse Durand")).toBeVisible();
  await expect(row(clients, "eloise.durand@example.fr")).toBeVisible();
  await expect(row(clients, "Élodie Fontaine")).toHaveCount(0);
  await search.fill("ELOISE dur");
  await expect(clients.getByRole("row")).toHaveCount(2); // header + Éloïse
  await row(clients, "Éloïse Durand").click();
  const form = drawer(page, "Modifier le client");
  await expect(form.getByLabel("Téléphone")).toHaveValue("+33 6 11 22 33 44");
  await form.getByRole("button", { name: "Annuler" }).click();
  await expect(form).toHaveCount(0);

  await goTo(page, "Salles & matériel");
  const room = row(table(page, "Salles"), "Cabine Nord");
  await expect(room).toContainText("Studio Nord — Lille");
  await expect(room).toContainText("55,00 €");
  await page.getByRole("tab", { name: "Sites" }).click();
  const location = row(table(page, "Sites"), "Studio Nord — Lille");
  await expect(location).toContainText("Europe/Brussels");
  await expect(location).toContainText("1 salle(s)");
  await location.click();
  const locationForm = drawer(page, "Modifier le site");
  await expect(locationForm.getByLabel("Lundi, plage 1 : fermeture")).toHaveValue("23:00");
  await expect(locationForm.getByLabel("Dimanche, plage 1 : ouverture")).toHaveValue("14:00");
  await page.keyboard.press("Escape");
  await expect(locationForm).toHaveCount(0);
}

async function createEverything(page: Page): Promise<void> {
  // A location, with its own time zone and edited opening hours.
  await goTo(page, "Salles & matériel");
  await page.getByRole("tab", { name: "Sites" }).click();
  await page.getByRole("button", { name: "Nouveau site" }).click();
  const locationForm = drawer(page, "Nouveau site");
  await locationForm.getByLabel("Nom", { exact: true }).fill("Studio Nord — Lille");
  await locationForm.getByLabel("Fuseau horaire").selectOption("Europe/Brussels");
  await locationForm.getByLabel("Adresse").fill("3 place du Théâtre, 59000 Lille");
  await locationForm.getByLabel("Lundi, plage 1 : fermeture").fill("23:00");
  const sunday = locationForm.locator('[data-day="sun"]');
  await expect(sunday.getByText("Fermé")).toBeVisible();
  await sunday.getByRole("button", { name: "Ajouter une plage" }).click();
  await locationForm.getByLabel("Dimanche, plage 1 : ouverture").fill("14:00");
  await locationForm.getByRole("button", { name: "Enregistrer" }).click();
  await expect(locationForm).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Enregistré" })).toBeVisible();
  await expect(row(table(page, "Sites"), "Studio Nord — Lille")).toContainText("0 salle(s)");

  // A room in that location.
  await page.getByRole("tab", { name: "Salles" }).click();
  await page.getByRole("button", { name: "Nouvelle salle" }).click();
  const roomForm = drawer(page, "Nouvelle salle");
  await roomForm.getByLabel("Nom", { exact: true }).fill("Cabine Nord");
  await roomForm.getByLabel("Site").selectOption({ label: "Studio Nord — Lille" });
  await roomForm.getByLabel("Type").selectOption({ label: "Podcast" });
  await roomForm.getByLabel("Tarif horaire").fill("55");
  await roomForm.getByLabel("Tarif demi-journée (4 h)").fill("190,50");
  await roomForm.getByLabel("Tarif journée (8 h)").fill("350");
  await roomForm.getByRole("button", { name: "Enregistrer" }).click();
  await expect(roomForm).toHaveCount(0);
  await expect(row(table(page, "Salles"), "Cabine Nord")).toContainText("Podcast");

  // A client.
  await goTo(page, "Clients");
  await page.getByRole("button", { name: "Nouveau client" }).click();
  const clientForm = drawer(page, "Nouveau client");
  await clientForm.getByLabel("Nom", { exact: true }).fill("Éloïse Durand");
  await clientForm.getByLabel("E-mail").fill("eloise.durand@example.fr");
  await clientForm.getByLabel("Téléphone").fill("+33 6 11 22 33 44");
  await clientForm.getByRole("button", { name: "Enregistrer" }).click();
  await expect(clientForm).toHaveCount(0);
}

test("a location, a room and a client created in the UI survive a reload and a restart of the app", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Clients");
  const clientsBefore = await listCount(page);
  expect(clientsBefore).toBe(40);

  await createEverything(page);
  await expect(row(table(page, "Clients"), "Éloïse Durand")).toBeVisible();
  await expectCount(page, clientsBefore + 1);

  await page.reload();
  await expectEverythingThere(page, clientsBefore);

  await restartApp(page, studio);
  await expectEverythingThere(page, clientsBefore);
});

test("an open page reconnects when the host comes back, and edits made after it are kept", async ({ page, studio }) => {
  await openApp(page, studio);
  const before = studio.url;
  await studio.restart();
  test.skip(studio.url !== before, "the port was taken by another program during the restart");

  // The page was never reloaded: its WebSocket reconnects to the new host by itself.
  await goTo(page, "Clients");
  await page.getByRole("button", { name: "Nouveau client" }).click();
  const clientForm = drawer(page, "Nouveau client");
  await clientForm.getByLabel("Nom", { exact: true }).fill("Éloïse Durand");
  await clientForm.getByRole("button", { name: "Enregistrer" }).click();
  await expect(clientForm).toHaveCount(0);
  await expect(row(table(page, "Clients"), "Éloïse Durand")).toBeVisible();

  await restartApp(page, studio);
  await goTo(page, "Clients");
  await page.getByRole("searchbox", { name: "Rechercher…" }).fill("durand");
  await expect(row(table(page, "Clients"), "Éloïse Durand")).toBeVisible();
});

async function restartApp(page: Page, studio: Studio): Promise<void> {
  await page.goto("about:blank");
  await studio.restart();
  await openApp(page, studio);
}
