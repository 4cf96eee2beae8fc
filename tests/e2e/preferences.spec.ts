import type { Page } from "@playwright/test";
import { expect, goTo, openApp, sidebar, test } from "./fixtures";

test.use({ demo: true });

const theme = (page: Page) => page.locator("html");
// The page background of each theme (--bg in styles.css).
const LIGHT_BG = "rgb(246, 245, 243)";
const DARK_BG = "rgb(20, 18, 16)";

test("the FR / EN switch translates the app, and the choice survives a reload and a restart", async ({ page, studio }) => {
  await openApp(page, studio);
  const nav = sidebar(page);
  const languages = page.getByRole("group", { name: "Langue" });
  await expect(languages.getByRole("button", { name: "FR" })).toHaveAttribute("aria-pressed", "true");
  await expect(nav.getByRole("button", { name: "Salles & matériel" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  await languages.getByRole("button", { name: "EN" }).click();
  await expect(nav.getByRole("button", { name: "Rooms & gear" })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Settings" })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Clients" })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Salles & matériel" })).toHaveCount(0);
  await expect(nav.getByRole("button", { name: "Réglages" })).toHaveCount(0);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("group", { name: "Language" }).getByRole("button", { name: "EN" })).toHaveAttribute("aria-pressed", "true");
  // The page itself follows, not only the menu.
  await goTo(page, "Rooms & gear");
  await expect(page.getByRole("tab", { name: "Locations" })).toBeVisible();

  await page.reload();
  await expect(sidebar(page).getByRole("button", { name: "Rooms & gear" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Rooms & gear" })).toBeVisible();

  // The choice is kept by the studio core for this computer, not only by the browser tab.
  await page.goto("about:blank");
  await studio.restart();
  await openApp(page, studio);
  await expect(sidebar(page).getByRole("button", { name: "Settings" })).toBeVisible();

  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "FR" }).click();
  await expect(sidebar(page).getByRole("button", { name: "Réglages" })).toBeVisible();
  await page.reload();
  await expect(sidebar(page).getByRole("button", { name: "Réglages" })).toBeVisible();
});

test("the theme toggle switches html[data-theme], and dark survives a reload", async ({ page, studio }) => {
  await openApp(page, studio);
  // Default: follow the system, which is light in this browser.
  const toggle = page.getByRole("button", { name: "Thème du système" });
  await expect(toggle).toBeVisible();
  await expect(theme(page)).toHaveAttribute("data-theme", "light");
  await expect(page.locator("body")).toHaveCSS("background-color", LIGHT_BG);

  // The first click always changes what is on screen: from a light system, dark.
  await toggle.click(); // system → dark
  await expect(page.getByRole("button", { name: "Thème sombre" })).toBeVisible();
  await expect(theme(page)).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("body")).toHaveCSS("background-color", DARK_BG);

  await page.reload();
  await expect(theme(page)).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Thème sombre" })).toBeVisible();
  await expect(page.locator("body")).toHaveCSS("background-color", DARK_BG);

  await page.getByRole("button", { name: "Thème sombre" }).click(); // dark → light
  await expect(page.getByRole("button", { name: "Thème clair" })).toBeVisible();
  await expect(theme(page)).toHaveAttribute("data-theme", "light");

  await page.getByRole("button", { name: "Thème clair" }).click(); // light → system (light here)
  await expect(page.getByRole("button", { name: "Thème du système" })).toBeVisible();
  await expect(theme(page)).toHaveAttribute("data-theme", "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(theme(page)).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(theme(page)).toHaveAttribute("data-theme", "light");
});

test("the settings page changes language and theme too", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Réglages");
  await page.getByRole("group", { name: "Apparence" }).getByRole("button", { name: "Sombre" }).click();
  await expect(theme(page)).toHaveAttribute("data-theme", "dark");
  await page.getByRole("group", { name: "Langue de l'interface" }).getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Appearance" }).getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
});
