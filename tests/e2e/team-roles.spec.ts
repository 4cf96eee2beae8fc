import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { totp } from "../../sync-server/src/accounts/totp";
import type { SmtpInbox } from "../integration/support/smtp-inbox";
import { expect, goTo, openApp, screenshot, sidebar, startHost, test, type RunningHost } from "./fixtures";
import { callSyncServer, mailedInvitationCode, startMailingSyncServer, type SyncServerProcess } from "./sync-server-process";

/**
 * Roles end to end with a real sync server that mails invitations to a local inbox: the owner of the
 * demo studio invites an engineer, sees what each role means, turns two-factor on and reads the audit
 * log; the engineer logs in on a second computer and sees no money and no management screens.
 */

const OWNER = { name: "Nadia Lumière", email: "nadia@studio-lumiere.fr", password: "mot-de-passe-solide-42" };
const ENGINEER = { name: "Hugo Martin", email: "hugo@studio-lumiere.fr", password: "hugo-mot-de-passe-42" };

let server: SyncServerProcess;
let inbox: SmtpInbox;
let stopServer: (() => Promise<void>) | undefined;

test.describe.configure({ mode: "serial" });
test.use({ demo: true });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  ({ server, inbox, stop: stopServer } = await startMailingSyncServer());
});

test.afterAll(async () => {
  await stopServer?.();
});

const syncStatus = (page: Page): Locator => sidebar(page).getByTestId("sync-status");
const content = (page: Page): Locator => page.locator("main.content");

