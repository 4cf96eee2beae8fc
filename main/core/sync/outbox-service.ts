import type { Db } from "../db/open-database";

/** One row of the outbox table as SQLite returns it (migration 001; 004 adds the result columns). */
export interface OutboxRow {
  seq: number;
  mutation_id: string;
  entity: string;
  row_id: string;
  op: string;
  changes: string;
  hlc: string;
  base_version: number | null;
  status: string;
}

export interface OutboxStatus {
  pending: number;
  oldestPendingAt: string | null;
}

/** What is waiting to be pushed: the sync status indicator reads this. */
export class OutboxService {
  constructor(private readonly db: Db) {}

  status(): OutboxStatus {
    const row = this.db
      .prepare("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE status = 'pending'")
      .get() as { pending: number; oldest: string | null };
    return { pending: row.pending, oldestPendingAt: row.oldest };
  }

  pending(limit = 500): { mutationId: string; entity: string; rowId: string; op: string; changes: Record<string, unknown>; hlc: string; baseVersion: number | null }[] {
    const rows = this.db
      .prepare("SELECT * FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?")
      .all(limit) as { mutation_id: string; entity: string; row_id: string; op: string; changes: string; hlc: string; base_version: number | null }[];
    return rows.map((r) => ({
      mutationId: r.mutation_id,
      entity: r.entity,
      rowId: r.row_id,
      op: r.op,
      changes: JSON.parse(r.changes) as Record<string, unknown>,
      hlc: r.hlc,
      baseVersion: r.base_version,
    }));
  }
}
