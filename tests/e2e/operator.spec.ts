import crypto from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { BillingInterval, PaidPlan } from "../../shared/billing/plans";
import type { SessionTokens } from "../../shared/schemas/account";
import { defaultWeeklyHours } from "../../shared/schemas/opening-hours";
import { stripeEnv, TEST_PRICES } from "../integration/support/billing-test-setup";
import { FakeStripeServer } from "../integration/support/fake-stripe-server";
import { postStripeEvent, stripeEvent } from "../integration/support/stripe-events";
import { SCREENSHOTS } from "./fixtures";
import { callSyncServer, startSyncServer, type SyncServerProcess } from "./sync-server-process";

/**
 * /operator on a real sync server (`npm run server`, embedded PostgreSQL) selling through the fake
 * Stripe: studios sign up, subscribe through Checkout and the signed webhook, and the operator reads
 * the figures with the OPERATOR_TOKEN, in French and in English.
 */
const OPERATOR_TOKEN = crypto.randomBytes(32).toString("base64url");

test.describe.configure({ mode: "serial" });

let server: SyncServerProcess;
let stripe: FakeStripeServer;
let owner: SessionTokens;

function signUpInput(label: string) {
  return {
    studioName: `Studio ${label}`,
    owner: { name: `Owner ${label}`, email: `owner.${label}@example.com`, password: `correct horse ${label}` },
    location: { name: "Paris", timeZone: "Europe/Paris", address: null, phone: null, email: null, openingHours: defaultWeeklyHours(), closures: [] },
    device: { name: `Desk ${label}` },
  };
}

/** A studio, subscribed (or not) through Checkout and the webhook, in the state given. */
async function studio(label: string, sub?: { plan: PaidPlan; interval: BillingInterval; status: string }): Promise<SessionTokens> {
  const tokens = await callSyncServer<SessionTokens>(server, "accounts.signUp", signUpInput(label));
  if (!sub) return tokens;
  await callSyncServer(server, "billing.checkout", { plan: sub.plan, interval: sub.interval }, tokens.accessToken);
  const id = `sub_${crypto.randomBytes(8).toString("hex")}`;
  stripe.setSubscription({ id, customer: stripe.customersOf(tokens.tenantId)[0]!, status: sub.status, priceId: TEST_PRICES[sub.plan][sub.interval], metadata: { tenant_id: tokens.tenantId } });
  const reply = await postStripeEvent(server.url, stripeEvent("customer.subscription.created", stripe.subscriptionObject(stripe.subscriptions.get(id)!)));
  expect(reply.status).toBe(200);
  return tokens;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stripe = await new FakeStripeServer().start();
  server = await startSyncServer({ env: { ...stripeEnv(stripe.url), OPERATOR_TOKEN } });
  owner = await studio("pro-a", { plan: "pro", interval: "month", status: "active" });
  await studio("pro-b", { plan: "pro", interval: "month", status: "active" });
  await studio("pro-c", { plan: "pro", interval: "year", status: "active" });
  await studio("ent-a", { plan: "enterprise", interval: "year", status: "active" });
  await studio("ent-b", { plan: "enterprise", interval: "month", status: "past_due" });
  await studio("trial-a", { plan: "pro", interval: "month", status: "trialing" });
  await studio("free-a");
});
test.afterAll(async () => {
  await server?.stop();
  await stripe?.close();
});

test("the operator reads MRR, ARR, plans, churn, LTV, trials and cohorts with the token", { tag: "@sync-server" }, async ({ page }) => {
  await page.goto(`${server.url}/operator`);
  await expect(page.getByRole("heading", { name: "Vue opérateur" })).toBeVisible();

  // A studio owner's access token is not the operator's.
  await page.getByLabel("Jeton opérateur").fill(owner.accessToken);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("alert")).toHaveText("Ce n'est pas le jeton opérateur.");

  await page.getByLabel("Jeton opérateur").fill(OPERATOR_TOKEN);
  await page.getByRole("button", { name: "Afficher" }).click();
  // Pro 2 × 19 € + 190 €/12 + 590 €/12 + Enterprise 59 € (past due counts) = 162 € exactly.
  await expect(page.locator('[data-kpi="mrr"] .kpi-value')).toHaveText("162,00\u00a0€");
  await expect(page.locator('[data-kpi="arr"] .kpi-value')).toHaveText("1\u202f944,00\u00a0€");
  await expect(page.locator('[data-kpi="paying"] .kpi-value')).toHaveText("5");
  await expect(page.locator('[data-kpi="ltv"] .kpi-value')).toHaveText("non définie\u00a0: aucun départ sur la période");
  await expect(page.locator("table.plans")).toContainText("Pro mensuel2");
  await expect(page.locator("table.plans")).toContainText("En essai2");
  await expect(page.locator("table.cohorts tbody tr").last()).toContainText("7");
  await page.screenshot({ path: path.join(SCREENSHOTS, "operator-fr.png"), fullPage: true, animations: "disabled" });

  const en = await page.context().browser()!.newContext({ locale: "en-GB" });
  try {
    const p = await en.newPage();
    await p.goto(`${server.url}/operator`);
    await p.getByLabel("Operator token").fill(OPERATOR_TOKEN);
    await p.getByRole("button", { name: "Show" }).click();
    await expect(p.locator('[data-kpi="mrr"] .kpi-value')).toHaveText("€162.00");
    await expect(p.getByRole("heading", { name: "Monthly cohorts" })).toBeVisible();
    await p.screenshot({ path: path.join(SCREENSHOTS, "operator-en.png"), fullPage: true, animations: "disabled" });
  } finally {
    await en.close();
  }
});
