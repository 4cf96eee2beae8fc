import type { DocumentLanguage } from "../../../../shared/documents/contract-templates";

/** What a document's mail says by default, in the client's document language (the studio may write its own). */
export const MAIL_TEXT = {
  fr: {
    title: { invoice: "Facture", credit_note: "Avoir", quote: "Devis" },
    body: (name: string, label: string, studio: string) => `Bonjour ${name},\n\nVeuillez trouver ci-joint : ${label}.\n\nCordialement,\n${studio}`,
  },
  en: {
    title: { invoice: "Invoice", credit_note: "Credit note", quote: "Quote" },
    body: (name: string, label: string, studio: string) => `Dear ${name},\n\nPlease find attached: ${label}.\n\nKind regards,\n${studio}`,
  },
} as const satisfies Record<DocumentLanguage, unknown>;

export type MailedKind = keyof (typeof MAIL_TEXT)["fr"]["title"];