test("an owner invites an engineer, who then sees no money and no management", { tag: "@sync-server" }, async ({ page, studio }) => {
  test.setTimeout(240_000);
  const dataDirB = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-e2e-team-"));
  const logB: string[] = [];
  let hostB: RunningHost | null = null;
  try {
    // The demo studio's computer creates the account: its owner is the person who signs up.
    await openApp(page, studio);
    await goTo(page, "Réglages");
    const signUp = page.getByRole("form", { name: "Créer le compte et envoyer ce studio" });
    await signUp.getByLabel("Adresse du serveur").fill(server.url);
    await signUp.getByLabel("Votre nom").fill(OWNER.name);
    await signUp.getByLabel("E-mail").fill(OWNER.email);
    await signUp.getByLabel("Mot de passe").fill(OWNER.password);
    await signUp.getByRole("button", { name: "Créer le compte" }).click();
    await expect(syncStatus(page)).toHaveAttribute("data-pending", "0", { timeout: 30_000 });
    await expect(syncStatus(page)).toHaveAttribute("data-state", "online", { timeout: 30_000 });

    // The owner sees money (so its absence below means something) and the administration entries.
    await goTo(page, "Réservations");
    await expect(page.getByRole("table", { name: "Réservations" })).toContainText("€");

    // Users: invite the engineer by email; the server mails the code.
    await goTo(page, "Utilisateurs", "Utilisateurs et accès");
    await expect(page.getByRole("table", { name: "Membres" })).toContainText(OWNER.email);
    await page.getByRole("button", { name: "Inviter" }).click();
    const invite = page.getByRole("dialog", { name: "Inviter une personne" });
    await invite.getByLabel("E-mail").fill(ENGINEER.email);
    await invite.getByLabel("Rôle").selectOption({ label: "Ingénieur du son" });
    await invite.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect(invite).toBeHidden();
    await expect(page.getByText(`Invitation envoyée à ${ENGINEER.email}`)).toBeVisible();

    // The engineer joins with the mailed code (the desktop has no "join" screen yet: the server's API does it).
    const token = await mailedInvitationCode(inbox, ENGINEER.email);
    await callSyncServer(server, "accounts.acceptInvitation", { token, name: ENGINEER.name, password: ENGINEER.password, device: { name: "Téléphone de Hugo" } });
    await page.reload();
    const members = page.getByRole("table", { name: "Membres" });
    await expect(members.getByRole("row").filter({ hasText: ENGINEER.email })).toContainText("Ingénieur du son");
    await screenshot(page, "team-01-users");

    // A member opens in a drawer with role, locations and devices.
    await members.getByRole("row").filter({ hasText: ENGINEER.email }).click();
    const member = page.getByRole("dialog", { name: "Membre du studio" });
    await expect(member.getByTestId("member-device")).toContainText("Téléphone de Hugo");
    await screenshot(page, "team-02-member-drawer");
    await page.keyboard.press("Escape");
    await expect(member).toBeHidden();

    await page.getByRole("tab", { name: "Rôles et permissions" }).click();
    const matrix = page.getByRole("table", { name: "Rôles et permissions" });
    await expect(matrix.getByRole("row").filter({ hasText: "Voir les montants" })).toBeVisible();
    await screenshot(page, "team-03-permission-matrix");
    await page.emulateMedia({ colorScheme: "dark" });
    await screenshot(page, "team-03-permission-matrix-dark");
    await page.emulateMedia({ colorScheme: "light" });

    // Two-factor: the secret in groups of four, a code from it, then the ten backup codes once.
    await goTo(page, "Réglages");
    const security = page.getByTestId("security-section");
    await security.getByRole("button", { name: "Activer la 2FA" }).click();
    const secret = ((await security.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(security.getByTestId("totp-uri")).toContainText("otpauth://totp/");
    await security.scrollIntoViewIfNeeded();
    await screenshot(page, "team-04-2fa-setup");
    await security.getByLabel("Code à 6 chiffres").fill(totp(secret, Date.now()));
    await security.getByRole("button", { name: "Activer", exact: true }).click();
    const codes = security.getByTestId("backup-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    const backupCode = ((await codes.first().textContent()) ?? "").trim();
    await screenshot(page, "team-05-2fa-backup-codes");
    const done = security.getByRole("button", { name: "Terminer" });
    await expect(done).toBeDisabled();
    await security.getByLabel("Je les ai enregistrés en lieu sûr").check();
    await done.click();
    await expect(security.getByTestId("two-factor-state")).toContainText("Activée · 10 codes de secours restants");

    // The audit log shows the invitation and the engineer joining, newest first.
    await goTo(page, "Journal d'audit");
    const audit = page.getByRole("table", { name: "Journal d'audit" });
    await expect(audit.locator('[data-action="member.invited"]')).toContainText(ENGINEER.email);
    await expect(audit.locator('[data-action="member.joined"]')).toBeVisible();
    await page.getByRole("group", { name: "Type" }).getByRole("button", { name: "Sécurité" }).click();
    await expect(audit.locator('[data-action="totp.enabled"]')).toBeVisible();
    await screenshot(page, "team-06-audit-log");

    // A second computer, fresh: the engineer logs in from the welcome page.
    hostB = await startHost({ dataDir: dataDirB, demo: false, port: 0, log: logB });
    const pageB = await page.context().newPage();
    await pageB.goto(hostB.url);
    await pageB.getByRole("button", { name: "Se connecter", exact: true }).click();
    const logIn = pageB.getByRole("form", { name: "Se connecter à un compte studio existant" });
    await logIn.getByLabel("Adresse du serveur").fill(server.url);
    await logIn.getByLabel("E-mail").fill(ENGINEER.email);
    await logIn.getByLabel("Mot de passe").fill(ENGINEER.password);
    await logIn.getByRole("button", { name: "Se connecter" }).click();
    await expect(sidebar(pageB).getByText("Studio Lumière")).toBeVisible({ timeout: 15_000 });
    await expect(syncStatus(pageB)).toHaveAttribute("data-state", "online", { timeout: 30_000 });

    // No administration, no "new" buttons, and not one amount anywhere.
    await expect(sidebar(pageB).getByRole("button", { name: "Utilisateurs" })).toHaveCount(0);
    await expect(sidebar(pageB).getByRole("button", { name: "Journal d'audit" })).toHaveCount(0);
    await goTo(pageB, "Réservations");
    const bookings = pageB.getByRole("table", { name: "Réservations" });
    await expect(bookings.getByRole("row").nth(1)).toBeVisible({ timeout: 30_000 });
    await expect(content(pageB)).not.toContainText("€");
    await expect(pageB.getByRole("button", { name: "Nouvelle réservation" })).toHaveCount(0);
    await bookings.getByRole("row").nth(1).click();
    const drawerB = pageB.getByRole("dialog", { name: "Réservation", exact: true });
    await expect(drawerB).toBeVisible();
    await expect(drawerB.getByTestId("price-breakdown")).toHaveCount(0);
    await expect(drawerB).not.toContainText("€");
    await expect(drawerB.getByRole("button", { name: /Annuler…/ })).toHaveCount(0);
    await expect(drawerB.getByLabel("Notes")).toBeEnabled();
    await expect(drawerB.getByLabel("Titre")).toBeDisabled();
    await screenshot(pageB, "team-07-engineer-booking-drawer");
    await pageB.keyboard.press("Escape");

    // An engineer writes a session's notes (booking.notes): saved here, accepted by the server.
    await bookings.getByRole("row").filter({ hasText: "Confirmée" }).first().click();
    await expect(drawerB.getByLabel("Titre")).toBeDisabled();
    await drawerB.getByLabel("Notes").fill("Apporter les stems de batterie");
    await drawerB.getByRole("button", { name: "Enregistrer" }).click();
    await expect(drawerB).toBeHidden();
    await expect(syncStatus(pageB)).toHaveAttribute("data-pending", "0", { timeout: 15_000 });
    await expect(syncStatus(pageB).getByRole("button", { name: /à régler/ })).toHaveCount(0);

    await goTo(pageB, "Calendrier");
    await expect(pageB.locator(".cal-card")).toBeVisible();
    await expect(content(pageB)).not.toContainText("€");
    await goTo(pageB, "Clients");
    await expect(pageB.getByRole("table", { name: "Clients" })).toBeVisible({ timeout: 30_000 });
    await expect(content(pageB)).not.toContainText("€");
    await expect(pageB.getByRole("button", { name: "Nouveau client" })).toHaveCount(0);
    // A client opens to read, with nothing to save.
    await pageB.getByRole("table", { name: "Clients" }).getByRole("row").nth(1).click();
    const clientDrawer = pageB.locator(".drawer");
    await expect(clientDrawer.getByLabel("Nom", { exact: true })).toBeDisabled();
    await expect(clientDrawer.getByRole("button", { name: "Enregistrer" })).toHaveCount(0);
    await pageB.keyboard.press("Escape");
    await goTo(pageB, "Salles & matériel");
    await expect(content(pageB)).not.toContainText("€");
    await goTo(pageB, "Réglages");
    await expect(pageB.getByRole("heading", { name: "Studio", exact: true })).toHaveCount(0);
    await pageB.goto(`${hostB.url}#/team`);
    await expect(pageB.getByRole("heading", { level: 1, name: "Accès réservé" })).toBeVisible();
    await pageB.close();

    // The owner lends the engineer "see amounts" until tomorrow, then takes it back.
    await goTo(page, "Utilisateurs", "Utilisateurs et accès");
    await page.getByRole("tab", { name: "Délégations" }).click();
    await page.getByRole("button", { name: "Déléguer" }).click();
    const lend = page.getByRole("dialog", { name: "Déléguer" });
    await expect(lend.getByLabel("À", { exact: true })).toHaveValue(/.+/);
    await lend.getByLabel("Voir les montants (prix, acomptes, soldes, paiements)").check();
    await screenshot(page, "team-09-delegation-dialog");
    await lend.getByRole("button", { name: "Déléguer" }).click();
    await expect(lend).toBeHidden();
    const given = page.getByRole("table", { name: "Délégations données" });
    await expect(given.getByRole("row").filter({ hasText: ENGINEER.name })).toContainText("Active");
    await screenshot(page, "team-10-delegations");
    await given.getByRole("button", { name: "Révoquer" }).click();
    await expect(given.getByRole("row").filter({ hasText: ENGINEER.name })).toContainText("Révoquée");

    // The owner logs in again on the first computer: the server asks for the second factor; a backup code does.
    await goTo(page, "Réglages");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByRole("dialog", { name: "Se déconnecter du compte ?" }).getByRole("button", { name: "Se déconnecter" }).click();
    const again = page.getByRole("form", { name: "Se connecter à un compte existant" });
    await again.getByLabel("E-mail").fill(OWNER.email);
    await again.getByLabel("Mot de passe").fill(OWNER.password);
    await again.getByRole("button", { name: "Se connecter" }).click();
    await expect(again.getByRole("alert").filter({ hasText: "Saisissez le code à 6 chiffres" })).toBeVisible();
    await again.getByLabel("Code de validation").fill(backupCode);
    await screenshot(page, "team-11-login-second-factor");
    await again.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByTestId("account-details")).toContainText(OWNER.email, { timeout: 15_000 });
    await expect(page.getByTestId("two-factor-state")).toContainText("Activée · 9 codes de secours restants");
  } finally {
    await hostB?.stop();
    fs.rmSync(dataDirB, { recursive: true, force: true });
  }
});
