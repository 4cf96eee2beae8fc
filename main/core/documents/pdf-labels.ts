import type { DocumentLanguage } from "../../../shared/documents/contract-templates";

/** The words the PDFs print, in French (the studio's legal language by default) and English. */
export const PDF_LABELS = {
  fr: {
    invoice: "FACTURE", deposit_invoice: "FACTURE D'ACOMPTE", balance_invoice: "FACTURE DE SOLDE", credit_note: "AVOIR", quote: "DEVIS", contract: "CONTRAT",
    number: "N°", provisional: "N° provisoire", provisionalNote: "numéro définitif attribué à la synchronisation", draft: "BROUILLON — sans valeur",
    void: "ANNULÉE", issuedOn: "Date d'émission", dueOn: "Échéance", validUntil: "Valable jusqu'au", creditFor: "Avoir sur la facture",
    billTo: "Client", vat: "TVA", vatNumber: "N° TVA intracommunautaire", siret: "SIRET", description: "Désignation", qty: "Qté", unitPrice: "PU HT",
    discount: "Remise", lineTotal: "Total HT", project: "Projet", totalNet: "Total HT", totalDiscount: "dont remises", vatAt: (rate: string) => `TVA ${rate}`,
    totalGross: "Total TTC", paid: "Déjà réglé", due: "Reste à payer", terms: (days: number, due: string | null) =>
      days === 0 ? "Paiement à réception de la facture." : `Paiement à ${days} jours${due ? `, au plus tard le ${due}` : ""}.`,
    methods: "Règlement par virement, carte bancaire, espèces ou paiement en ligne.",
    bank: (iban: string, bic: string | null) => `IBAN ${iban}${bic ? ` — BIC ${bic}` : ""}`,
    lateFees: (rate: string) =>
      `En cas de retard de paiement, des pénalités sont exigibles au taux annuel de ${rate}, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce). Pas d'escompte pour paiement anticipé.`,
    quoteValidity: (until: string) => `Devis valable jusqu'au ${until}. Bon pour accord : date et signature du client.`,
    deposit: (amount: string, rate: string) => `Acompte demandé à l'acceptation : ${amount} (${rate}).`,
    capital: (c: string) => `au capital de ${c}`,
    page: (n: number, of: number) => `Page ${n} / ${of}`,
    signatures: "Signatures", client: "Le client", studio: "Le studio", signedBy: "Signé par", role: "Qualité", signedAt: "Le",
    notSigned: "(non signé)", audit: "Journal de signature", auditIntro: "Ce journal fait partie du contrat signé. Les horodatages sont donnés en temps universel et dans le fuseau du studio.",
    document: "Document", contractId: "Identifiant", contentHash: "Empreinte SHA-256 du texte du contrat", signedHash: "Empreinte SHA-256 du PDF signé par le client",
    method: "Mode de signature", drawn: "signature manuscrite tracée à l'écran", typed: "signature saisie au clavier", signer: "Signataire",
    countersigner: "Contresignataire", timestamp: "Horodatage", device: "Poste",
  },
  en: {
    invoice: "INVOICE", deposit_invoice: "DEPOSIT INVOICE", balance_invoice: "BALANCE INVOICE", credit_note: "CREDIT NOTE", quote: "QUOTE", contract: "CONTRACT",
    number: "No.", provisional: "Provisional no.", provisionalNote: "final number given on sync", draft: "DRAFT — not valid",
    void: "VOID", issuedOn: "Issue date", dueOn: "Due date", validUntil: "Valid until", creditFor: "Credit note for invoice",
    billTo: "Client", vat: "VAT", vatNumber: "VAT number", siret: "Company no.", description: "Description", qty: "Qty", unitPrice: "Unit price",
    discount: "Discount", lineTotal: "Net", project: "Project", totalNet: "Total excl. VAT", totalDiscount: "incl. discounts", vatAt: (rate: string) => `VAT ${rate}`,
    totalGross: "Total incl. VAT", paid: "Paid", due: "Amount due", terms: (days: number, due: string | null) =>
      days === 0 ? "Payable on receipt." : `Payable within ${days} days${due ? `, by ${due}` : ""}.`,
    methods: "Payment by bank transfer, card, cash or online.",
    bank: (iban: string, bic: string | null) => `IBAN ${iban}${bic ? ` — BIC ${bic}` : ""}`,
    lateFees: (rate: string) => `Late payments bear interest at an annual rate of ${rate} plus a fixed recovery fee of €40. No discount for early payment.`,
    quoteValidity: (until: string) => `Quote valid until ${until}. Accepted: client's date and signature.`,
    deposit: (amount: string, rate: string) => `Deposit due on acceptance: ${amount} (${rate}).`,
    capital: (c: string) => `share capital ${c}`,
    page: (n: number, of: number) => `Page ${n} / ${of}`,
    signatures: "Signatures", client: "The client", studio: "The studio", signedBy: "Signed by", role: "Capacity", signedAt: "On",
    notSigned: "(not signed)", audit: "Signature log", auditIntro: "This log is part of the signed contract. Timestamps are given in UTC and in the studio's time zone.",
    document: "Document", contractId: "Identifier", contentHash: "SHA-256 of the contract text", signedHash: "SHA-256 of the PDF signed by the client",
    method: "Signature method", drawn: "handwritten signature drawn on screen", typed: "signature typed on the keyboard", signer: "Signer",
    countersigner: "Countersigner", timestamp: "Timestamp", device: "Device",
  },
} as const satisfies Record<DocumentLanguage, unknown>;

export type PdfLabels = (typeof PDF_LABELS)[DocumentLanguage];
