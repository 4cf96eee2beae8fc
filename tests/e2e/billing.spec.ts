import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { defaultWeeklyHours } from "../../shared/schemas/opening-hours";
import { stripeEnv, TEST_PRICES } from "../integration/support/billing-test-setup";
import { FakeStripeServer } from "../integration/support/fake-stripe-server";
import { postStripeEvent, stripeEvent } from "../integration/support/stripe-events";
import { callCore, expect, goTo, openApp, SCREENSHOTS, sidebar, test } from "./fixtures";
import { startSyncServer, type SyncServerProcess } from "./sync-server-process";

/**
 * Settings → Forfait et facturation against a real sync server: billing off (usage against the
 * server's plan, then the last known plan once the server is gone), and billing on through the
 * official Stripe SDK pointed at the tests' fake Stripe (trial, upgrade offers opening Checkout,
 * an active subscription with its invoices, a failed payment's grace period).
 */

const OWNER = { name: "Nadia Lumière", email: "nadia@studio-lumiere.fr", password: "mot-de-passe-solide-42" };

test.describe.configure({ mode: "serial" });
test.use({ demo: true });

const planSection = (page: Page): Locator => page.getByTestId("plan-section");
const syncStatus = (page: Page): Locator => sidebar(page).getByTestId("sync-status");

/** The section alone, as tall as it is (the page scrolls inside its content area). */
async function shot(page: Page, name: string): Promise<void> {
  // Not mid-refresh (the window regaining focus reads the plan again).
  await expect(planSection(page).locator(".plan-head button:disabled")).toHaveCount(0);
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: size.width, height: 2400 });
  try {
    await planSection(page).scrollIntoViewIfNeeded();
    await planSection(page).screenshot({ path: path.join(process.env.BILLING_SCREENSHOTS ?? SCREENSHOTS, `${name}.png`), animations: "disabled" });
  } finally {
    await page.setViewportSize(size);
  }
}

/** Clicks `button`, and returns the address of the browser tab it opened (closed again). */
async function openedTab(page: Page, button: Locator): Promise<string> {
  const opened = page.context().waitForEvent("page");
  await button.click();
  const tab = await opened;
  await tab.waitForLoadState();
  const url = tab.url();
  await tab.close();
  return url;
}

/** The demo studio's owner creates the studio account from Settings, and the whole studio is sent. */
async function signUp(page: Page, serverUrl: string): Promise<void> {
  const form = page.getByRole("form", { name: "Créer le compte et envoyer ce studio" });
  await form.getByLabel("Adresse du serveur").fill(serverUrl);
  await form.getByLabel("Votre nom").fill(OWNER.name);
  await form.getByLabel("E-mail").fill(OWNER.email);
  await form.getByLabel("Mot de passe").fill(OWNER.password);
  await form.getByRole("button", { name: "Créer le compte" }).click();
  await expect(syncStatus(page)).toHaveAttribute("data-state", "online", { timeout: 30_000 });
  await expect(syncStatus(page)).toHaveAttribute("data-pending", "0", { timeout: 30_000 });
}

test("billing off: the server's plan, usage against its limits, and the last known plan offline", { tag: "@sync-server" }, async ({ page, studio }) => {
  test.setTimeout(150_000);
  // Every studio on Pro: limits to show (Enterprise, the default, has none).
  const server: SyncServerProcess = await startSyncServer({ env: { SYNC_DEFAULT_PLAN: "pro" } });
  try {
    await openApp(page, studio);
    await goTo(page, "Réglages");
    const section = planSection(page);
    await expect(section.getByRole("heading", { name: "Forfait et facturation" })).toBeVisible();
    await expect(section).toContainText("reliez cet ordinateur à un compte studio");
    await shot(page, "billing-01-not-connected");

    await signUp(page, server.url);
    await expect(section.getByTestId("billing-off")).toContainText("La facturation est désactivée sur ce serveur : tous ses studios ont le forfait Pro");
    await expect(section.getByTestId("plan-name")).toHaveText("Pro");
    await expect(section.getByTestId("plan-state")).toHaveText("Fourni par le serveur du studio");
    // The demo studio: two locations of Pro's three, six rooms (unlimited), its owner alone.
    await expect(section.getByTestId("meter-locations")).toContainText("2 sur 3");
    await expect(section.getByTestId("meter-rooms")).toContainText("6 · illimité");
    await expect(section.getByTestId("meter-users")).toContainText("1 sur 10");
    await expect(section.getByRole("meter", { name: "Sites" })).toHaveAttribute("aria-valuenow", "2");
    // Nothing to buy on this server, and so no Portal or invoices either.
    await expect(section.getByTestId("plan-offers")).toHaveCount(0);
    await expect(section.getByRole("button", { name: "Gérer l'abonnement" })).toHaveCount(0);
    await shot(page, "billing-02-off-usage");

    // A third location fills Pro's three: the meter says so before anyone is refused a fourth.
    await callCore(page, "mutation", "locations.create", { name: "Lumière Lyon", timeZone: "Europe/Paris", openingHours: defaultWeeklyHours(), closures: [] });
    await expect(syncStatus(page)).toHaveAttribute("data-pending", "0", { timeout: 30_000 });
    await section.getByRole("button", { name: "Actualiser" }).click();
    await expect(section.getByTestId("meter-locations")).toHaveAttribute("data-level", "full");
    await expect(section.getByTestId("meter-locations")).toContainText("3 sur 3");
    await expect(section.getByTestId("meter-locations")).toContainText("Limite atteinte");
    await expect(section).toContainText("Une limite atteinte refuse les nouveaux ajouts de ce type");

    // The server goes away: the last answer stays on screen, said to be the last known one.
    await server.stop();
    await section.getByRole("button", { name: "Actualiser" }).click();
    await expect(section.getByTestId("plan-offline")).toContainText("Hors ligne : voici le dernier état connu");
    await expect(section.getByTestId("plan-name")).toHaveText("Pro");
    await expect(section.getByTestId("usage-meters")).toContainText("Utilisation au");
    await expect(section.getByTestId("meter-locations")).toContainText("3 sur 3");
    await shot(page, "billing-03-offline-last-known");
  } finally {
    await server.stop();
  }
});

