import { describe, expect, it } from "vitest";
import { readBillingConfig } from "./billing-config";

const SELLING = {
  STRIPE_SECRET_KEY: "sk_test_123",
  STRIPE_WEBHOOK_SECRET: "whsec_abc",
  STRIPE_PRICE_PRO_MONTHLY: "price_pm",
  STRIPE_PRICE_PRO_YEARLY: "price_py",
  STRIPE_PRICE_ENTERPRISE_MONTHLY: "price_em",
  STRIPE_PRICE_ENTERPRISE_YEARLY: "price_ey",
  APP_URL: "https://studio.example.com/",
};

describe("readBillingConfig", () => {
  it("without a Stripe key: billing off, every studio on Enterprise unless SYNC_DEFAULT_PLAN says otherwise", () => {
    expect(readBillingConfig({})).toEqual({ stripe: null, defaultPlan: "enterprise" });
    expect(readBillingConfig({ SYNC_DEFAULT_PLAN: "pro" })).toEqual({ stripe: null, defaultPlan: "pro" });
    expect(() => readBillingConfig({ SYNC_DEFAULT_PLAN: "gold" })).toThrow('SYNC_DEFAULT_PLAN must be free, pro or enterprise, got "gold"');
  });

  it("with one: the secret, the four prices and the return address, and another API address for tests", () => {
    expect(readBillingConfig({ ...SELLING, STRIPE_API_BASE: "http://127.0.0.1:12111" })).toEqual({
      defaultPlan: "enterprise",
      stripe: {
        secretKey: "sk_test_123",
        webhookSecret: "whsec_abc",
        prices: { pro: { month: "price_pm", year: "price_py" }, enterprise: { month: "price_em", year: "price_ey" } },
        appUrl: "https://studio.example.com",
        apiBase: "http://127.0.0.1:12111",
      },
    });
  });

  it.each(["STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_ENTERPRISE_YEARLY", "APP_URL"])("refuses to sell without %s", (name) => {
    expect(() => readBillingConfig({ ...SELLING, [name]: " " })).toThrow(`${name} is required when STRIPE_SECRET_KEY is set`);
  });

  it("refuses an APP_URL that is not http(s)", () => {
    expect(() => readBillingConfig({ ...SELLING, APP_URL: "studio.example.com" })).toThrow("APP_URL must be an http(s) URL");
    expect(() => readBillingConfig({ ...SELLING, APP_URL: "ftp://x" })).toThrow("APP_URL must be an http(s) URL");
  });
});
