import { expect, goTo, openApp, sidebar, test } from "./fixtures";

test.use({ demo: true });

/** Every page of the sidebar is built now: none says "coming soon" (ComingSoonPage stays for pages of later issues). */
const PAGES = ["Calendrier", "Réservations", "Clients", "Salles & matériel", "Équipe", "Contrats", "Factures", "Rapports"];

test("no page of the sidebar says it is coming soon", async ({ page, studio }) => {
  await openApp(page, studio);
  for (const nav of PAGES) {
    await goTo(page, nav);
    await expect(page.getByTestId("coming-soon")).toHaveCount(0);
    await expect(sidebar(page).getByRole("button", { name: nav })).toHaveAttribute("aria-current", "page");
  }
});

test("invoices and contracts reached by their address show the real pages, in English too", async ({ page, studio }) => {
  await page.goto(`${studio.url}#/invoices`);
  await expect(page.getByRole("heading", { level: 1, name: "Factures" })).toBeVisible();
  await expect(page.getByTestId("coming-soon")).toHaveCount(0);
  await page.getByRole("group", { name: "Langue" }).getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invoices" })).toBeVisible();
  await page.goto(`${studio.url}#/contracts`);
  await expect(page.getByRole("heading", { level: 1, name: "Contracts" })).toBeVisible();
  await expect(page.getByTestId("coming-soon")).toHaveCount(0);
});
