import { PARIS, STUDIO_A, block, column, createByDrag, freeWednesday, openWeek } from "./calendar-helpers";
import { drawer, expect, openApp, screenshot, test } from "./fixtures";

test.use({ demo: true });

test("cancelling shows what the core would refund or charge before anything is cancelled", async ({ page, studio }) => {
  const day = freeWednesday();
  await openApp(page, studio);
  await openWeek(page, PARIS, day);
  const studioA = column(page, day, STUDIO_A);
  await createByDrag(page, studioA, "14:00", "16:00", "Héloïse Mercier");

  // The client pays 100 € at the desk.
  await block(page, "Héloïse Mercier").click();
  const panel = drawer(page, "Réservation");
  await panel.getByLabel("Montant reçu").fill("100");
  await panel.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(panel.getByText("Payé : 100,00 € sur")).toBeVisible();

  // Six weeks ahead the policy keeps nothing: the whole payment is refunded.
  await panel.getByRole("button", { name: "Annuler la réservation…" }).click();
  const dialog = page.getByRole("dialog", { name: "Annuler la réservation" });
  await expect(dialog.getByText(/Annulation \d+ jours avant la séance : sans frais/)).toBeVisible();
  await expect(dialog.getByTestId("settlement")).toHaveText("À rembourser au client : 100,00 €");
  await expect(dialog.getByText("Frais d'annulation")).toBeVisible();
  await screenshot(page, "25-cancel-dialog");

  // Keeping it changes nothing.
  await dialog.getByRole("button", { name: "Garder la réservation" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByTestId("status-bar")).toContainText("Confirmée");

  await panel.getByRole("button", { name: "Annuler la réservation…" }).click();
  await dialog.getByLabel("Motif").fill("Tournée reportée");
  await dialog.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Réservation annulée" })).toBeVisible();
  await expect(panel.getByTestId("status-bar")).toContainText("Annulée");
  await expect(panel.getByTestId("status-bar")).toContainText("Tournée reportée");
  await page.keyboard.press("Escape");

  // Cancelled bookings leave the grid, unless asked for (struck through).
  await expect(block(page, "Héloïse Mercier")).toHaveCount(0);
  const showCancelled = page.getByLabel("Afficher annulées et absences");
  await showCancelled.check();
  await expect(block(page, "Héloïse Mercier")).toHaveClass(/status-cancelled/);

  // The freed slot can be booked again; shown together, the two sit side by side, not on top of each other.
  await showCancelled.uncheck();
  await createByDrag(page, studioA, "14:00", "16:00", "Label Nuit Blanche");
  await showCancelled.check();
  const [cancelled, booked] = [await block(page, "Héloïse Mercier").boundingBox(), await block(page, "Label Nuit Blanche").boundingBox()];
  expect(cancelled!.x + cancelled!.width).toBeLessThanOrEqual(booked!.x + 0.5);
  expect(cancelled!.y).toBeCloseTo(booked!.y, 0);
  await page.getByRole("group", { name: "Affichage" }).getByRole("button", { name: "Jour" }).click();
  await expect(page.locator(".cal-col")).toHaveCount(4);
  await screenshot(page, "25b-cancelled-beside-new-booking");
});
