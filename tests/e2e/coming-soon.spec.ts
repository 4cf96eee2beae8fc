import { expect, goTo, openApp, sidebar, test } from "./fixtures";

test.use({ demo: true });

const UNBUILT = [
  { nav: "Contrats", detail: /Contrats, modèles et signature/ },
  { nav: "Factures", detail: /Devis, factures numérotées/ },
  { nav: "Rapports", detail: /Chiffre d'affaires, occupation/ },
];

test("pages not built yet say so plainly and show no made-up data", async ({ page, studio }) => {
  await openApp(page, studio);
  for (const { nav, detail } of UNBUILT) {
    await goTo(page, nav, `${nav} arrive bientôt`);
    const soon = page.getByTestId("coming-soon");
    await expect(soon.getByText(detail)).toBeVisible();
    await expect(soon.getByText("Cette page n'est pas encore construite dans cette version.", { exact: false })).toBeVisible();
    // No fake figures, rows or demo names dressed up as content.
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText(/\d+,\d\d\s?€|€\s?\d/);
    await expect(page.locator("main")).not.toContainText(/Héloïse|Studio A — Neve|Camille Rousseau/);
    await expect(sidebar(page).getByRole("button", { name: nav })).toHaveAttribute("aria-current", "page");
  }

  // The calendar and the bookings are built: no "coming soon" there.
  for (const nav of ["Calendrier", "Réservations"]) {
    await goTo(page, nav);
    await expect(page.getByTestId("coming-soon")).toHaveCount(0);
  }

  // It points to what is ready instead.
  await goTo(page, "Factures", "Factures arrive bientôt");
  await page.getByTestId("coming-soon").getByRole("button", { name: "Salles & matériel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Salles & matériel" })).toBeVisible();
});

test("an unbuilt page reached by its address says the same, in English too", async ({ page, studio }) => {
  await page.goto(`${studio.url}#/invoices`);
  await expect(page.getByRole("heading", { level: 1, name: "Factures arrive bientôt" })).toBeVisible();
  await page.getByRole("group", { name: "Langue" }).getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Coming soon: Invoices" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
