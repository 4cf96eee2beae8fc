import { drawer, expect, goTo, openApp, row, screenshot, table, test } from "./fixtures";

test.use({ demo: true });

test("an engineer's days off are entered on their card, kept, and removed", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Équipe");
  await row(table(page, "Équipe"), "Camille Rousseau").click();
  const card = drawer(page, "Modifier le membre");
  const absences = card.getByTestId("blockouts-timeOff");
  await expect(absences.getByText("Aucune absence prévue.")).toBeVisible();

  // The last day before the first is refused, and nothing is added.
  await absences.getByLabel("Premier jour").fill("2027-02-10");
  await absences.getByLabel("Dernier jour").fill("2027-02-08");
  await absences.getByRole("button", { name: "Ajouter" }).click();
  await expect(absences.getByRole("alert")).toHaveText("La date de fin doit suivre la date de début.");

  await absences.getByLabel("Dernier jour").fill("2027-02-12");
  await absences.getByLabel("Motif").fill("Congés");
  await absences.getByRole("button", { name: "Ajouter" }).click();
  await expect(absences.getByText(/Du .*10.* au .*12.*/)).toBeVisible();
  await expect(absences.getByText("Congés")).toBeVisible();
  await screenshot(page, "32-staff-time-off");

  await page.reload();
  await row(table(page, "Équipe"), "Camille Rousseau").click();
  const again = drawer(page, "Modifier le membre").getByTestId("blockouts-timeOff");
  await expect(again.getByText("Congés")).toBeVisible();
  await again.getByRole("button", { name: "Retirer" }).click();
  await expect(again.getByText("Aucune absence prévue.")).toBeVisible();
});

test("gear maintenance is entered on the item's card", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Salles & matériel");
  await page.getByRole("tab", { name: "Matériel" }).click();
  await row(table(page, "Matériel"), "Teletronix LA-2A").click();
  const section = drawer(page, "Modifier le matériel").getByTestId("blockouts-maintenance");
  await section.getByLabel("Premier jour").fill("2027-03-01");
  await section.getByLabel("Dernier jour").fill("2027-03-03");
  await section.getByLabel("Motif").fill("Révision des lampes");
  await section.getByRole("button", { name: "Ajouter" }).click();
  await expect(section.getByText("Révision des lampes")).toBeVisible();
});