test("billing on: a trial, upgrade offers opening Checkout, then a subscription with its invoices and a failed payment", { tag: "@sync-server" }, async ({ page, studio }) => {
  test.setTimeout(180_000);
  const stripe = await new FakeStripeServer().start();
  const server = await startSyncServer({ env: stripeEnv(stripe.url) });
  try {
    await openApp(page, studio);
    await goTo(page, "Réglages");
    await signUp(page, server.url);
    const section = planSection(page);

    // A new studio tries Pro for 14 days, no card asked.
    await expect(section.getByTestId("plan-name")).toHaveText("Pro");
    await expect(section.getByTestId("plan-state")).toContainText("Essai gratuit jusqu'au");
    await expect(section).toContainText("Le studio essaie le forfait Pro jusqu'au");
    const offers = section.getByTestId("plan-offers");
    await expect(offers.getByTestId("offer-pro")).toContainText("Essai en cours");
    await expect(offers.getByTestId("offer-pro")).toContainText("19,00 € / mois");
    await expect(offers.getByTestId("offer-enterprise")).toContainText("59,00 € / mois");
    await offers.getByRole("button", { name: /^Annuel/ }).click();
    await expect(offers.getByTestId("offer-pro")).toContainText("190,00 € / an");
    await expect(offers.getByTestId("offer-enterprise")).toContainText("590,00 € / an");
    await expect(section.getByTestId("plan-invoices")).toContainText("Aucune facture pour l'instant.");
    await shot(page, "billing-04-trial-offers");

    // Upgrading opens Stripe Checkout in the browser (here a new tab), for Pro yearly. Stripe's pages, stood in for.
    await page.context().route(/^https:\/\/(checkout|billing)\.stripe\.test\//, (route) => route.fulfill({ contentType: "text/html", body: "<h1>Stripe</h1>" }));
    expect(await openedTab(page, offers.getByRole("button", { name: "Passer à Pro" }))).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\//);
    await expect(section).toContainText("La page s'est ouverte dans votre navigateur");
    const session = stripe.requests.find((r) => r.path === "/v1/checkout/sessions");
    expect(JSON.stringify(session?.form)).toContain(TEST_PRICES.pro.year);

    // Stripe says the subscription started, and issues the first invoice.
    const { tenantId } = await callCore<{ tenantId: string }>(page, "query", "account.status", undefined);
    const customer = stripe.customersOf(tenantId)[0]!;
    const periodEnd = Math.floor(Date.now() / 1000) + 365 * 86_400;
    stripe.setSubscription({ id: "sub_e2e", customer, status: "active", priceId: TEST_PRICES.pro.year, metadata: { tenant_id: tenantId }, currentPeriodEnd: periodEnd });
    stripe.invoices.push({ customer, number: "RSM-0001", created: Math.floor(Date.now() / 1000), total: 19_000, status: "paid" });
    expect((await postStripeEvent(server.url, stripeEvent("customer.subscription.created", stripe.subscriptionObject(stripe.subscriptions.get("sub_e2e")!)))).status).toBe(200);
    await section.getByRole("button", { name: "Actualiser" }).click();
    await expect(section.getByTestId("plan-state")).toContainText("Abonnement actif");
    await expect(section.getByTestId("plan-offers")).toHaveCount(0);
    await expect(section.getByRole("button", { name: "Gérer l'abonnement" })).toBeVisible();
    const invoices = section.getByRole("table", { name: "Factures" });
    await expect(invoices).toContainText("RSM-0001");
    await expect(invoices).toContainText("190,00 €");
    await expect(invoices).toContainText("Payée");
    await expect(invoices.getByRole("link", { name: "Voir" })).toHaveAttribute("href", "https://invoice.stripe.test/i/RSM-0001");
    // Paid and back: the "page opened in your browser" notice has served.
    await expect(section).not.toContainText("La page s'est ouverte dans votre navigateur");
    await shot(page, "billing-05-active-invoices");

    // "Gérer l'abonnement" opens the Customer Portal.
    expect(await openedTab(page, section.getByRole("button", { name: "Gérer l'abonnement" }))).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\//);

    // A renewal fails: full access for the grace period, said with its end date.
    stripe.updateSubscription("sub_e2e", { status: "past_due" });
    expect((await postStripeEvent(server.url, stripeEvent("customer.subscription.updated", stripe.subscriptionObject(stripe.subscriptions.get("sub_e2e")!)))).status).toBe(200);
    await section.getByRole("button", { name: "Actualiser" }).click();
    await expect(section.getByTestId("plan-state")).toContainText("Paiement en retard : accès complet jusqu'au");
    await expect(section).toContainText("Le dernier paiement a échoué");
    await shot(page, "billing-06-past-due-grace");

    // The same in English.
    await page.getByRole("group", { name: "Langue" }).getByRole("button", { name: "English" }).click();
    await expect(section.getByRole("heading", { name: "Plan & billing" })).toBeVisible();
    await expect(section.getByTestId("plan-state")).toContainText("Payment overdue: full access until");
    await shot(page, "billing-07-past-due-en");
  } finally {
    await server.stop();
    await stripe.close();
  }
});
