import { AppError } from "../errors";
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

/** A change the server refused, kept for the person to read and act on (never dropped silently). */
export interface RejectedChange {
  mutationId: string;
  entity: string;
  rowId: string;
  op: string;
  changes: Record<string, unknown>;
  code: string | null;
  message: string | null;
  createdAt: string;
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

  rejected(limit = 200): RejectedChange[] {
    const rows = this.db
      .prepare("SELECT * FROM outbox WHERE status = 'rejected' ORDER BY seq DESC LIMIT ?")
      .all(limit) as (OutboxRow & { reject_code: string | null; reject_message: string | null; created_at: string })[];
    return rows.map((r) => ({
      mutationId: r.mutation_id, entity: r.entity, rowId: r.row_id, op: r.op, changes: JSON.parse(r.changes) as Record<string, unknown>,
      code: r.reject_code, message: r.reject_message, createdAt: r.created_at,
    }));
  }

  /** Sends a refused change again (after the reason was fixed on the server, e.g. a permission). */
  retryRejected(mutationId: string): void {
    this.mark(mutationId, "pending");
  }

  /** The person has read the refusal: it leaves the inbox, and the outbox keeps it as dismissed. */
  dismissRejected(mutationId: string): void {
    this.mark(mutationId, "dismissed");
  }

  private mark(mutationId: string, status: "pending" | "dismissed"): void {
    const { changes } = this.db.prepare("UPDATE outbox SET status = ? WHERE mutation_id = ? AND status = 'rejected'")
      .run(status, mutationId);
    if (changes === 0) throw new AppError("NOT_FOUND", `No refused change ${mutationId}`);
  }
}
