import {
  PARIS, STUDIO_A, STUDIO_B, block, column, createByDrag, dragToCreate, dragToMove, dragToResize, freeWednesday, newBooking, openWeek, pickClient, reveal,
  verdict,
} from "./calendar-helpers";
import { drawer, expect, goTo, openApp, screenshot, sidebar, test } from "./fixtures";

test.use({ demo: true });

test("dragging on an empty slot of the week view creates a booking, priced by the core", async ({ page, studio }) => {
  const day = freeWednesday();
  await openApp(page, studio);
  await openWeek(page, PARIS, day);
  const studioA = column(page, day, STUDIO_A);
  await expect(studioA.locator(".cal-event")).toHaveCount(0);

  await dragToCreate(page, studioA, "14:00", "16:00", async () => {
    await expect(verdict(page)).toContainText("14:00–16:00");
    await expect(verdict(page)).toContainText("Créneau libre");
  });

  const panel = newBooking(page);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("14:00–16:00");
  await expect(panel.getByRole("checkbox", { name: STUDIO_A })).toBeChecked();
  await pickClient(panel, "Label Nuit Blanche");
  await panel.getByRole("checkbox", { name: /Camille Rousseau/ }).check();
  await panel.getByLabel("Ajouter du matériel…").selectOption({ label: "Neumann U 87 Ai" });
  await panel.getByLabel("Titre").fill("Album — prises voix");

  // The live price: room, engineer and gear lines, VAT, total and the client's deposit (20 %).
  const price = panel.getByTestId("price-breakdown");
  await expect(price).toContainText(STUDIO_A);
  await expect(price).toContainText("Camille Rousseau");
  await expect(price).toContainText("Neumann U 87 Ai");
  // 2 h of Studio A (190 €) + 2 h of Camille (90 €) + a day of U 87 (40 €) = 320 € HT, 384 € TTC.
  await expect(panel.getByTestId("price-total")).toHaveText(/384,00\s€/);
  await expect(price).toContainText(/Acompte \(20 %\)\s*76,80\s€/);
  await screenshot(page, "24-booking-drawer-price");

  await panel.getByRole("button", { name: "Créer la réservation" }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Réservation créée" })).toBeVisible();
  const created = block(page, "Label Nuit Blanche");
  await expect(created).toBeVisible();
  await expect(created).toHaveAttribute("aria-label", /14:00–16:00, Studio A — Neve, Confirmée/);
  await expect(studioA.locator(".cal-event")).toHaveCount(1);

  // Its bottom edge dragged to 17:00 makes it a three-hour session.
  await dragToResize(page, created, studioA, "17:00", async () => {
    await expect(verdict(page)).toContainText("14:00–17:00");
  });
  await expect(page.getByRole("status").filter({ hasText: "Réservation déplacée : 14:00–17:00" })).toBeVisible();
  await expect(created).toHaveAttribute("aria-label", /14:00–17:00/);
});

test("a booking dragged onto a busy slot is refused before and at the drop, naming the other booking", async ({ page, studio }) => {
  const day = freeWednesday();
  await openApp(page, studio);
  await openWeek(page, PARIS, day);
  const studioA = column(page, day, STUDIO_A);
  const studioB = column(page, day, STUDIO_B);
  await createByDrag(page, studioA, "14:00", "16:00", "Héloïse Mercier");
  await createByDrag(page, studioA, "17:00", "19:00", "Label Nuit Blanche");

  // To another room at the same time: free, moved.
  const label = block(page, "Label Nuit Blanche");
  await dragToMove(page, label, studioB, "17:00", async () => {
    await expect(verdict(page)).toContainText("Créneau libre");
  });
  await expect(page.getByRole("status").filter({ hasText: "Réservation déplacée : 17:00–19:00" })).toBeVisible();
  await expect(studioB.locator(".cal-event")).toHaveCount(1);
  await expect(label).toHaveAttribute("aria-label", /17:00–19:00, Studio B — SSL/);

  // Back to Studio A over Héloïse Mercier's session: outlined red with the reason while dragging…
  await dragToMove(page, label, studioA, "15:00", async () => {
    await expect(verdict(page)).toContainText("Studio A — Neve est réservé de 14:00 à 16:00 par Héloïse Mercier");
    await expect(page.locator(".cal-ghost.refused")).toBeVisible();
  });
  // …and not applied at the drop, which says why.
  await expect(page.getByRole("status").filter({ hasText: /Déplacement refusé.*Héloïse Mercier/ })).toBeVisible();
  await expect(label).toHaveAttribute("aria-label", /17:00–19:00, Studio B — SSL/);
  await expect(studioB.locator(".cal-event")).toHaveCount(1);
  await expect(studioA.locator(".cal-event")).toHaveCount(1);

  // The same slot in the drawer lists the reason under the times, and nothing is saved.
  await label.click();
  const panel = drawer(page, "Réservation");
  await panel.getByLabel("Heure de début").fill("15:00");
  await panel.getByLabel("Heure de fin").fill("17:00");
  await panel.getByRole("checkbox", { name: STUDIO_A }).check();
  await panel.getByRole("checkbox", { name: STUDIO_B }).uncheck();
  await expect(panel.getByTestId("booking-failures")).toContainText("Studio A — Neve est réservé de 14:00 à 16:00 par Héloïse Mercier");
  await panel.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(panel.getByText("La réservation n'a pas été enregistrée")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(label).toHaveAttribute("aria-label", /17:00–19:00, Studio B — SSL/);
});

test("Escape cancels a drag; arrows walk the bookings and Enter opens one", async ({ page, studio }) => {
  const day = freeWednesday();
  await openApp(page, studio);
  await openWeek(page, PARIS, day);
  const studioA = column(page, day, STUDIO_A);
  await createByDrag(page, studioA, "11:00", "13:00", "Héloïse Mercier");
  await createByDrag(page, studioA, "15:00", "17:00", "Label Nuit Blanche");

  // A drag cancelled with Escape leaves nothing behind and opens nothing.
  const booking = block(page, "Héloïse Mercier");
  await reveal(page, "11:00");
  const box = (await booking.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 200, { steps: 6 });
  await expect(verdict(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(verdict(page)).toHaveCount(0);
  await page.mouse.up();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(booking).toHaveAttribute("aria-label", /11:00–13:00/);

  await booking.focus();
  await page.keyboard.press("ArrowDown");
  await expect(block(page, "Label Nuit Blanche")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(booking).toBeFocused();
  await page.keyboard.press("Enter");
  const panel = drawer(page, "Réservation");
  await expect(panel).toContainText("Héloïse Mercier");
  await expect(panel.getByTestId("status-bar")).toContainText("Confirmée");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

test("the calendar shows one location's rooms, or every location side by side on its own clock", async ({ page, studio }) => {
  await openApp(page, studio);
  await expect(sidebar(page).getByRole("button", { name: "Calendrier" })).not.toHaveClass(/unbuilt/);
  await openWeek(page, PARIS, wallDate());
  // Opening hours shaded, a "now" line on today, demo bookings drawn by status.
  await expect(page.locator(".cal-closed").first()).toBeVisible();
  await expect(page.locator(".cal-now").first()).toBeVisible();
  await expect(page.locator(".cal-event").first()).toBeVisible();
  await screenshot(page, "22-calendar-week-paris");

  await page.getByRole("combobox", { name: "Site", exact: true }).selectOption({ label: "Tous les sites côte à côte" });
  await expect(page.locator(".cal-h-location")).toHaveCount(2);
  await expect(page.locator(".cal-h-location").filter({ hasText: "Lumière London — Hackney" })).toContainText("UTC");
  await screenshot(page, "23-calendar-week-all-locations");

  await page.getByRole("group", { name: "Affichage" }).getByRole("button", { name: "Jour" }).click();
  await expect(page.locator(".cal-col")).toHaveCount(6);
  await screenshot(page, "23b-calendar-day-all-locations");
});

/** Today in Paris, as the calendar's date picker wants it. */
function wallDate(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
}

test("the calendar in the dark theme and in English", async ({ page, studio }) => {
  await openApp(page, studio);
  await goTo(page, "Réglages");
  await page.getByRole("group", { name: "Apparence" }).getByRole("button", { name: "Sombre" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await openWeek(page, PARIS, wallDate());
  await expect(page.locator(".cal-event").first()).toBeVisible();
  await screenshot(page, "28-dark-calendar-week");
  await page.locator(".cal-event.status-confirmed").first().click();
  await expect(page.getByRole("dialog", { name: "Réservation" }).getByTestId("price-breakdown")).toBeVisible();
  await screenshot(page, "29-dark-booking-drawer");
  await page.keyboard.press("Escape");

  await page.getByRole("group", { name: "Langue" }).getByRole("button", { name: "EN" }).click();
  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Day" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  await expect(page.getByText("All locations side by side")).toHaveCount(1);
  await screenshot(page, "30-en-dark-calendar-day");
});
