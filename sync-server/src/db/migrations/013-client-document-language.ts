import type { PgMigration } from "./migration";

/** The language a client's invoices, quotes and mail are written in (desktop migration 010); existing clients keep French. */
export const clientDocumentLanguage: PgMigration = {
  version: 13,
  name: "client document language",
  up: `ALTER TABLE clients ADD COLUMN document_language text NOT NULL DEFAULT 'fr' CHECK (document_language IN ('fr', 'en'));`,
  down: `ALTER TABLE clients DROP COLUMN document_language;`,
};
