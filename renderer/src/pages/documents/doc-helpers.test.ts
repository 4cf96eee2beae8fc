import { describe, expect, it } from "vitest";
import { documentsEn } from "../../i18n/documents-en";
import { documentsFr } from "../../i18n/documents-fr";
import { INVOICE_STATUSES, CONTRACT_STATUSES } from "../../../../shared/documents/document-status";
import { PAYMENT_METHODS } from "../../../../shared/documents/billing";
import { formatIsoDate, percent, statusTone } from "./doc-helpers";

describe("documents screen helpers", () => {
  it("tones statuses: paid and signed done, overdue a warning, void muted", () => {
    expect(statusTone("paid")).toBe("ok");
    expect(statusTone("countersigned")).toBe("ok");
    expect(statusTone("overdue")).toBe("warn");
    expect(statusTone("partly_paid")).toBe("accent");
    expect(statusTone("void")).toBe("muted");
    expect(statusTone("draft")).toBe("");
  });

  it("shows a calendar date without shifting it across time zones, and VAT rates as percents", () => {
    expect(formatIsoDate("2026-01-31", "fr-FR")).toBe("31 janv. 2026");
    expect(formatIsoDate(null, "fr-FR")).toBe("—");
    expect(percent(2000, "fr-FR")).toBe("20 %");
    expect(percent(550, "fr-FR")).toBe("5,5 %");
  });

  it("names every invoice status, contract status and payment method in both languages", () => {
    const keys = [
      ...INVOICE_STATUSES.map((s) => `invoices.status.${s}`),
      ...CONTRACT_STATUSES.map((s) => `contracts.status.${s}`),
      ...PAYMENT_METHODS.map((m) => `pay.method.${m}`),
    ];
    for (const k of keys) {
      expect(documentsFr, k).toHaveProperty([k]);
      expect(documentsEn, k).toHaveProperty([k]);
    }
    expect(documentsFr["invoices.status.paid"]).toBe("Payée");
    expect(documentsFr["invoices.status.partly_paid"]).toBe("Partiellement payée");
  });
});
