import type { Migration } from "../migration";

/** The sync columns every synced table carries (as in 001; repeated so this migration never changes). */
const SYNC_COLUMNS = `
  tenant_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  field_hlc TEXT NOT NULL DEFAULT '{}',
  archived_at TEXT,
  deleted_at TEXT,
  version INTEGER`;

const TABLES = ["service_items", "contract_templates", "document_profiles", "contracts", "quotes", "invoices", "payments", "document_emails"];

/**
 * Contracts, quotes, invoices, payments and queued mail (shared/documents/document-entities.ts),
 * synced like the other tables; lines and booking ids are JSON lists. `number` is written only by
 * pull (the server decides it); until then an issued document shows `provisional_number`, taken
 * from this device's own counter (document_local_counter, never synced).
 */
export const documentsSchema: Migration = {
  version: 7,
  name: "documents",
  up(db) {
    db.exec(`
      CREATE TABLE service_items (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT, unit TEXT NOT NULL, unit_price_cents INTEGER NOT NULL, vat_bp INTEGER NOT NULL,
        ${SYNC_COLUMNS}
      );
      CREATE TABLE contract_templates (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, language TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL,
        ${SYNC_COLUMNS}
      );
      CREATE TABLE document_profiles (
        id TEXT PRIMARY KEY, legal_name TEXT, address TEXT, email TEXT, phone TEXT, vat_number TEXT, siret TEXT, legal_form TEXT, share_capital TEXT,
        rcs TEXT, iban TEXT, bic TEXT, payment_terms_days INTEGER NOT NULL DEFAULT 30, late_fee_bp INTEGER NOT NULL DEFAULT 1000, footer TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE TABLE contracts (
        id TEXT PRIMARY KEY, number TEXT, provisional_number TEXT, status TEXT NOT NULL, kind TEXT NOT NULL, language TEXT NOT NULL,
        client_id TEXT NOT NULL, location_id TEXT, booking_ids TEXT NOT NULL DEFAULT '[]', template_id TEXT, title TEXT NOT NULL, body TEXT NOT NULL,
        issued_on TEXT, signer_name TEXT, signer_role TEXT, signature_kind TEXT, signature_data TEXT, signed_at TEXT, signed_hash TEXT,
        countersigner_name TEXT, countersigner_role TEXT, countersignature_kind TEXT, countersignature_data TEXT, countersigned_at TEXT,
        countersigned_hash TEXT, voided_at TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX contracts_client ON contracts (client_id);
      CREATE TABLE quotes (
        id TEXT PRIMARY KEY, number TEXT, provisional_number TEXT, status TEXT NOT NULL, client_id TEXT NOT NULL, location_id TEXT, issued_on TEXT,
        valid_until TEXT NOT NULL, lines TEXT NOT NULL DEFAULT '[]', sessions TEXT NOT NULL DEFAULT '[]', currency TEXT NOT NULL,
        net_cents INTEGER NOT NULL, vat_cents INTEGER NOT NULL, total_cents INTEGER NOT NULL, deposit_bp INTEGER NOT NULL, notes TEXT,
        accepted_at TEXT, booking_ids TEXT NOT NULL DEFAULT '[]', deposit_invoice_id TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX quotes_client ON quotes (client_id);
      CREATE TABLE invoices (
        id TEXT PRIMARY KEY, number TEXT, provisional_number TEXT, kind TEXT NOT NULL, purpose TEXT NOT NULL, status TEXT NOT NULL,
        client_id TEXT NOT NULL, location_id TEXT, booking_ids TEXT NOT NULL DEFAULT '[]', quote_id TEXT, credited_invoice_id TEXT,
        issued_on TEXT, due_on TEXT, lines TEXT NOT NULL DEFAULT '[]', currency TEXT NOT NULL, net_cents INTEGER NOT NULL, vat_cents INTEGER NOT NULL,
        total_cents INTEGER NOT NULL, paid_cents INTEGER NOT NULL DEFAULT 0, notes TEXT, voided_at TEXT, void_reason TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX invoices_client ON invoices (client_id);
      CREATE INDEX invoices_credited ON invoices (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;
      CREATE TABLE payments (
        id TEXT PRIMARY KEY, invoice_id TEXT NOT NULL, client_id TEXT NOT NULL, amount_cents INTEGER NOT NULL, method TEXT NOT NULL,
        received_on TEXT NOT NULL, reference TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX payments_invoice ON payments (invoice_id);
      CREATE INDEX payments_client ON payments (client_id);
      CREATE TABLE document_emails (
        id TEXT PRIMARY KEY, recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, document_kind TEXT NOT NULL, document_id TEXT NOT NULL,
        attachment_name TEXT NOT NULL, attachment_base64 TEXT NOT NULL, status TEXT NOT NULL, error TEXT, sent_at TEXT,
        ${SYNC_COLUMNS}
      );
      CREATE INDEX document_emails_document ON document_emails (document_id);
      CREATE TABLE document_local_counter (
        name TEXT PRIMARY KEY,
        last INTEGER NOT NULL
      );
    `);
  },
  down(db) {
    db.exec(`DROP TABLE document_local_counter; ${TABLES.map((t) => `DROP TABLE ${t};`).join(" ")}`);
  },
};
