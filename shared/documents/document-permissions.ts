import type { Permission } from "../permissions/permissions";
import type { DocumentEntity } from "./document-entities";

type Changes = Readonly<Record<string, string | number | null>>;

const SIGNING_FIELDS = ["signerName", "signerRole", "signatureKind", "signatureData", "signedAt", "signedHash", "countersignerName", "countersignerRole", "countersignatureKind", "countersignatureData", "countersignedAt", "countersignedHash"];
const PAYMENT_FIELDS = new Set(["paidCents", "status"]);
const EMAIL_NEEDS: Record<string, Permission> = { invoice: "invoice.issue", quote: "quote.create", contract: "contract.create" };

/**
 * Which permission a change to a document row needs (the desktop asks before writing, the server
 * before applying). Studio-wide settings (catalogue, templates, legal details) are the studio's
 * settings; signing needs contract.sign (an engineer may take a signature on their laptop); voiding
 * an invoice, or issuing a credit note that cancels one, needs invoice.void; a payment moving an
 * invoice to partly paid or paid needs only payment.record.
 */
export function documentPermissions(entity: DocumentEntity, op: "insert" | "update", changes: Changes): Permission[] {
  const fields = Object.keys(changes);
  switch (entity) {
    case "service_item":
    case "contract_template":
    case "document_profile":
      return ["studio.settings"];
    case "payment":
      return ["payment.record"];
    case "quote":
      return ["quote.create"];
    case "contract": {
      const signing = fields.some((f) => SIGNING_FIELDS.includes(f)) || changes["status"] === "signed" || changes["status"] === "countersigned";
      const other = fields.filter((f) => !SIGNING_FIELDS.includes(f) && !(f === "status" && (changes["status"] === "signed" || changes["status"] === "countersigned")));
      return [...(signing ? ["contract.sign" as const] : []), ...(other.length > 0 || op === "insert" ? ["contract.create" as const] : [])];
    }
    case "invoice": {
      if (changes["kind"] === "credit_note" || changes["status"] === "void" || fields.includes("voidedAt")) return ["invoice.void"];
      const byPayment = op === "update" && fields.length > 0 && fields.every((f) => PAYMENT_FIELDS.has(f)) && (changes["status"] === undefined || changes["status"] === "partly_paid" || changes["status"] === "paid");
      return [byPayment ? "payment.record" : "invoice.issue"];
    }
    case "document_email":
      return [EMAIL_NEEDS[String(changes["documentKind"])] ?? "quote.create"];
  }
}
