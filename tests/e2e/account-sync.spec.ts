import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { zonedToInstant } from "../../shared/zoned-time";
import { freeWednesday, STUDIO_A } from "./calendar-helpers";
import { callCore, expect, goTo, openApp, row, screenshot, sidebar, startHost, table, test, type RunningHost } from "./fixtures";
import { callSyncServer, startSyncServer, type SyncServerProcess } from "./sync-server-process";

/**
 * Two studio computers and a real sync server (embedded PostgreSQL in a temp folder): the demo
 * studio's computer creates the account from Settings, a fresh computer logs in from the welcome
 * page and receives the studio, logging out keeps the data, and two bookings of one slot made
 * while one computer was logged out meet in the conflicts inbox.
 */

const OWNER = { name: "Nadia Lumière", email: "nadia@studio-lumiere.fr", password: "mot-de-passe-solide-42" };

let server: SyncServerProcess;

test.describe.configure({ mode: "serial" });
test.use({ demo: true });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startSyncServer();
});

test.afterAll(async () => {
  await server?.stop();
});

const syncStatus = (page: Page): Locator => sidebar(page).getByTestId("sync-status");

/** The owner acting from elsewhere, over HTTP. */
const callServer = <T>(procedure: string, input: unknown, accessToken?: string): Promise<T> => callSyncServer<T>(server, procedure, input, accessToken);

/** Books Studio A from 10:00 to 12:00 (Paris) on `date` through the core, as the drawer would. */
async function bookStudioA(page: Page, date: string, title: string): Promise<void> {
  const rooms = await callCore<{ id: string; name: string; locationId: string }[]>(page, "query", "rooms.list", {});
  const room = rooms.find((r) => r.name === STUDIO_A)!;
  await callCore(page, "mutation", "bookings.create", {
    locationId: room.locationId, roomIds: [room.id], title,
    startsAt: new Date(zonedToInstant("Europe/Paris", date, 10 * 60)).toISOString(),
    endsAt: new Date(zonedToInstant("Europe/Paris", date, 12 * 60)).toISOString(),
  });
}

