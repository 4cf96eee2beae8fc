import { normalizeForSearch } from "../../../shared/text";
import type { Db } from "../db/open-database";

export type SearchKind = "client" | "room" | "staff" | "equipment" | "location";
export interface SearchHit {
  kind: SearchKind;
  id: string;
  label: string;
  detail: string | null;
}

const SOURCES: { kind: SearchKind; table: string; detail: string }[] = [
  { kind: "client", table: "clients", detail: "coalesce(email, phone)" },
  { kind: "room", table: "rooms", detail: "type" },
  { kind: "staff", table: "staff", detail: "role" },
  { kind: "equipment", table: "equipment", detail: "serial_number" },
  { kind: "location", table: "locations", detail: "time_zone" },
];

/** The command palette's search across active records, accent- and case-insensitive. */
export class SearchService {
  constructor(private readonly db: Db) {}

  query(text: string, limitPerKind = 6): SearchHit[] {
    const terms = normalizeForSearch(text).split(" ").filter(Boolean);
    if (terms.length === 0) return [];
    const hits: SearchHit[] = [];
    for (const source of SOURCES) {
      const where = terms.map(() => "search_text LIKE ? ESCAPE '\\'").join(" AND ");
      const rows = this.db
        .prepare(
          `SELECT id, name AS label, ${source.detail} AS detail FROM ${source.table}
           WHERE deleted_at IS NULL AND archived_at IS NULL AND ${where} ORDER BY fold(name) LIMIT ?`,
        )
        .all(...terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), limitPerKind) as Omit<SearchHit, "kind">[];
      for (const row of rows) hits.push({ kind: source.kind, ...row });
    }
    return hits;
  }
}
