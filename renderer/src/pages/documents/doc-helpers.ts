import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../../main/core/router/app-router";
import { saveFile } from "../../api/desktop";
import type { Translate } from "../../i18n";

type Out = inferRouterOutputs<AppRouter>["documents"];
export type InvoiceView = Out["invoices"]["get"];
export type ContractView = Out["contracts"]["get"];
export type PaymentView = Out["payments"]["list"][number];
export type EmailView = Out["emails"]["list"][number];
export type PdfFile = Out["invoices"]["pdf"];
export type QuoteView = Out["quotes"]["get"];

/** A PDF from the core ({filename, base64}) saved through the same path as the clients CSV export. */
export async function savePdf(pdf: PdfFile): Promise<boolean> {
  const binary = atob(pdf.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return saveFile(pdf.filename, bytes, "application/pdf");
}

/** Badge tone per status: paid and signed read as done, overdue as a warning. */
export function statusTone(status: string): string {
  if (status === "paid" || status === "countersigned" || status === "signed" || status === "accepted") return "ok";
  if (status === "overdue") return "warn";
  if (status === "partly_paid" || status === "issued" || status === "sent") return "accent";
  if (status === "void" || status === "rejected" || status === "expired") return "muted";
  return "";
}

/** Today in the browser's calendar, as the core's isoDate wants it. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** "2026-11-25" shown in the person's language, without a time-zone shift. */
export function formatIsoDate(iso: string | null, locale: string): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1).toLocaleDateString(locale, { dateStyle: "medium" });
}

export function percent(bp: number, locale: string): string {
  return `${(bp / 100).toLocaleString(locale, { maximumFractionDigits: 2 })} %`;
}

/** An invoice's status in words; a credit note ("un avoir", masculine in French) is "Émis", not "Émise". */
export function invoiceStatusLabel(t: Translate, inv: { kind: string; status: string }): string {
  if (inv.kind === "credit_note" && (inv.status === "issued" || inv.status === "void")) return t(`invoices.creditStatus.${inv.status}`);
  return t(`invoices.status.${inv.status as InvoiceView["status"]}`);
}
