// From 003: a shipped migration never changes, so this one cannot change through them.
import { SYNC_COLUMNS, versioned } from "./003-studio-data";
import type { PgMigration } from "./migration";

const TABLES = ["service_items", "contract_templates", "document_profiles", "contracts", "quotes", "invoices", "payments", "document_emails"];

/**
 * Contracts, quotes, invoices, payments and their mail (shared/documents/document-entities.ts).
 *
 * Numbers the law wants continuous are decided here (ARCHITECTURE.md, Numbering): when a row first
 * leaves its unnumbered statuses, a trigger takes the next value of a counter row per studio, kind
 * and year of issue. The counter row stays locked until the push commits, so two desks pushing at
 * once are numbered one after the other, and a push that rolls back (or a mutation refused inside
 * its savepoint) gives its number back: no gap, no duplicate. A number pushed by a client is
 * refused, and once numbered an invoice's amounts and a signed contract's content cannot change.
 */
export const documents: PgMigration = {
  version: 9,
  name: "documents: contracts, quotes, invoices, payments, mail",
  up: `
    CREATE TABLE service_items (
      ${SYNC_COLUMNS},
      name text NOT NULL,
      description text,
      unit text NOT NULL CHECK (unit IN ('hour', 'day', 'unit', 'session')),
      unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
      vat_bp integer NOT NULL CHECK (vat_bp BETWEEN 0 AND 10000)
    );

    CREATE TABLE contract_templates (
      ${SYNC_COLUMNS},
      kind text NOT NULL,
      language text NOT NULL CHECK (language IN ('fr', 'en')),
      name text NOT NULL,
      body text NOT NULL
    );

    -- The studio's legal details printed on documents: one row per studio, its id the tenant id.
    CREATE TABLE document_profiles (
      ${SYNC_COLUMNS},
      legal_name text, address text, email text, phone text, vat_number text, siret text, legal_form text, share_capital text, rcs text,
      iban text, bic text,
      payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
      late_fee_bp integer NOT NULL DEFAULT 1000 CHECK (late_fee_bp BETWEEN 0 AND 10000),
      footer text
    );

    CREATE TABLE contracts (
      ${SYNC_COLUMNS},
      number text,
      provisional_number text,
      status text NOT NULL CHECK (status IN ('draft', 'sent', 'signed', 'countersigned', 'void')),
      kind text NOT NULL,
      language text NOT NULL CHECK (language IN ('fr', 'en')),
      client_id uuid NOT NULL,
      location_id uuid,
      booking_ids jsonb NOT NULL DEFAULT '[]',
      template_id uuid,
      title text NOT NULL,
      body text NOT NULL,
      issued_on date,
      signer_name text, signer_role text, signature_kind text, signature_data text, signed_at timestamptz,
      signed_hash text CHECK (signed_hash ~ '^[0-9a-f]{64}$'),
      countersigner_name text, countersigner_role text, countersignature_kind text, countersignature_data text, countersigned_at timestamptz,
      countersigned_hash text CHECK (countersigned_hash ~ '^[0-9a-f]{64}$'),
      voided_at timestamptz,
      FOREIGN KEY (tenant_id, client_id) REFERENCES clients
    );
    CREATE UNIQUE INDEX contracts_number ON contracts (tenant_id, number);
    CREATE INDEX contracts_client ON contracts (tenant_id, client_id);

    CREATE TABLE quotes (
      ${SYNC_COLUMNS},
      number text,
      provisional_number text,
      status text NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired')),
      client_id uuid NOT NULL,
      location_id uuid,
      issued_on date,
      valid_until date NOT NULL,
      lines jsonb NOT NULL DEFAULT '[]',
      sessions jsonb NOT NULL DEFAULT '[]',
      currency text NOT NULL,
      net_cents bigint NOT NULL, vat_cents bigint NOT NULL, total_cents bigint NOT NULL,
      deposit_bp integer NOT NULL CHECK (deposit_bp BETWEEN 0 AND 10000),
      notes text,
      accepted_at timestamptz,
      booking_ids jsonb NOT NULL DEFAULT '[]',
      deposit_invoice_id uuid,
      FOREIGN KEY (tenant_id, client_id) REFERENCES clients
    );
    CREATE UNIQUE INDEX quotes_number ON quotes (tenant_id, number);
    CREATE INDEX quotes_client ON quotes (tenant_id, client_id);

    CREATE TABLE invoices (
      ${SYNC_COLUMNS},
      number text,
      provisional_number text,
      kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
      purpose text NOT NULL CHECK (purpose IN ('standard', 'deposit', 'balance')),
      status text NOT NULL CHECK (status IN ('draft', 'issued', 'partly_paid', 'paid', 'void')),
      client_id uuid NOT NULL,
      location_id uuid,
      booking_ids jsonb NOT NULL DEFAULT '[]',
      quote_id uuid,
      credited_invoice_id uuid,
      issued_on date,
      due_on date,
      lines jsonb NOT NULL DEFAULT '[]',
      currency text NOT NULL,
      net_cents bigint NOT NULL, vat_cents bigint NOT NULL, total_cents bigint NOT NULL,
      paid_cents bigint NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
      notes text,
      voided_at timestamptz,
      void_reason text,
      FOREIGN KEY (tenant_id, client_id) REFERENCES clients,
      -- A credit note is negative and names its invoice; an invoice is neither.
      CHECK ((kind = 'credit_note') = (credited_invoice_id IS NOT NULL)),
      CHECK (kind = 'invoice' OR total_cents <= 0)
    );
    CREATE UNIQUE INDEX invoices_number ON invoices (tenant_id, number);
    CREATE INDEX invoices_client ON invoices (tenant_id, client_id);

    CREATE TABLE payments (
      ${SYNC_COLUMNS},
      invoice_id uuid NOT NULL,
      client_id uuid NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      method text NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'online')),
      received_on date NOT NULL,
      reference text,
      FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices
    );
    CREATE INDEX payments_invoice ON payments (tenant_id, invoice_id);

    -- Mail the desks queue (even offline); the server's document mailer sends it and writes back.
    CREATE TABLE document_emails (
      ${SYNC_COLUMNS},
      recipient text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      document_kind text NOT NULL,
      document_id uuid NOT NULL,
      attachment_name text NOT NULL,
      attachment_base64 text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
      error text,
      sent_at timestamptz
    );
    CREATE INDEX document_emails_queued ON document_emails (tenant_id, created_at) WHERE status = 'queued' AND deleted_at IS NULL;

    -- One counter per studio, kind and year; taking a value locks the row until commit.
    CREATE TABLE document_counters (
      tenant_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'quote', 'contract')),
      year integer NOT NULL,
      last integer NOT NULL CHECK (last >= 1),
      PRIMARY KEY (tenant_id, kind, year)
    );

    -- TG_ARGV[0]: the counter kind ('by_kind' reads the row's kind column: invoice or credit note);
    -- TG_ARGV[1]: the statuses that carry no number yet, comma-separated.
    CREATE FUNCTION rsm_document_number() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      counter_kind text;
      yr integer;
      seq integer;
    BEGIN
      IF TG_OP = 'INSERT' AND NEW.number IS NOT NULL OR TG_OP = 'UPDATE' AND NEW.number IS DISTINCT FROM OLD.number THEN
        RAISE EXCEPTION 'a document number is given by the server, never by a desk' USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.number IS NULL AND NOT (NEW.status = ANY (string_to_array(TG_ARGV[1], ','))) THEN
        counter_kind := CASE WHEN TG_ARGV[0] = 'by_kind' THEN to_jsonb(NEW) ->> 'kind' ELSE TG_ARGV[0] END;
        yr := extract(year FROM coalesce(NEW.issued_on, current_date))::integer;
        INSERT INTO document_counters AS c (tenant_id, kind, year, last) VALUES (NEW.tenant_id, counter_kind, yr, 1)
          ON CONFLICT (tenant_id, kind, year) DO UPDATE SET last = c.last + 1
          RETURNING c.last INTO seq;
        NEW.number := CASE counter_kind WHEN 'invoice' THEN 'F' WHEN 'credit_note' THEN 'AV' WHEN 'quote' THEN 'D' ELSE 'C' END
          || '-' || yr || '-' || CASE WHEN seq < 10000 THEN lpad(seq::text, 4, '0') ELSE seq::text END;
      END IF;
      RETURN NEW;
    END $$;

    CREATE FUNCTION rsm_frozen_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.number IS NOT NULL
         AND (NEW.kind, NEW.client_id, NEW.lines, NEW.net_cents, NEW.vat_cents, NEW.total_cents, NEW.issued_on, NEW.credited_invoice_id)
             IS DISTINCT FROM (OLD.kind, OLD.client_id, OLD.lines, OLD.net_cents, OLD.vat_cents, OLD.total_cents, OLD.issued_on, OLD.credited_invoice_id) THEN
        RAISE EXCEPTION 'an issued invoice cannot change: issue a credit note' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;

    CREATE FUNCTION rsm_frozen_contract() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.signed_hash IS NOT NULL
         AND (NEW.title, NEW.body, NEW.client_id, NEW.booking_ids, NEW.language, NEW.signer_name, NEW.signer_role, NEW.signature_kind, NEW.signature_data, NEW.signed_at, NEW.signed_hash)
             IS DISTINCT FROM (OLD.title, OLD.body, OLD.client_id, OLD.booking_ids, OLD.language, OLD.signer_name, OLD.signer_role, OLD.signature_kind, OLD.signature_data, OLD.signed_at, OLD.signed_hash) THEN
        RAISE EXCEPTION 'a signed contract cannot change' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;

    CREATE TRIGGER invoices_number BEFORE INSERT OR UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION rsm_document_number('by_kind', 'draft');
    CREATE TRIGGER quotes_number BEFORE INSERT OR UPDATE ON quotes FOR EACH ROW EXECUTE FUNCTION rsm_document_number('quote', 'draft,rejected,expired');
    CREATE TRIGGER contracts_number BEFORE INSERT OR UPDATE ON contracts FOR EACH ROW EXECUTE FUNCTION rsm_document_number('contract', 'draft,void');
    CREATE TRIGGER invoices_frozen BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION rsm_frozen_invoice();
    CREATE TRIGGER contracts_frozen BEFORE UPDATE ON contracts FOR EACH ROW EXECUTE FUNCTION rsm_frozen_contract();

    -- Which studios have mail waiting (tenant ids only, no studio data), so the document mailer finds
    -- them before taking a studio's context. The upsert locks the row, so a mailer run that deletes it
    -- waits for the queuing transaction and then sees its mail: no mail is left unnoticed.
    CREATE TABLE document_mail_waiting (tenant_id uuid PRIMARY KEY);
    CREATE FUNCTION rsm_document_mail_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO document_mail_waiting AS w (tenant_id) VALUES (NEW.tenant_id) ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = w.tenant_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER document_emails_waiting AFTER INSERT OR UPDATE OF status ON document_emails
      FOR EACH ROW WHEN (NEW.status = 'queued' AND NEW.deleted_at IS NULL) EXECUTE FUNCTION rsm_document_mail_waiting();
    SELECT rsm_isolate_tenant_table('document_mail_waiting');
    -- The mailer lists the waiting studios before taking any one's context: ids only, never their mail.
    CREATE POLICY mailer_finds_waiting ON document_mail_waiting FOR SELECT USING (true);
    GRANT SELECT, INSERT, UPDATE, DELETE ON document_mail_waiting TO rsm_app;

    ${TABLES.map(versioned).join("\n")}
    SELECT rsm_isolate_tenant_table(t) FROM unnest(ARRAY[${[...TABLES, "document_counters"].map((t) => `'${t}'`).join(", ")}]::regclass[]) AS t;
    GRANT SELECT, INSERT, UPDATE ON ${[...TABLES, "document_counters"].join(", ")} TO rsm_app;
  `,
  down: `
    DROP TABLE document_mail_waiting, document_counters, document_emails, payments, invoices, quotes, contracts, document_profiles, contract_templates, service_items;
    DROP FUNCTION rsm_document_mail_waiting();
    DROP FUNCTION rsm_frozen_contract();
    DROP FUNCTION rsm_frozen_invoice();
    DROP FUNCTION rsm_document_number();
  `,
};
