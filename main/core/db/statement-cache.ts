import type { Statement } from "better-sqlite3";
import type { Db } from "./open-database";

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * Prepared statements by SQL text, per database. Compiling SQL costs more than running a
 * one-row write, and the core builds the same few statements again and again.
 */
export function prepareCached(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
