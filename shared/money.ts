/** Money is integer minor units (cents) plus an ISO 4217 currency; never floats. */
export type CurrencyCode = "EUR" | "GBP" | "USD" | "CHF";
export const CURRENCIES: readonly CurrencyCode[] = ["EUR", "GBP", "USD", "CHF"];
export const DEFAULT_CURRENCY: CurrencyCode = "EUR";

/**
 * Parse what a person types ("12,50", "1 200.5", "€80") into cents.
 * Returns null when the text is not an amount.
 */
export function parseAmountToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€£$]|CHF/g, "");
  if (cleaned === "") return null;
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const units = Number(m[1]);
  const fraction = (m[2] ?? "").padEnd(2, "0");
  const cents = units * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents back to the editable text form, e.g. 1250 → "12.50" or "12,50" for French. */
export function centsToInput(cents: number, locale: string): string {
  const text = (cents / 100).toFixed(2);
  return locale.startsWith("fr") ? text.replace(".", ",") : text;
}

export function formatMoney(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

/** Percentages are stored in basis points (2000 = 20 %) so VAT rates like 5.5 % stay exact. */
export function parsePercentToBasisPoints(text: string): number | null {
  const cleaned = text.replace(/[\s%]/g, "");
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bp <= 10000 ? bp : null;
}

export function basisPointsToInput(bp: number, locale: string): string {
  const text = bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(2).replace(/0$/, "");
  return locale.startsWith("fr") ? text.replace(".", ",") : text;
}
