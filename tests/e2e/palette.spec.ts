import { drawer, expect, openApp, palette, sidebar, test } from "./fixtures";

test.use({ demo: true });

test.beforeEach(async ({ page, studio }) => {
  await openApp(page, studio);
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
});

test("Ctrl+K finds a client by name and Enter opens that client's editor", async ({ page }) => {
  await page.keyboard.press("Control+K");
  await expect(palette(page)).toBeVisible();
  const input = palette(page).getByRole("combobox");
  await expect(input).toBeFocused();

  await input.fill("Héloïse");
  const hit = palette(page).getByRole("option", { name: /Héloïse Mercier/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText("Client");
  await expect(hit).toHaveAttribute("aria-selected", "true");
  await input.press("Enter");

  await expect(palette(page)).toHaveCount(0);
  const editor = drawer(page, "Modifier le client");
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel("Nom", { exact: true })).toHaveValue("Héloïse Mercier");
  await expect(page).toHaveURL(/#\/clients\?open=/);

  // Closing the editor leaves a clean address: a reload does not reopen it.
  await editor.getByRole("button", { name: "Fermer" }).click();
  await expect(editor).toHaveCount(0);
  await expect(page).toHaveURL(/#\/clients$/);
});

test("the palette searches without accents and opens rooms and staff too", async ({ page }) => {
  await page.getByRole("button", { name: /Rechercher ou aller à…/ }).click();
  const input = palette(page).getByRole("combobox");
  await input.fill("heloise");
  await expect(palette(page).getByRole("option", { name: /Héloïse Mercier/ })).toBeVisible();

  await input.fill("neve");
  const room = palette(page).getByRole("option", { name: /Studio A — Neve/ });
  await expect(room).toBeVisible();
  await room.click();
  await expect(page.getByRole("heading", { level: 1, name: "Salles & matériel" })).toBeVisible();
  await expect(drawer(page, "Modifier la salle").getByLabel("Nom", { exact: true })).toHaveValue("Studio A — Neve");
  await page.keyboard.press("Escape");

  await page.keyboard.press("Control+K");
  await palette(page).getByRole("combobox").fill("camille");
  await expect(palette(page).getByRole("option", { name: /Camille Rousseau/ })).toBeVisible();
  await palette(page).getByRole("combobox").press("Enter");
  await expect(drawer(page, "Modifier le membre").getByLabel("Nom", { exact: true })).toHaveValue("Camille Rousseau");
});

test("typing a page name jumps to that page; Escape closes the palette", async ({ page }) => {
  await page.keyboard.press("Control+K");
  const input = palette(page).getByRole("combobox");
  await input.fill("regl");
  await expect(palette(page).getByRole("option", { name: /Réglages/ })).toBeVisible();
  await input.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Réglages" })).toBeVisible();

  await page.keyboard.press("Control+K");
  await palette(page).getByRole("combobox").fill("équipe");
  await palette(page).getByRole("combobox").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Équipe" })).toBeVisible();

  await page.keyboard.press("Control+K");
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette(page)).toHaveCount(0);

  await page.keyboard.press("Control+K");
  await palette(page).getByRole("combobox").fill("zzzz introuvable");
  await expect(palette(page).getByText("Aucun résultat pour « zzzz introuvable »")).toBeVisible();
});

test("Alt+number goes to the n-th page of the sidebar", async ({ page }) => {
  await page.keyboard.press("Alt+4");
  await expect(page.getByRole("heading", { level: 1, name: "Salles & matériel" })).toBeVisible();
  await expect(sidebar(page).getByRole("button", { name: "Salles & matériel" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Alt+3");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(sidebar(page).getByRole("button", { name: "Clients" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Alt+5");
  await expect(page.getByRole("heading", { level: 1, name: "Équipe" })).toBeVisible();
  await page.keyboard.press("Alt+3");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  // The address follows, so Back and a reload land on the same page.
  await expect(page).toHaveURL(/#\/clients$/);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Équipe" })).toBeVisible();
});

test("N opens a new record on the current page, but not while typing", async ({ page }) => {
  await page.keyboard.press("n");
  const form = drawer(page, "Nouveau client");
  await expect(form).toBeVisible();
  await form.getByLabel("Nom", { exact: true }).fill("nnn");
  await expect(form.getByLabel("Nom", { exact: true })).toHaveValue("nnn");
  await page.keyboard.press("Escape");
  await expect(form).toHaveCount(0);
});
