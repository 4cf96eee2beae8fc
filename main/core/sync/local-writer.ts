import { uuidv7 } from "../../../shared/ids";
import type { Db } from "../db/open-database";
import type { DeviceClock } from "./device-clock";
import { prepareCached } from "../db/statement-cache";

export type ColumnValue = string | number | null;

export interface WriteChange {
  entity: string;
  table: string;
  rowId: string;
  /** Entity field name → [column, value]; the outbox records field names, the table columns. */
  fields: Record<string, [column: string, value: ColumnValue]>;
  /**
   * Columns derived on this device (the search text): written with the change, but neither
   * stamped nor queued, since the server and other devices derive their own.
   */
  local?: Record<string, ColumnValue>;
}

/**
 * The only way the core writes a synced row: the change and its outbox mutation commit in one
 * SQLite transaction (ARCHITECTURE.md, sync step 1), each changed field stamped with the HLC.
 */
export class LocalWriter {
  private readonly insertOutbox;

  constructor(
    private readonly db: Db,
    private readonly clock: DeviceClock,
    private readonly tenantId: () => string,
    /** Refuses a change the acting person may not make (account/access-guard.ts); throws before any write. */
    private readonly guard: (change: WriteChange, op: "insert" | "update") => void = () => {},
  ) {
    this.insertOutbox = db.prepare(
      `INSERT INTO outbox (mutation_id, entity, row_id, op, changes, hlc, base_version, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** `tenantId` is given only for the studio row itself, which defines the tenant. */
  insert(change: WriteChange, tenantId: string = this.tenantId()): void {
    this.db.transaction(() => {
      this.guard(change, "insert");
      const hlc = this.clock.tick();
      const now = new Date().toISOString();
      const entries = Object.entries(change.fields);
      const fieldHlc = Object.fromEntries(entries.map(([field]) => [field, hlc]));
      const local = Object.entries(change.local ?? {});
      const columns = ["id", "tenant_id", "created_at", "updated_at", "field_hlc", ...entries.map(([, [c]]) => c), ...local.map(([c]) => c)];
      const values: ColumnValue[] = [
        change.rowId, tenantId, now, hlc, JSON.stringify(fieldHlc), ...entries.map(([, [, v]]) => v), ...local.map(([, v]) => v),
      ];
      prepareCached(this.db, `INSERT INTO ${change.table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`)
        .run(...values);
      this.record(change, "insert", hlc, null, now);
    })();
  }

  /** Writes only the given fields; a no-op change writes nothing and queues nothing. */
  update(change: WriteChange): boolean {
    const entries = Object.entries(change.fields);
    if (entries.length === 0) return false;
    const local = Object.entries(change.local ?? {});
    this.db.transaction(() => {
      this.guard(change, "update");
      const current = prepareCached(this.db, `SELECT field_hlc, version FROM ${change.table} WHERE id = ?`).get(change.rowId) as
        | { field_hlc: string; version: number | null }
        | undefined;
      if (!current) throw new Error(`${change.entity} ${change.rowId} vanished during update`);
      const hlc = this.clock.tick();
      const fieldHlc = { ...(JSON.parse(current.field_hlc) as Record<string, string>) };
      for (const [field] of entries) fieldHlc[field] = hlc;
      const sets = [...entries.map(([, [c]]) => `${c} = ?`), ...local.map(([c]) => `${c} = ?`)].join(", ");
      prepareCached(this.db, `UPDATE ${change.table} SET ${sets}, updated_at = ?, field_hlc = ? WHERE id = ?`)
        .run(...entries.map(([, [, v]]) => v), ...local.map(([, v]) => v), hlc, JSON.stringify(fieldHlc), change.rowId);
      this.record(change, "update", hlc, current.version, new Date().toISOString());
    })();
    return true;
  }

  private record(change: WriteChange, op: "insert" | "update", hlc: string, baseVersion: number | null, now: string): void {
    const changes = Object.fromEntries(Object.entries(change.fields).map(([field, [, value]]) => [field, value]));
    this.insertOutbox.run(uuidv7(), change.entity, change.rowId, op, JSON.stringify(changes), hlc, baseVersion, now);
  }
}
