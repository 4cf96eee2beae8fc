import type { Locator, Page } from "@playwright/test";
import { drawer, expect, goTo, openApp, row, table, test } from "./fixtures";

test.use({ demo: true, viewport: { width: 1280, height: 800 } });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator} is not on screen`);
  return b;
}

/** Nothing is painted past the right edge of the list's card (a wide list scrolls inside it), and the page never scrolls sideways. */
async function expectListInsideCard(page: Page, name: string): Promise<void> {
  const list = table(page, name);
  await expect(list.locator("tbody tr").first()).toBeVisible();
  const m = await list.evaluate((t) => {
    const wrapper = t.parentElement!;
    const card = t.closest(".card")!;
    return {
      table: t.getBoundingClientRect().right,
      wrapper: wrapper.getBoundingClientRect().right,
      card: card.getBoundingClientRect().right,
      clipped: wrapper.ownerDocument.defaultView!.getComputedStyle(wrapper).overflowX !== "visible",
    };
  });
  const inside = m.table <= m.card + 0.5 || (m.clipped && m.wrapper <= m.card + 0.5);
  expect(inside, `${name}: the list stays inside its card (${JSON.stringify(m)})`).toBe(true);
  const content = await page.locator(".content").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(content.scroll, `${name}: the page does not scroll sideways`).toBeLessThanOrEqual(content.client);
}

test("every list stays inside its card on a 1280 px wide screen", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Clients");
  await expectListInsideCard(page, "Clients");
  // The clients' columns all fit at this width: a long e-mail wraps instead of pushing "Client depuis" out.
  const clients = page.locator(".table-scroll").filter({ has: table(page, "Clients") });
  expect(await clients.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

  await goTo(page, "Salles & matériel");
  await expectListInsideCard(page, "Salles");
  await page.getByRole("tab", { name: "Matériel" }).click();
  await expectListInsideCard(page, "Matériel");
  await page.getByRole("tab", { name: "Sites" }).click();
  await expectListInsideCard(page, "Sites");
  await goTo(page, "Équipe");
  await expectListInsideCard(page, "Équipe");
  await goTo(page, "Réservations");
  await expectListInsideCard(page, "Réservations");
});

test("the « Enregistré » toast never hides the Save button of the next form", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Clients");
  await page.getByRole("button", { name: "Nouveau client" }).click();
  const form = drawer(page, "Nouveau client");
  await form.getByLabel("Nom", { exact: true }).fill("Premier client");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form).toHaveCount(0);

  // At once, a second client: the toast of the first is still showing.
  await page.getByRole("button", { name: "Nouveau client" }).click();
  const toast = page.getByRole("status").filter({ hasText: "Enregistré" });
  await expect(toast).toBeVisible();
  const save = form.getByRole("button", { name: "Enregistrer" });
  const [t, s] = [await box(toast), await box(save)];
  const overlaps = t.x < s.x + s.width && s.x < t.x + t.width && t.y < s.y + s.height && s.y < t.y + t.height;
  expect(overlaps, "toast over the Save button").toBe(false);
  await form.getByLabel("Nom", { exact: true }).fill("Second client");
  await save.click({ timeout: 1_000 }); // clickable right away, not after the toast fades
  await expect(form).toHaveCount(0);
  await expect(row(table(page, "Clients"), "Second client")).toBeVisible();
});
