import type { Locator, Page } from "@playwright/test";
import { addDays, mondayOf, wallDate } from "../../shared/zoned-time";
import { drawer, expect, goTo } from "./fixtures";

/** The grid draws 48 px per hour (calendar-layout.ts). */
const PX_PER_MIN = 48 / 60;
export const PARIS = "Lumière Paris — Pigalle";
export const STUDIO_A = "Studio A — Neve";
export const STUDIO_B = "Studio B — SSL";

/**
 * A Wednesday six weeks ahead in Paris: past the demo's three weeks of bookings (so free), far
 * enough for the free-cancellation tier, and never one of the demo's closures (24–26 Dec, 1 Jan).
 */
export function freeWednesday(): string {
  return addDays(mondayOf(addDays(wallDate("Europe/Paris", Date.now()), 42)), 2);
}

export const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The calendar on one location's week holding `date`. */
export async function openWeek(page: Page, location: string, date: string): Promise<void> {
  await goTo(page, "Calendrier");
  await page.getByRole("combobox", { name: "Site", exact: true }).selectOption({ label: location });
  await page.getByRole("group", { name: "Affichage" }).getByRole("button", { name: "Semaine" }).click();
  const picker = page.getByLabel("Aller à la date");
  await picker.fill(date);
  await picker.blur();
  await expect(column(page, date, STUDIO_A)).toBeVisible();
}

/** One room's column on one day. */
export const column = (page: Page, date: string, room: string): Locator => page.locator(`.cal-col[data-date="${date}"][data-room="${room}"]`);

/** A booking block in the grid, by what it shows. */
export const block = (page: Page, text: string): Locator => page.locator(".cal-event").filter({ hasText: text });

/**
 * Scrolls the grid so that `hhmm` is an hour below its top: the whole drag then stays inside the
 * grid, away from the edges where dragging scrolls it (a taller window for a screenshot may also
 * have scrolled it back to midnight).
 */
export async function reveal(page: Page, hhmm: string): Promise<void> {
  await page.locator(".cal-scroll").evaluate((el, top) => {
    el.scrollTop = top;
  }, Math.max(0, (minutes(hhmm) - 60) * PX_PER_MIN));
}

const earliest = (a: string, b: string) => (minutes(a) <= minutes(b) ? a : b);
const hhmmOf = (aria: string | null) => /(\d{2}:\d{2})–/.exec(aria ?? "")?.[1] ?? "09:00";

/** Where in the page a time of day of a column is (its middle, `offsetPx` below the line). */
async function pointAt(col: Locator, hhmm: string, offsetPx = 0): Promise<{ x: number; y: number }> {
  const box = (await col.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + minutes(hhmm) * PX_PER_MIN + offsetPx };
}

/**
 * Mouse down, move and up, as a person drags: `check` runs before the drop, while the verdict is
 * on screen.
 */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, check?: () => Promise<void>): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + 12, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  if (check) await check();
  await page.mouse.up();
}

/** Drags over an empty slot of a room's column to create a booking there (14:00 → 16:00 covers 14:00–16:00). */
export async function dragToCreate(page: Page, col: Locator, from: string, to: string, check?: () => Promise<void>): Promise<void> {
  await reveal(page, from);
  await drag(page, await pointAt(col, from, 3), await pointAt(col, to, -3), check);
}

/** Drags a booking by its top area so that its start lands at `to` in `target`. */
export async function dragToMove(page: Page, booking: Locator, target: Locator, to: string, check?: () => Promise<void>): Promise<void> {
  await reveal(page, earliest(hhmmOf(await booking.getAttribute("aria-label")), to));
  const box = (await booking.boundingBox())!;
  const grabbed = { x: box.x + box.width / 2, y: box.y + 20 };
  // The block's top is its start: keep the same 20 px below it at the new time.
  await drag(page, grabbed, await pointAt(target, to, 20), check);
}

/** Drags a booking's bottom edge to a new end. */
export async function dragToResize(page: Page, booking: Locator, col: Locator, to: string, check?: () => Promise<void>): Promise<void> {
  await reveal(page, hhmmOf(await booking.getAttribute("aria-label")));
  const box = (await booking.boundingBox())!;
  await drag(page, { x: box.x + box.width / 2, y: box.y + box.height - 3 }, await pointAt(col, to), check);
}

/** The verdict shown beside the slot while dragging. */
export const verdict = (page: Page): Locator => page.getByTestId("drag-verdict");

/** The booking drawer for a new booking. */
export const newBooking = (page: Page): Locator => drawer(page, "Nouvelle réservation");

/** Picks an existing client in the drawer's client search. */
export async function pickClient(panel: Locator, name: string): Promise<void> {
  await panel.getByRole("combobox", { name: /^Client/ }).fill(name);
  // The client's own entry (name and e-mail), not the offer to create one of that name.
  await panel.page().getByRole("option", { name: new RegExp(`^${name}`) }).first().click();
  await expect(panel.getByText(name, { exact: true })).toBeVisible();
}

/** Creates a booking by dragging on the week view, then naming its client in the drawer. */
export async function createByDrag(page: Page, col: Locator, from: string, to: string, client: string): Promise<void> {
  await dragToCreate(page, col, from, to);
  const panel = newBooking(page);
  await expect(panel).toBeVisible();
  await pickClient(panel, client);
  await panel.getByRole("button", { name: "Créer la réservation" }).click();
  await expect(panel).toHaveCount(0);
  await expect(block(page, client)).toBeVisible();
}
