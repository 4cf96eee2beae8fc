import fs from "node:fs";
import { expect, goTo, listCount, openApp, screenshot, table, test } from "./fixtures";

test.use({ demo: true });

test("the bookings list filters by status, sorts, and opens the drawer", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Réservations");
  const list = table(page, "Réservations");
  const all = await listCount(page);
  expect(all).toBeGreaterThan(5);

  const statusFilter = page.getByRole("group", { name: "Statut" });
  await statusFilter.getByRole("button", { name: "Confirmée" }).click();
  await expect(statusFilter.getByRole("button", { name: "Confirmée" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => listCount(page)).toBeLessThan(all);
  const confirmed = await listCount(page);
  expect(confirmed).toBeGreaterThan(0);
  const statuses = list.locator("tbody .badge.status");
  await expect(statuses).toHaveCount(Math.min(confirmed, 100));
  for (const text of await statuses.allTextContents()) expect(text).toBe("Confirmée");

  // A second status widens the filter.
  await statusFilter.getByRole("button", { name: "Option" }).click();
  await expect.poll(() => listCount(page)).toBeGreaterThanOrEqual(confirmed);
  for (const text of await statuses.allTextContents()) expect(["Confirmée", "Option"]).toContain(text);

  // Sorted by total, highest first.
  await list.getByRole("button", { name: "Total TTC" }).click();
  await list.getByRole("button", { name: "Total TTC" }).click();
  await expect(list.locator("th").filter({ hasText: "Total TTC" })).toHaveAttribute("aria-sort", "descending");
  const totals = async () => (await list.locator("tbody td.num").allTextContents()).map((t) => Number(t.replace(/[^\d,]/g, "").replace(",", ".")));
  await expect.poll(async () => {
    const shown = await totals();
    return shown.length > 1 && shown.every((v, i) => i === 0 || shown[i - 1]! >= v);
  }).toBe(true);

  // Two days of confirmed bookings and holds, for a picture of a list that fits a screen.
  const to = page.getByLabel("Au", { exact: true });
  await to.fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + 86_400_000)));
  await to.blur();
  await expect.poll(() => listCount(page)).toBeLessThan(confirmed);
  await screenshot(page, "26-bookings-list");

  await page.getByRole("button", { name: "Effacer les filtres" }).click();
  await expect.poll(() => listCount(page)).toBeGreaterThanOrEqual(all);
  await list.locator("tbody tr").first().click();
  await expect(page.getByRole("dialog", { name: "Réservation" }).getByTestId("status-bar")).toBeVisible();
});

test("Mon planning lists a person's sessions by day, remembers who, and exports an .ics", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Réservations");
  await page.getByRole("tab", { name: "Mon planning" }).click();
  await expect(page.getByText("Quel planning afficher ?")).toBeVisible();
  await page.getByLabel("Planning de").selectOption({ label: "Camille Rousseau" });
  const agenda = page.getByTestId("agenda");
  await expect(agenda.locator(".agenda-day").first()).toBeVisible();
  await expect(agenda.locator(".agenda-item").first()).toBeVisible();
  await screenshot(page, "27-my-schedule");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exporter .ics" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("schedule-camille-rousseau.ics");
  const text = fs.readFileSync((await file.path())!, "utf8");
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("BEGIN:VEVENT");
  expect(text).toContain("Lumière Paris — Pigalle");
  await expect(page.getByRole("status").filter({ hasText: "Planning de Camille Rousseau exporté" })).toBeVisible();

  // The choice is kept on this computer.
  await page.reload();
  await expect(page.getByLabel("Planning de")).toHaveValue(/.+/);
  await expect(page.getByLabel("Planning de").locator("option:checked")).toHaveText("Camille Rousseau");
});
