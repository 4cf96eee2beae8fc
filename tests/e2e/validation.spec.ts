import { drawer, expect, expectCount, goTo, listCount, openApp, row, table, test } from "./fixtures";

test.use({ demo: true });

test.beforeEach(async ({ page, studio }) => {
  await openApp(page, studio);
});

test("a client form with an empty name and a bad e-mail shows its errors and saves nothing", async ({ page }) => {
  await goTo(page, "Clients");
  const before = await listCount(page);

  await page.getByRole("button", { name: "Nouveau client" }).click();
  const form = drawer(page, "Nouveau client");
  await expect(form.getByLabel("Nom", { exact: true })).toBeVisible();
  await form.getByLabel("E-mail").fill("pas-un-email");
  await form.getByRole("button", { name: "Enregistrer" }).click();

  await expect(form.getByText("Corrigez les champs signalés : rien n'a été enregistré.")).toBeVisible();
  await expect(form.getByText("Ce champ est obligatoire.")).toBeVisible();
  await expect(form.getByText("Adresse e-mail invalide.")).toBeVisible();
  await expect(form.getByLabel("Nom", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Téléphone")).toHaveAttribute("aria-invalid", "false");

  // Errors follow the typing once the person has tried to save.
  await form.getByLabel("Nom", { exact: true }).fill("Client Provisoire");
  await expect(form.getByText("Ce champ est obligatoire.")).toHaveCount(0);
  await expect(form.getByText("Adresse e-mail invalide.")).toBeVisible();

  await form.getByRole("button", { name: "Annuler" }).click();
  await expect(form).toHaveCount(0);
  await expectCount(page, before);
  await page.getByRole("searchbox", { name: "Rechercher…" }).fill("provisoire");
  await expect(page.getByText("Aucun client ne correspond à « provisoire ».")).toBeVisible();

  // Still nothing after a reload: the refusal happened before anything reached the database.
  await page.reload();
  await goTo(page, "Clients");
  await expectCount(page, before);
});

test("a room whose half-day rate exceeds its day rate is refused with the translated message", async ({ page }) => {
  await goTo(page, "Salles & matériel");
  const rooms = table(page, "Salles");
  await expect(rooms.getByRole("row")).toHaveCount(7); // header + the 6 demo rooms

  await page.getByRole("button", { name: "Nouvelle salle" }).click();
  const form = drawer(page, "Nouvelle salle");
  await form.getByLabel("Nom", { exact: true }).fill("Salle trop chère");
  await form.getByLabel("Tarif horaire").fill("80");
  await form.getByLabel("Tarif demi-journée (4 h)").fill("500");
  await form.getByLabel("Tarif journée (8 h)").fill("300");
  await form.getByRole("button", { name: "Enregistrer" }).click();

  await expect(form.getByText("La demi-journée ne peut pas coûter plus que la journée.")).toBeVisible();
  await expect(form.getByLabel("Tarif demi-journée (4 h)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert").filter({ hasText: "Corrigez les champs signalés" })).toBeVisible();

  // An unreadable amount is named as such, not as a generic error.
  await form.getByLabel("Tarif horaire").fill("12,5,0");
  await expect(form.locator('[data-field-error="hourlyRateCents"]')).toHaveText("Montant invalide (ex. 95 ou 95,50).");

  await page.keyboard.press("Escape");
  await expect(form).toHaveCount(0);
  await expect(rooms.getByRole("row")).toHaveCount(7);
  await expect(row(rooms, "Salle trop chère")).toHaveCount(0);
});

test("a room with nothing filled in says once per field what is missing", async ({ page }) => {
  await goTo(page, "Salles & matériel");
  await page.getByRole("button", { name: "Nouvelle salle" }).click();
  const form = drawer(page, "Nouvelle salle");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  for (const field of ["name", "hourlyRateCents", "halfDayRateCents", "dayRateCents"]) {
    await expect(form.locator(`[data-field-error="${field}"]`)).toHaveText("Ce champ est obligatoire.");
  }
  await form.getByLabel("Capacité (personnes)").fill("2,5");
  await expect(form.locator('[data-field-error="capacity"]')).toHaveText("Un nombre entier est attendu.");
});

test("a duplicate room name in the same location is refused by the core, and the same name elsewhere is fine", async ({ page }) => {
  await goTo(page, "Salles & matériel");
  const rooms = table(page, "Salles");
  await expect(rooms.getByRole("row")).toHaveCount(7);

  await page.getByRole("button", { name: "Nouvelle salle" }).click();
  const form = drawer(page, "Nouvelle salle");
  // Same name as a Paris room, typed without case or accents: still the same name.
  await form.getByLabel("Nom", { exact: true }).fill("studio b — ssl");
  await form.getByLabel("Site").selectOption({ label: "Lumière Paris — Pigalle" });
  await form.getByLabel("Tarif horaire").fill("70");
  await form.getByLabel("Tarif demi-journée (4 h)").fill("250");
  await form.getByLabel("Tarif journée (8 h)").fill("450");
  await form.getByRole("button", { name: "Enregistrer" }).click();

  await expect(form.getByText("Ce nom existe déjà.")).toBeVisible();
  await expect(form.getByRole("alert").filter({ hasText: "Ce nom est déjà utilisé." })).toBeVisible();
  await expect(form.getByLabel("Nom", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form).toBeVisible(); // nothing saved, nothing typed lost
  await expect(form.getByLabel("Tarif journée (8 h)")).toHaveValue("450");

  await form.getByRole("button", { name: "Annuler" }).click();
  await expect(rooms.getByRole("row")).toHaveCount(7);
  await expect(row(rooms, /Studio B — SSL/i)).toHaveCount(1);

  // Names are unique per location: the same name in London is accepted.
  await page.getByRole("button", { name: "Nouvelle salle" }).click();
  await form.getByLabel("Nom", { exact: true }).fill("Studio B — SSL");
  await form.getByLabel("Site").selectOption({ label: "Lumière London — Hackney" });
  await form.getByLabel("Tarif horaire").fill("70");
  await form.getByLabel("Tarif demi-journée (4 h)").fill("250");
  await form.getByLabel("Tarif journée (8 h)").fill("450");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form).toHaveCount(0);
  await expect(rooms.getByRole("row")).toHaveCount(8);
  await expect(row(rooms, "Studio B — SSL").filter({ hasText: "Lumière London — Hackney" })).toHaveCount(1);
});

test("opening hours that close before they open are refused on the location form", async ({ page }) => {
  await goTo(page, "Salles & matériel");
  await page.getByRole("tab", { name: "Sites" }).click();
  await row(table(page, "Sites"), "Lumière London — Hackney").click();
  const form = drawer(page, "Modifier le site");
  await form.getByLabel("Mardi, plage 1 : fermeture").fill("09:00");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form.getByText("La fermeture doit être après l'ouverture.")).toBeVisible();
  await expect(form.getByLabel("Mardi, plage 1 : fermeture")).toHaveAttribute("aria-invalid", "true");
  await form.getByRole("button", { name: "Annuler" }).click();

  await row(table(page, "Sites"), "Lumière London — Hackney").click();
  await expect(form.getByLabel("Mardi, plage 1 : fermeture")).toHaveValue("22:00");
});
