import type { Locator, Page } from "@playwright/test";
import type { SmtpInbox } from "../integration/support/smtp-inbox";
import { expect, goTo, openApp, screenshot, sidebar, test } from "./fixtures";
import { callSyncServer, mailedInvitationCode, startMailingSyncServer, type SyncServerProcess } from "./sync-server-process";

/**
 * "Invitations en attente" on the Users screen, with a real sync server mailing to a local inbox: the
 * owner invites two people, sees them listed, resends one (the old code dies, the new one works) and
 * cancels the other after confirming (its code then answers INVITATION_CANCELLED).
 */

const OWNER = { name: "Nadia Lumière", email: "nadia@studio-lumiere.fr", password: "mot-de-passe-solide-42" };
const LEA = "lea@studio-lumiere.fr";
const SAM = "sam@studio-lumiere.fr";

let server: SyncServerProcess;
let inbox: SmtpInbox;
let stopServer: (() => Promise<void>) | undefined;

test.use({ demo: true });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  ({ server, inbox, stop: stopServer } = await startMailingSyncServer());
});

test.afterAll(async () => {
  await stopServer?.();
});

const syncStatus = (page: Page): Locator => sidebar(page).getByTestId("sync-status");

/** The sync server's refusal code for accepting `token`, or "accepted". */
async function acceptOutcome(token: string, name: string): Promise<string> {
  try {
    await callSyncServer(server, "accounts.acceptInvitation", { token, name, password: "un-mot-de-passe-42", device: { name: `Portable de ${name}` } });
    return "accepted";
  } catch (e) {
    return /"appCode":"(\w+)"/.exec(String(e instanceof Error ? e.message : e))?.[1] ?? String(e);
  }
}

async function inviteFromScreen(page: Page, email: string): Promise<void> {
  await page.getByRole("button", { name: "Inviter" }).click();
  const invite = page.getByRole("dialog", { name: "Inviter une personne" });
  await invite.getByLabel("E-mail").fill(email);
  await invite.getByLabel("Rôle").selectOption({ label: "Ingénieur du son" });
  await invite.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(invite).toBeHidden();
}

test("an owner lists, resends and cancels pending invitations", { tag: "@sync-server" }, async ({ page, studio }) => {
  test.setTimeout(180_000);
  await openApp(page, studio);
  await goTo(page, "Réglages");
  const signUp = page.getByRole("form", { name: "Créer le compte et envoyer ce studio" });
  await signUp.getByLabel("Adresse du serveur").fill(server.url);
  await signUp.getByLabel("Votre nom").fill(OWNER.name);
  await signUp.getByLabel("E-mail").fill(OWNER.email);
  await signUp.getByLabel("Mot de passe").fill(OWNER.password);
  await signUp.getByRole("button", { name: "Créer le compte" }).click();
  await expect(syncStatus(page)).toHaveAttribute("data-state", "online", { timeout: 30_000 });

  await goTo(page, "Utilisateurs", "Utilisateurs et accès");
  const section = page.getByTestId("pending-invitations");
  await expect(section).toContainText("Aucune invitation en attente.");

  await inviteFromScreen(page, LEA);
  await inviteFromScreen(page, SAM);
  const table = section.getByRole("table", { name: "Invitations en attente" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(section.getByTestId("invitation-count")).toHaveText("2");
  await expect(section.getByTestId("invitation-count")).toHaveAttribute("title", "2 invitations en attente");
  const lea = table.getByRole("row").filter({ hasText: LEA });
  await expect(lea).toContainText("Ingénieur du son");
  await expect(lea).toContainText(`par ${OWNER.name}`);
  await screenshot(page, "team-invitations-01-pending");

  // Resend: a new mail; the first code no longer works, the new one does.
  const firstLea = await mailedInvitationCode(inbox, LEA);
  const since = inbox.mails.length;
  await lea.getByRole("button", { name: "Renvoyer" }).click();
  await expect(page.getByText(`Nouveau code envoyé à ${LEA}`)).toBeVisible();
  const secondLea = await mailedInvitationCode(inbox, LEA, since);
  expect(secondLea).not.toBe(firstLea);
  expect(await acceptOutcome(firstLea, "Léa")).toBe("INVITATION_CANCELLED");

  // Cancel, confirmed in a dialog; the code then answers INVITATION_CANCELLED.
  const samToken = await mailedInvitationCode(inbox, SAM);
  await table.getByRole("row").filter({ hasText: SAM }).getByRole("button", { name: "Annuler" }).click();
  const confirm = page.getByRole("dialog", { name: `Annuler l'invitation de ${SAM} ?` });
  await expect(confirm).toContainText("ne fonctionnera plus");
  await screenshot(page, "team-invitations-02-confirm");
  await confirm.getByRole("button", { name: "Annuler l'invitation" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(`Invitation de ${SAM} annulée`)).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: SAM })).toHaveCount(0);
  await expect(section.getByTestId("invitation-count")).toHaveAttribute("title", "1 invitation en attente");
  expect(await acceptOutcome(samToken, "Sam")).toBe("INVITATION_CANCELLED");
  await screenshot(page, "team-invitations-03-after-cancel");

  // Léa joins with the resent code: she moves from the invitations to the members.
  expect(await acceptOutcome(secondLea, "Léa")).toBe("accepted");
  await page.reload();
  await expect(page.getByRole("table", { name: "Membres" })).toContainText(LEA);
  await expect(section).toContainText("Aucune invitation en attente.");
  await screenshot(page, "team-invitations-04-empty");
});
