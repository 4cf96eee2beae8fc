import fs from "node:fs";
import { expect, goTo, openApp, screenshot, sidebar, table, test } from "./fixtures";

test.use({ demo: true });

/** The demo studio has sessions from two weeks back to three weeks ahead: this month always has some. */
test("reports: revenue figures, the heatmap, a CSV export, in light and dark", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Rapports");
  await expect(page.getByTestId("coming-soon")).toHaveCount(0);
  await expect(sidebar(page).getByRole("button", { name: "Rapports" })).toHaveAttribute("aria-current", "page");

  // Revenue: a total in euros, its change against the previous period, bars with their figures, a breakdown by room.
  const total = page.getByTestId("kpi-total");
  await expect(total).toContainText(/\d[\d\s\u202f]*,\d\d\s?€/);
  await expect(total).toContainText("période précédente");
  const chart = page.getByRole("img", { name: /^Chiffre d'affaires par période\./ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("text.chart-value").first()).toContainText("€");
  const byRoom = table(page, "Chiffre d'affaires — Salle");
  await expect(byRoom.locator("tbody tr").first()).toBeVisible();
  await expect(byRoom.getByRole("columnheader", { name: "Total" })).toBeVisible();
  await page.getByRole("group", { name: "Détail par" }).getByRole("button", { name: "Client" }).click();
  await expect(table(page, "Chiffre d'affaires — Client").locator("tbody tr").first()).toBeVisible();
  await screenshot(page, "reports-01-revenue-fr-light");

  // CSV export: the core makes the file, the browser downloads it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Exporter « Chiffre d'affaires » en CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^chiffre-affaires_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), "utf8");
  expect(csv).toContain("Chiffre d'affaires");
  expect(csv.split("\n").length).toBeGreaterThan(5);
  await expect(page.getByRole("status").filter({ hasText: /chiffre-affaires_.*\.csv enregistré/ })).toBeVisible();
  // Excel and PDF too: a zip (XLSX) and a PDF, read back by their first bytes.
  for (const [format, ext, magic] of [["Excel", "xlsx", "PK"], ["PDF", "pdf", "%PDF"]] as const) {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: `Exporter « Chiffre d'affaires » en ${format}` }).click()]);
    expect(file.suggestedFilename()).toMatch(new RegExp(`^chiffre-affaires_.*\\.${ext}$`));
    expect(fs.readFileSync(await file.path()).subarray(0, magic.length).toString("latin1")).toBe(magic);
  }

  // Utilisation: bars per room and the weekday × hour heatmap with its figures written in.
  await page.getByRole("tab", { name: "Occupation" }).click();
  const heatmap = page.getByTestId("heatmap");
  await expect(heatmap).toBeVisible();
  await expect(heatmap.locator("text.heat-value").first()).toContainText("%");
  await expect(page.getByText("Lundi", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("kpi-utilisation")).toContainText("%");
  await screenshot(page, "reports-02-utilisation-fr-light");

  // The other reports open with their figures or say plainly there is nothing.
  await page.getByRole("tab", { name: "Acomptes détenus" }).click();
  await expect(page.getByText(/^Au .*: acomptes des séances à venir/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Tout afficher \(\d+ lignes\)$/ })).toBeVisible();
  await screenshot(page, "reports-08-deposits-fr-light");
  await page.getByRole("tab", { name: "Meilleurs clients" }).click();
  await expect(table(page, "Meilleurs clients").locator("tbody tr").first()).toBeVisible();
  await page.getByRole("tab", { name: "Heures des ingénieurs" }).click();
  await expect(table(page, "Heures des ingénieurs").locator("tbody tr").first()).toBeVisible();
  await page.getByRole("tab", { name: "Annulations et absences" }).click();
  await expect(page.getByText("Taux d'annulation")).toBeVisible();
  await screenshot(page, "reports-06-cancellations-fr-light");
  // Unpaid invoices by age: the demo studio's invoices of the last months (main/core/demo/demo-invoices.ts),
  // some partly paid, one in every bucket, one settled (left out).
  await page.getByRole("tab", { name: "Impayés" }).click();
  await expect(page.getByText(/^Au .*: factures émises restant à payer/)).toBeVisible();
  const ages = page.getByRole("list", { name: "Reste dû par ancienneté" });
  await expect(ages.locator("li")).toHaveCount(4);
  await expect(ages.locator("li").nth(0)).toContainText(/0–30 jours.*3\s534,00\s€\s·\s3\sfact\./);
  await expect(ages.locator("li").nth(1)).toContainText(/448,00\s€\s·\s1\sfact\./);
  await expect(ages.locator("li").nth(2)).toContainText(/2\s280,00\s€\s·\s1\sfact\./);
  await expect(ages.locator("li").nth(3)).toContainText(/Plus de 90 jours.*510,00\s€\s·\s1\sfact\./);
  await expect(page.getByTestId("kpi-unpaid")).toContainText("6");
  await expect(page.getByTestId("kpi-outstanding")).toContainText(/6\s772,00\s€/);
  await expect(table(page, "Impayés").locator("tbody tr")).toHaveCount(6);
  await screenshot(page, "reports-10-aging-fr-light");
  // Many columns or not, the page never scrolls sideways.
  const content = await page.locator(".content").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(content.scroll).toBeLessThanOrEqual(content.client);

  // Side by side: one chart per location.
  await page.getByRole("tab", { name: "Chiffre d'affaires" }).click();
  await page.getByRole("group", { name: "Affichage" }).getByRole("button", { name: "Côte à côte" }).click();
  await expect(page.getByRole("img", { name: /Paris.*Chiffre d'affaires par période/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /London.*Chiffre d'affaires par période/ })).toBeVisible();
  await screenshot(page, "reports-07-side-by-side-fr-light");
  await page.getByRole("group", { name: "Affichage" }).getByRole("button", { name: "Consolidé" }).click();
  // One location: its own total, smaller than both together, and no side-by-side choice.
  const both = await total.locator(".kpi-value").innerText();
  await page.getByRole("combobox", { name: "Site", exact: true }).selectOption({ label: "Lumière Paris — Pigalle" });
  await expect(total.locator(".kpi-value")).not.toHaveText(both);
  await expect(page.getByRole("group", { name: "Affichage" })).toHaveCount(0);
  await page.getByRole("combobox", { name: "Site", exact: true }).selectOption({ label: "Tous les sites" });
  await expect(total.locator(".kpi-value")).toHaveText(both);

  // A custom period with nothing in it says so.
  await page.getByRole("group", { name: "Période" }).getByRole("button", { name: "Personnalisée" }).click();
  await page.getByLabel("Du", { exact: true }).fill("2020-01-01");
  await page.getByLabel("Au", { exact: true }).fill("2020-01-31");
  await expect(page.getByRole("heading", { name: "Rien sur cette période" })).toBeVisible();
  await page.getByLabel("Au", { exact: true }).fill("2019-12-01");
  await expect(page.getByRole("alert").filter({ hasText: "La date de fin doit suivre la date de début" })).toBeVisible();
  await page.getByRole("group", { name: "Période" }).getByRole("button", { name: "Ce mois-ci" }).click();
  await expect(total).toContainText("€");

  // Dark theme.
  await goTo(page, "Réglages");
  await page.getByRole("group", { name: "Apparence" }).getByRole("button", { name: "Sombre" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await goTo(page, "Rapports");
  await expect(page.getByTestId("kpi-total")).toContainText("€");
  await screenshot(page, "reports-03-revenue-fr-dark");
  await page.getByRole("tab", { name: "Occupation" }).click();
  await expect(page.getByTestId("heatmap")).toBeVisible();
  await screenshot(page, "reports-04-utilisation-fr-dark");
  await page.getByRole("tab", { name: "Heures des ingénieurs" }).click();
  await expect(table(page, "Heures des ingénieurs").locator("tbody tr").first()).toBeVisible();
  await screenshot(page, "reports-05-engineers-fr-dark");
});

test("reports in English: amounts in euros written the English way", async ({ page, studio }) => {
  await page.goto(`${studio.url}#/reports`);
  await page.getByRole("group", { name: "Langue" }).getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByTestId("kpi-total")).toContainText(/€\d[\d,]*\.\d\d/);
  await expect(page.getByTestId("kpi-total")).toContainText("previous period");
  // By week: one bar per (part of a) week of the month, each with its amount.
  await page.getByLabel("Group by").selectOption({ label: "Week" });
  const bars = page.getByRole("img", { name: /^Revenue by period\./ }).locator("[data-bar]");
  await expect(bars).not.toHaveCount(0);
  expect(await bars.count()).toBeLessThanOrEqual(6);
  await screenshot(page, "reports-09-revenue-en-by-week");
});
