import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseStripeForm, type FormValue } from "./stripe-form";

/** One API request as the fake received it. */
export interface StripeRequest {
  method: string;
  path: string;
  form: Record<string, FormValue>;
  idempotencyKey: string | null;
}

export interface FakeSubscription {
  id: string;
  customer: string;
  status: string;
  priceId: string;
  metadata: Record<string, string>;
  trialEnd?: number | null;
  currentPeriodEnd?: number;
  cancelAtPeriodEnd?: boolean;
}

export interface FakeInvoice {
  customer: string;
  number: string;
  created: number;
  total: number;
  status: string;
}

export const FAKE_STRIPE_KEY = "sk_test_fake_0123456789";

const newId = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

class StripeApiError extends Error {
  constructor(readonly status: number, readonly type: string, message: string, readonly code?: string, readonly param?: string) {
    super(message);
  }
}

/**
 * The part of Stripe's API this project calls, in Stripe's wire format: form-encoded requests with
 * a Bearer secret key, JSON objects carrying `object` and `id`, errors as { error: { type, code,
 * message, param } }. Every POST must carry an Idempotency-Key (refused otherwise, so a test fails
 * if the server forgets one); a repeated key gets the first answer back, as Stripe does.
 */
export class FakeStripeServer {
  readonly requests: StripeRequest[] = [];
  readonly customers = new Map<string, Record<string, unknown>>();
  readonly subscriptions = new Map<string, FakeSubscription>();
  readonly invoices: FakeInvoice[] = [];
  /** Next answers to fail, by "METHOD /path-prefix", to test Stripe being down. */
  readonly failures = new Map<string, number>();
  private readonly idempotent = new Map<string, { status: number; body: unknown }>();
  private server: http.Server | null = null;
  url = "";

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The customers made for a studio (tenant id in their metadata, as the server sets it). */
  customersOf(tenantId: string): string[] {
    return [...this.customers.values()].filter((c) => (c["metadata"] as Record<string, string>)["tenant_id"] === tenantId).map((c) => String(c["id"]));
  }

  setSubscription(sub: FakeSubscription): void {
    this.subscriptions.set(sub.id, sub);
  }

  /** Changes a stored subscription, as Stripe would before sending its event. */
  updateSubscription(id: string, change: Partial<FakeSubscription>): void {
    const sub = this.subscriptions.get(id);
    if (!sub) throw new Error(`No fake subscription ${id}`);
    this.subscriptions.set(id, { ...sub, ...change });
  }

  /** A subscription in Stripe's shape (one item, its price and period end on the item). */
  subscriptionObject(sub: FakeSubscription): Record<string, unknown> {
    const periodEnd = sub.currentPeriodEnd ?? nowSeconds() + 30 * 86_400;
    return {
      id: sub.id,
      object: "subscription",
      customer: sub.customer,
      status: sub.status,
      metadata: sub.metadata,
      trial_end: sub.trialEnd ?? null,
      cancel_at_period_end: sub.cancelAtPeriodEnd ?? false,
      created: nowSeconds(),
      livemode: false,
      items: {
        object: "list",
        has_more: false,
        url: `/v1/subscription_items?subscription=${sub.id}`,
        data: [
          {
            id: `si_${sub.id.slice(4)}`,
            object: "subscription_item",
            current_period_start: periodEnd - 30 * 86_400,
            current_period_end: periodEnd,
            quantity: 1,
            price: { id: sub.priceId, object: "price", currency: "eur", recurring: { interval: "month", interval_count: 1 } },
          },
        ],
      },
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const form = parseStripeForm(method === "GET" ? url.search.slice(1) : Buffer.concat(chunks).toString("utf8"));
    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    this.requests.push({ method, path: url.pathname, form, idempotencyKey });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": newId("req") });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.headers.authorization !== `Bearer ${FAKE_STRIPE_KEY}`) throw new StripeApiError(401, "invalid_request_error", "Invalid API Key provided");
      const failKey = [...this.failures.keys()].find((k) => `${method} ${url.pathname}`.startsWith(k));
      if (failKey) {
        const left = this.failures.get(failKey)! - 1;
        if (left <= 0) this.failures.delete(failKey);
        else this.failures.set(failKey, left);
        throw new StripeApiError(500, "api_error", "The fake Stripe is down");
      }
      if (method === "POST") {
        if (!idempotencyKey) throw new StripeApiError(400, "invalid_request_error", "This fake requires an Idempotency-Key on every POST");
        const replay = this.idempotent.get(idempotencyKey);
        if (replay) return send(replay.status, replay.body);
        const body = this.create(url.pathname, form);
        this.idempotent.set(idempotencyKey, { status: 200, body });
        return send(200, body);
      }
      if (method === "GET") return send(200, this.read(url.pathname, form));
      throw new StripeApiError(405, "invalid_request_error", `Unrecognized request URL (${method}: ${url.pathname})`);
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      send(err.status, { error: { type: err.type, message: err.message, ...(err.code ? { code: err.code } : {}), ...(err.param ? { param: err.param } : {}) } });
    }
  }

