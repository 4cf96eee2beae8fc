import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncRouter } from "../../sync-server/src/router";
import { FakeStripeServer } from "./support/fake-stripe-server";
import { stripeEnv, TEST_PRICES } from "./support/billing-test-setup";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { postStripeEvent, stripeEvent } from "./support/stripe-events";
import { signUpInput } from "./support/sync-test-server";

/** `npm run server` with billing on from the environment: the SDK reaches STRIPE_API_BASE, the webhook is served. */
let db: TestDatabase;
let stripe: FakeStripeServer;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-billing-cli-"));

beforeAll(async () => {
  db = await createTestDatabase("billing_cli");
  stripe = await new FakeStripeServer().start();
});
afterAll(async () => {
  await stripe?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("cli with STRIPE_SECRET_KEY", () => {
  it("says billing is on at start, sells through the configured API, and applies a signed event", async () => {
    const cli = path.resolve(import.meta.dirname, "../../sync-server/src/cli.ts");
    const child = spawn(process.execPath, ["--import", "tsx", cli], {
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: db.adminUrl,
        SYNC_DATA_DIR: dataDir,
        SMTP_URL: "",
        ...stripeEnv(stripe.url),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      let out = "";
      const lines = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          out += chunk;
          if (out.includes('"listening"')) resolve(out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>));
        });
        child.stderr.setEncoding("utf8").on("data", (c: string) => (out += c));
        child.once("exit", (code) => reject(new Error(`cli exited early with ${code}: ${out}`)));
      });
      expect(lines.find((l) => l["msg"] === "billing is on: plans sold through Stripe Checkout")).toMatchObject({ billing: "on", stripeApi: stripe.url });
      const url = String(lines.find((l) => l["msg"] === "listening")!["url"]);

      const client = (token?: string) => createTRPCClient<SyncRouter>({ links: [httpLink({ url: `${url}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) })] });
      const owner = await client().accounts.signUp.mutate(signUpInput("cli"));
      expect((await client(owner.accessToken).billing.checkout.mutate({ plan: "enterprise", interval: "year" })).url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
      const customer = stripe.customersOf(owner.tenantId)[0]!;
      stripe.setSubscription({ id: "sub_cli", customer, status: "active", priceId: TEST_PRICES.enterprise.year, metadata: { tenant_id: owner.tenantId } });
      expect(await postStripeEvent(url, stripeEvent("customer.subscription.created", stripe.subscriptionObject(stripe.subscriptions.get("sub_cli")!)))).toMatchObject({ status: 200, body: { outcome: "enterprise active" } });
      expect((await client(owner.accessToken).billing.status.query()).effective).toMatchObject({ plan: "enterprise", reason: "subscription" });
    } finally {
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  }, 30_000);
});