test("a studio account joins two computers: sign up, log in on a fresh one, log out, settle a conflict", { tag: "@sync-server" }, async ({ page, studio }, testInfo) => {
  test.setTimeout(180_000);
  const dataDirB = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-e2e-b-"));
  const logB: string[] = [];
  let hostB: RunningHost | null = null;
  try {
    // Computer A holds the demo studio and no account yet.
    await openApp(page, studio);
    await expect(syncStatus(page)).toHaveAttribute("data-state", "disconnected");
    await expect(syncStatus(page)).toContainText("Non relié à un compte");
    await screenshot(page, "sync-01-indicator-disconnected");

    await goTo(page, "Réglages");
    const signUp = page.getByRole("form", { name: "Créer le compte et envoyer ce studio" });
    await expect(signUp.getByLabel("Nom de cet ordinateur")).not.toHaveValue("");
    await signUp.getByLabel("Adresse du serveur").fill("pas une adresse");
    await signUp.getByRole("button", { name: "Créer le compte" }).click();
    await expect(signUp.getByText("Adresse de serveur invalide")).toBeVisible();
    await expect(signUp.getByText("Ce champ est obligatoire.").first()).toBeVisible();
    await screenshot(page, "sync-02-account-not-connected");

    await signUp.getByLabel("Adresse du serveur").fill(server.url);
    await signUp.getByLabel("Votre nom").fill(OWNER.name);
    await signUp.getByLabel("E-mail").fill(OWNER.email);
    await signUp.getByLabel("Mot de passe").fill(OWNER.password);
    await signUp.getByRole("button", { name: "Créer le compte" }).click();
    // The whole demo studio is pushed; the indicator says when it is all there.
    await expect(syncStatus(page)).toHaveAttribute("data-state", "online", { timeout: 30_000 });
    await expect(syncStatus(page)).toHaveAttribute("data-pending", "0", { timeout: 30_000 });
    await expect(syncStatus(page)).toContainText("En ligne");
    await expect(syncStatus(page)).toContainText("Tout est envoyé");
    const details = page.getByTestId("account-details");
    await expect(details).toContainText(OWNER.email);
    await expect(details).toContainText("Propriétaire");
    await screenshot(page, "sync-03-account-connected");

    // Computer B is fresh: the welcome page offers to log in to the account.
    hostB = await startHost({ dataDir: dataDirB, demo: false, port: 0, log: logB });
    const pageB = await page.context().newPage();
    await pageB.goto(hostB.url);
    await expect(pageB.getByRole("heading", { level: 1, name: "Bienvenue dans Recording Studio Manager" })).toBeVisible();
    await expect(pageB.getByRole("heading", { name: "Se connecter à un compte studio existant" })).toBeVisible();
    await screenshot(pageB, "sync-04-welcome-choices");

    await pageB.getByRole("button", { name: "Se connecter", exact: true }).click();
    const logIn = pageB.getByRole("form", { name: "Se connecter à un compte studio existant" });
    await logIn.getByLabel("Adresse du serveur").fill(server.url);
    await logIn.getByLabel("E-mail").fill(OWNER.email);
    await logIn.getByLabel("Mot de passe").fill("pas-le-bon-mot-de-passe");
    await logIn.getByRole("button", { name: "Se connecter" }).click();
    await expect(logIn.getByRole("alert").filter({ hasText: "E-mail ou mot de passe incorrect." })).toBeVisible();
    await screenshot(pageB, "sync-05-welcome-login-wrong-password");

    await logIn.getByLabel("Mot de passe").fill(OWNER.password);
    await logIn.getByRole("button", { name: "Se connecter" }).click();
    await expect(sidebar(pageB).getByText("Studio Lumière")).toBeVisible({ timeout: 15_000 });
    await goTo(pageB, "Clients");
    await expect(row(table(pageB, "Clients"), "Héloïse Mercier")).toBeVisible({ timeout: 30_000 });
    await expect(syncStatus(pageB)).toHaveAttribute("data-state", "online", { timeout: 30_000 });
    await screenshot(pageB, "sync-06-replica-clients");

    // Logging out forgets the account only: the studio stays on computer B.
    await goTo(pageB, "Réglages");
    await pageB.getByRole("button", { name: "Se déconnecter" }).click();
    const confirm = pageB.getByRole("dialog", { name: "Se déconnecter du compte ?" });
    await expect(confirm).toContainText("Les données du studio restent ici");
    await screenshot(pageB, "sync-07-logout-confirm");
    await confirm.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(syncStatus(pageB)).toHaveAttribute("data-state", "disconnected");
    await goTo(pageB, "Clients");
    await expect(row(table(pageB, "Clients"), "Héloïse Mercier")).toBeVisible();

    // The same slot booked on both computers while B is logged out: B's booking comes back as a conflict.
    const date = freeWednesday();
    await bookStudioA(pageB, date, "Session hors ligne B");
    await expect(syncStatus(pageB)).toHaveAttribute("data-pending", "1");
    await bookStudioA(page, date, "Session en ligne A");
    await expect(syncStatus(page)).toHaveAttribute("data-pending", "0", { timeout: 15_000 });

    await goTo(pageB, "Réglages");
    const again = pageB.getByRole("form", { name: "Se connecter à un compte existant" });
    await expect(again.getByLabel("Adresse du serveur")).toHaveValue(server.url);
    await again.getByLabel("E-mail").fill(OWNER.email);
    await again.getByLabel("Mot de passe").fill(OWNER.password);
    await again.getByRole("button", { name: "Se connecter" }).click();
    const badge = syncStatus(pageB).getByRole("button", { name: "1 conflit ou refus à régler" });
    await expect(badge).toBeVisible({ timeout: 30_000 });
    await screenshot(pageB, "sync-08-indicator-conflict");

    await badge.click();
    await expect(pageB.getByRole("heading", { level: 1, name: "Conflits de synchro" })).toBeVisible();
    const conflict = pageB.getByTestId("conflict");
    await expect(conflict).toContainText("Session hors ligne B");
    await expect(conflict).toContainText("Session en ligne A");
    await screenshot(pageB, "sync-09-inbox-conflict");

    await conflict.getByRole("button", { name: "Confirmer à nouveau" }).click();
    await expect(conflict.getByRole("alert")).toContainText("Pas encore possible, rien n'a changé : Studio A — Neve est réservé");
    await pageB.emulateMedia({ colorScheme: "dark" });
    await screenshot(pageB, "sync-10-inbox-refused-dark");
    await pageB.emulateMedia({ colorScheme: "light" });

    // "Move / change room" opens the booking drawer on it.
    await conflict.getByRole("button", { name: "Déplacer / changer de salle" }).click();
    await expect(pageB.getByRole("dialog", { name: "Réservation", exact: true }).getByText("Session hors ligne B")).toBeVisible();
    await pageB.keyboard.press("Escape");

    await conflict.getByRole("button", { name: "Annuler…" }).click();
    const cancel = pageB.getByRole("dialog", { name: "Annuler la réservation" });
    await cancel.getByRole("button", { name: "Confirmer l'annulation" }).click();
    await expect(cancel).toBeHidden();
    await expect(pageB.getByRole("heading", { name: "Rien à régler" })).toBeVisible({ timeout: 15_000 });
    await screenshot(pageB, "sync-11-inbox-empty");
    await pageB.close();

    // The owner revokes computer A from elsewhere: A asks to log in again, and logging in resumes.
    const deviceA = (await page.getByTestId("account-details").textContent())!.match(/[0-9a-f]{8}-[0-9a-f-]{27}/)![0];
    const owner = await callServer<{ accessToken: string }>("accounts.logIn", { email: OWNER.email, password: OWNER.password, device: { name: "Téléphone" } });
    await callServer("devices.revoke", { deviceId: deviceA }, owner.accessToken);
    // A round now (the live stream may notice first and hide "Synchroniser": no click to race with).
    await callCore(page, "mutation", "sync.now", undefined);
    await expect(syncStatus(page)).toHaveAttribute("data-state", "login_required", { timeout: 15_000 });
    await expect(syncStatus(page)).toContainText("Reconnexion requise");
    await goTo(page, "Clients");
    await screenshot(page, "sync-13-indicator-login-required");
    await syncStatus(page).getByRole("button", { name: "Se reconnecter" }).click();
    const relogin = page.getByRole("form", { name: "Se reconnecter" });
    await expect(relogin.getByLabel("E-mail")).toHaveValue(OWNER.email);
    await expect(relogin).toBeInViewport();
    await screenshot(page, "sync-14-account-login-required");
    await relogin.getByLabel("Mot de passe").fill(OWNER.password);
    await relogin.getByRole("button", { name: "Se connecter" }).click();
    await expect(syncStatus(page)).toHaveAttribute("data-state", "online", { timeout: 15_000 });
    await expect(relogin).toHaveCount(0);

    // The server gone: "Synchroniser" says so in words, and nothing is lost.
    await server.stop();
    await syncStatus(page).getByRole("button", { name: "Synchroniser" }).click();
    await expect(syncStatus(page)).toHaveAttribute("data-state", /offline|error/, { timeout: 15_000 });
    await expect(syncStatus(page)).toContainText("Le serveur du studio ne répond pas");
    await screenshot(page, "sync-12-indicator-offline");
  } finally {
    await hostB?.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach("host-b.log", { body: logB.join(""), contentType: "text/plain" });
      await testInfo.attach("sync-server.log", { body: server.log.join(""), contentType: "text/plain" });
    }
    fs.rmSync(dataDirB, { recursive: true, force: true });
  }
});