  private create(path: string, form: Record<string, FormValue>): Record<string, unknown> {
    switch (path) {
      case "/v1/customers": {
        const customer = { id: newId("cus"), object: "customer", created: nowSeconds(), livemode: false, name: form["name"] ?? null, email: form["email"] ?? null, metadata: form["metadata"] ?? {} };
        this.customers.set(customer.id, customer);
        return customer;
      }
      case "/v1/checkout/sessions": {
        const id = newId("cs_test");
        if (form["mode"] !== "subscription") throw new StripeApiError(400, "invalid_request_error", "Only subscription mode is faked", "parameter_invalid", "mode");
        if (typeof form["customer"] !== "string" || !this.customers.has(form["customer"])) throw new StripeApiError(400, "invalid_request_error", "No such customer", "resource_missing", "customer");
        return { id, object: "checkout.session", mode: "subscription", status: "open", customer: form["customer"], client_reference_id: form["client_reference_id"] ?? null, metadata: form["metadata"] ?? {}, subscription: null, url: `https://checkout.stripe.test/c/pay/${id}`, livemode: false };
      }
      case "/v1/billing_portal/sessions": {
        const id = newId("bps");
        if (typeof form["customer"] !== "string" || !this.customers.has(form["customer"])) throw new StripeApiError(400, "invalid_request_error", "No such customer", "resource_missing", "customer");
        return { id, object: "billing_portal.session", customer: form["customer"], return_url: form["return_url"] ?? null, url: `https://billing.stripe.test/p/session/${id}`, livemode: false, created: nowSeconds() };
      }
      default:
        throw new StripeApiError(404, "invalid_request_error", `Unrecognized request URL (POST: ${path})`);
    }
  }

  private read(path: string, query: Record<string, FormValue>): Record<string, unknown> {
    const sub = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (sub) {
      const found = this.subscriptions.get(decodeURIComponent(sub[1]!));
      if (!found) throw new StripeApiError(404, "invalid_request_error", `No such subscription: '${sub[1]}'`, "resource_missing", "id");
      return this.subscriptionObject(found);
    }
    if (path === "/v1/invoices") {
      const limit = Number(query["limit"] ?? 10);
      const data = this.invoices
        .filter((i) => i.customer === query["customer"])
        .sort((a, b) => b.created - a.created)
        .slice(0, limit)
        .map((i, n) => ({ id: `in_${n}_${i.number}`, object: "invoice", customer: i.customer, number: i.number, created: i.created, total: i.total, currency: "eur", status: i.status, hosted_invoice_url: `https://invoice.stripe.test/i/${i.number}`, invoice_pdf: `https://invoice.stripe.test/i/${i.number}/pdf` }));
      return { object: "list", data, has_more: false, url: "/v1/invoices" };
    }
    throw new StripeApiError(404, "invalid_request_error", `Unrecognized request URL (GET: ${path})`);
  }
}
