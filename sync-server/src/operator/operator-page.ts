import type http from "node:http";
import { TRPCError } from "@trpc/server";
import { addMonths, monthOf } from "../../../shared/billing/saas-months";
import { appErrorData } from "../../../shared/trpc-error-data";
import type { Logger } from "../log";
import type { SyncServices } from "../trpc/context";
import { createCallerFactory } from "../trpc/init";
import { renderOperatorPage, type OperatorPageView } from "./operator-page-html";
import { fill, operatorLanguage, operatorText } from "./operator-page-text";
import { operatorRouter } from "./operator-router";

export const OPERATOR_PAGE_PATH = "/operator";
const MAX_FORM_BYTES = 4096;
const createCaller = createCallerFactory(operatorRouter);

/** Nothing on this page may come from elsewhere, run script, be framed or be cached. */
const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

function readForm(req: http.IncomingMessage): Promise<URLSearchParams | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

/**
 * GET /operator: the form (operator token, month range: the last 12 months by default). POST: the
 * same form, then the figures, fetched through operator.metrics (the same guard as the API: the
 * token goes in as a Bearer credential, compared in constant time). Rendered on the server, no
 * script: nothing to build, and nothing for a script injection to run in.
 */
export async function operatorPageReply(req: http.IncomingMessage, services: SyncServices | null, log: Logger): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  const lang = operatorLanguage(req.headers["accept-language"]);
  const t = operatorText(lang);
  const now = services?.accounts.now() ?? Date.now();
  const to = monthOf(now);
  const view: OperatorPageView = { lang, from: addMonths(to, -11), to, token: "", metrics: null, error: null };
  const reply = (status: number) => ({ status, body: renderOperatorPage(view), headers: HEADERS });
  // Off (no OPERATOR_TOKEN): said at once, rather than after a token is typed for nothing.
  if (req.method === "GET" || req.method === "HEAD") {
    if (!services?.operator?.token) view.error = t.errors.OPERATOR_DISABLED ?? null;
    return reply(200);
  }
  if (req.method !== "POST") return { status: 405, body: "Method not allowed", headers: { ...HEADERS, "content-type": "text/plain; charset=utf-8", allow: "GET, HEAD, POST" } };

  const form = await readForm(req);
  if (!form) return { ...reply(413), body: "Form too large" };
  view.token = form.get("token") ?? "";
  view.from = form.get("from") ?? view.from;
  view.to = form.get("to") ?? view.to;
  try {
    const caller = createCaller({ version: "", startedAt: 0, services, clientIp: "", authorization: `Bearer ${view.token.trim()}`, live: null });
    view.metrics = await caller.metrics({ from: view.from, to: view.to });
    return reply(200);
  } catch (err) {
    const data = err instanceof TRPCError ? appErrorData(err) : null;
    const code = data?.appCode;
    if (!code || code === "INTERNAL") log({ level: "error", msg: "operator metrics failed", error: String(err) });
    // A wrong token is not kept in the form.
    if (code === "UNAUTHENTICATED") view.token = "";
    view.error = (code && t.errors[code]) ?? fill(t.errors.other, { message: err instanceof Error ? err.message : String(err) });
    return reply(code === "UNAUTHENTICATED" ? 401 : code === "VALIDATION_FAILED" ? 400 : code === "OPERATOR_DISABLED" ? 412 : 500);
  }
}
