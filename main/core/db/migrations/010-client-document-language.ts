import type { Migration } from "../migration";

/** The language a client's invoices, quotes and mail are written in; existing clients keep French. */
export const clientDocumentLanguage: Migration = {
  version: 10,
  name: "client document language",
  up(db) {
    db.exec(`ALTER TABLE clients ADD COLUMN document_language TEXT NOT NULL DEFAULT 'fr' CHECK (document_language IN ('fr', 'en'))`);
  },
  down(db) {
    db.exec("ALTER TABLE clients DROP COLUMN document_language");
  },
};
