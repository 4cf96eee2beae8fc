import type { PgMigration } from "./migration";

/**
 * A quote the client has seen (sent, then accepted, rejected or expired) no longer changes: its
 * lines, sessions, amounts, client, validity and deposit are what was sent, and it never goes back
 * to draft. The desk refuses such an edit (QUOTE_NOT_DRAFT); this refuses it from any push too (a
 * desk that edited the draft offline while another sent it gets its change back as refused).
 */
export const frozenQuote: PgMigration = {
  version: 14,
  name: "a sent quote cannot change",
  up: `
    CREATE FUNCTION rsm_frozen_quote() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status <> 'draft'
         AND (NEW.status = 'draft'
           OR (NEW.client_id, NEW.location_id, NEW.valid_until, NEW.lines, NEW.sessions, NEW.currency, NEW.net_cents, NEW.vat_cents, NEW.total_cents, NEW.deposit_bp)
              IS DISTINCT FROM (OLD.client_id, OLD.location_id, OLD.valid_until, OLD.lines, OLD.sessions, OLD.currency, OLD.net_cents, OLD.vat_cents, OLD.total_cents, OLD.deposit_bp)) THEN
        RAISE EXCEPTION 'a sent quote cannot change: make a new quote' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER quotes_frozen BEFORE UPDATE ON quotes FOR EACH ROW EXECUTE FUNCTION rsm_frozen_quote();
  `,
  down: `
    DROP TRIGGER quotes_frozen ON quotes;
    DROP FUNCTION rsm_frozen_quote();
  `,
};
