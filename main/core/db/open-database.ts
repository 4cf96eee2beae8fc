import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { normalizeForSearch } from "../../../shared/text";

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another runtime (Electron's ABI). */
  nativeBinding?: string;
}

/** One SQLite file per studio computer: WAL so reads never wait on the writer, foreign keys on. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  // SQLite's lower() and NOCASE only fold ASCII: "Élodie" would sort after "Zoé" and "ÉTÉ" would
  // differ from "été". fold() is the accent- and case-insensitive form used for search, for
  // sorting and comparing names.
  db.function("fold", { deterministic: true }, (value: unknown) => (typeof value === "string" ? normalizeForSearch(value) : value));
  return db;
}
