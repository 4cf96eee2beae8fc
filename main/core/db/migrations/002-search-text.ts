import { normalizeForSearch } from "../../../../shared/text";
import type { Migration } from "../migration";

/** Which columns feed each table's accent-insensitive search text. */
export const SEARCH_SOURCES: Record<string, string[]> = {
  locations: ["name", "address"],
  rooms: ["name", "type"],
  staff: ["name", "email", "phone"],
  equipment: ["name", "serial_number", "category"],
  clients: ["name", "contact_name", "email", "phone", "vat_number"],
};

export const searchText: Migration = {
  version: 2,
  name: "accent-insensitive search text",
  up(db) {
    for (const [table, columns] of Object.entries(SEARCH_SOURCES)) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN search_text TEXT NOT NULL DEFAULT ''`);
      const rows = db.prepare(`SELECT id, ${columns.join(", ")} FROM ${table}`).all() as Record<string, string | null>[];
      const update = db.prepare(`UPDATE ${table} SET search_text = ? WHERE id = ?`);
      for (const row of rows) {
        update.run(normalizeForSearch(columns.map((c) => row[c] ?? "").join(" ")), row.id);
      }
    }
  },
  down(db) {
    for (const table of Object.keys(SEARCH_SOURCES)) db.exec(`ALTER TABLE ${table} DROP COLUMN search_text`);
  },
};
