import { expect, goTo, openApp, screenshot, test } from "./fixtures";

test.use({ demo: true });

test("the studio's booking rules are edited in Settings, refused when a policy has no 0 h tier, and kept", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Réglages");
  const form = page.getByRole("form", { name: "Réservations" });
  await expect(form.getByLabel("Durée d'une option")).toHaveValue("48");
  // The default policy: 168 h, 72 h, 24 h, 0 h.
  await expect(form.locator("[data-tier]")).toHaveCount(4);

  await form.getByLabel("Durée d'une option").fill("24");
  await form.getByLabel("Alerte impayés au-delà de").fill("500");
  // The last tier (0 h) removed: every cancellation must fall in a tier, so this is refused.
  await form.getByRole("button", { name: "Retirer le palier 4" }).click();
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form.getByText("Un palier doit commencer à 0 h avant la session.")).toBeVisible();
  await expect(form.getByRole("alert").first()).toContainText("Corrigez les champs signalés");
  await screenshot(page, "31-settings-booking-policy-error");

  await form.getByRole("button", { name: "Ajouter un palier" }).click();
  const added = form.locator('[data-tier="3"]');
  await added.getByLabel("Délai avant la session").fill("0");
  await added.getByLabel("Part retenue").fill("80");
  await added.getByLabel("De").selectOption("session");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Enregistré" })).toBeVisible();

  await page.reload();
  const again = page.getByRole("form", { name: "Réservations" });
  await expect(again.getByLabel("Durée d'une option")).toHaveValue("24");
  await expect(again.getByLabel("Alerte impayés au-delà de")).toHaveValue("500,00");
  await expect(again.locator('[data-tier="3"]').getByLabel("Part retenue")).toHaveValue("80");
  await expect(again.locator('[data-tier="3"]').getByLabel("De")).toHaveValue("session");
});
