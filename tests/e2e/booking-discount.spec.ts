import { STUDIO_A, PARIS, block, column, dragToCreate, freeWednesday, newBooking, openWeek, pickClient } from "./calendar-helpers";
import { drawer, expect, openApp, screenshot, test } from "./fixtures";

test.use({ demo: true });

test("a discount typed in the booking drawer prices the booking live, is saved, and changes again", async ({ page, studio }) => {
  const day = freeWednesday();
  await openApp(page, studio);
  await openWeek(page, PARIS, day);
  const studioA = column(page, day, STUDIO_A);
  await dragToCreate(page, studioA, "14:00", "16:00");

  const panel = newBooking(page);
  await expect(panel).toBeVisible();
  await pickClient(panel, "Label Nuit Blanche");
  await panel.getByRole("checkbox", { name: /Camille Rousseau/ }).check();
  await panel.getByLabel("Ajouter du matériel…").selectOption({ label: "Neumann U 87 Ai" });
  await panel.getByLabel("Titre").fill("Album — prises voix");
  const price = panel.getByTestId("price-breakdown");
  await expect(panel.getByTestId("price-total")).toHaveText(/384,00\s€/);
  await expect(panel.getByTestId("price-discount")).toHaveCount(0);

  // 10 % off each line: 320 € HT less 32 €, 288 € HT, 345,60 € TTC; the client's 20 % deposit follows.
  const discount = panel.getByLabel("Remise (%)");
  await discount.fill("10");
  await expect(panel.getByTestId("price-discount")).toContainText(/Remise \(10 %\)\s*−32,00\s€/);
  await expect(price).toContainText(/Sous-total HT\s*320,00\s€/);
  await expect(price).toContainText(/Total HT\s*288,00\s€/);
  await expect(panel.getByTestId("price-total")).toHaveText(/345,60\s€/);
  await expect(price).toContainText(/Acompte \(20 %\)\s*69,12\s€/);
  // The lines keep the rate card's prices; the discount comes off below them.
  await expect(price).toContainText(/190,00\s€/);
  await screenshot(page, "booking-drawer-discount");

  // Not a percentage: named on the field, nothing created.
  await discount.fill("150");
  await panel.getByRole("button", { name: "Créer la réservation" }).click();
  await expect(panel.getByText("Corrigez les champs signalés")).toBeVisible();
  await expect(panel).toContainText("Un pourcentage entre 0 et 100 est attendu.");
  await expect(discount).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "booking-drawer-discount-invalid");
  await discount.fill("10");

  await panel.getByRole("button", { name: "Créer la réservation" }).click();
  await expect(panel).toHaveCount(0);
  await block(page, "Label Nuit Blanche").click();
  const stored = drawer(page, "Réservation");
  await expect(stored).toBeVisible();
  await expect(stored.getByLabel("Remise (%)")).toHaveValue("10");
  await expect(stored.getByTestId("price-total")).toHaveText(/345,60\s€/);
  await expect(stored.getByTestId("price-breakdown")).toContainText("au tarif de la réservation");

  // 12,5 %: the booking's own lines, priced live, then saved.
  await stored.getByLabel("Remise (%)").fill("12,5");
  await expect(stored.getByTestId("price-discount")).toContainText(/Remise \(12,5 %\)\s*−40,00\s€/);
  await expect(stored.getByTestId("price-total")).toHaveText(/336,00\s€/);
  await stored.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(stored).toHaveCount(0);
  await block(page, "Label Nuit Blanche").click();
  await expect(drawer(page, "Réservation").getByTestId("price-total")).toHaveText(/336,00\s€/);
  await expect(drawer(page, "Réservation").getByLabel("Remise (%)")).toHaveValue("12,5");
});
