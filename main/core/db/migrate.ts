import type { Migration } from "./migration";
import { MIGRATIONS } from "./migrations";
import type { Db } from "./open-database";

export function schemaVersion(db: Db): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Brings the schema to `target` (default: latest), up or down, one migration per transaction,
 * recording the version in PRAGMA user_version. A database newer than this app is refused rather
 * than written to.
 */
export function migrate(db: Db, target?: number, migrations: readonly Migration[] = MIGRATIONS): number {
  const goal = target ?? migrations.length;
  if (!Number.isInteger(goal) || goal < 0 || goal > migrations.length) {
    throw new Error(`Cannot migrate to schema version ${goal}: this app knows versions 0 to ${migrations.length}`);
  }
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(
      `This database was written by a newer version of the app (schema ${current}, this app knows ${migrations.length}). Update the app.`,
    );
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  for (let v = current; v < goal; v++) {
    const m = migrations[v]!;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  for (let v = current; v > goal; v--) {
    const m = migrations[v - 1]!;
    if (!m.down) throw new Error(`Migration ${m.version} (${m.name}) cannot be undone`);
    db.transaction(() => {
      m.down!(db);
      db.pragma(`user_version = ${m.version - 1}`);
    })();
  }
  return schemaVersion(db);
}
