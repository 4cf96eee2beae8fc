import { formatDate, formatPercent, formatSession } from "../../../shared/documents/contract-merge-values";
import type { DocumentLanguage } from "../../../shared/documents/contract-templates";
import { formatMoney } from "../../../shared/money";
import { pdfText } from "./pdf-writer";

const LOCALE: Record<DocumentLanguage, string> = { fr: "fr-FR", en: "en-GB" };

/** Money, dates, percentages and quantities as a document in `language` prints them. */
export function formatter(language: DocumentLanguage, currency: string) {
  return {
    money: (cents: number) => pdfText(formatMoney(cents, currency, LOCALE[language])),
    date: (date: string) => pdfText(formatDate(date, language)),
    percent: (bp: number) => pdfText(formatPercent(bp, language)),
    session: (startsAt: string, endsAt: string, timeZone: string) => pdfText(formatSession(startsAt, endsAt, timeZone, language)),
    quantity: (milli: number) => {
      const text = (milli / 1000).toFixed(3).replace(/\.?0+$/, "");
      return language === "fr" ? text.replace(".", ",") : text;
    },
    /** An instant in a zone, with the zone named: the audit page's timestamps. */
    instant: (iso: string, timeZone: string) =>
      pdfText(`${new Intl.DateTimeFormat(LOCALE[language], { timeZone, dateStyle: "long", timeStyle: "medium" }).format(new Date(iso))} (${timeZone})`),
  };
}
export type Formatter = ReturnType<typeof formatter>;
