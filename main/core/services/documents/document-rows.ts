import { DOCUMENT_ENTITIES, type DocumentEntity, type DocumentField } from "../../../../shared/documents/document-entities";
import { uuidv7 } from "../../../../shared/ids";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { AppError } from "../../errors";
import type { ColumnValue, LocalWriter } from "../../sync/local-writer";

/** A stored document row in domain form (JSON lists parsed), with its sync metadata. */
export interface DocRow { id: string; createdAt: string; updatedAt: string; version: number | null; archivedAt: string | null }

const fieldsOf = (entity: DocumentEntity) => DOCUMENT_ENTITIES[entity].fields as Record<string, DocumentField>;

function toColumn(value: unknown, spec: DocumentField): ColumnValue {
  if (value === undefined || value === null) return null;
  return spec.kind === "json" ? JSON.stringify(value) : (value as ColumnValue);
}

/**
 * Reads and writes the document tables by the one field map (shared/documents/document-entities.ts);
 * every write goes through the LocalWriter, so it is guarded, stamped and queued for sync. Only the
 * fields that differ are written: a no-op change queues nothing.
 */
export class DocumentRows {
  constructor(
    private readonly db: Db,
    private readonly writer: LocalWriter,
  ) {}

  find<T extends DocRow = DocRow>(entity: DocumentEntity, id: string): T | null {
    const row = prepareCached(this.db, `SELECT * FROM ${DOCUMENT_ENTITIES[entity].table} WHERE id = ? AND deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
    return row ? (this.fromRow(entity, row) as unknown as T) : null;
  }

  get<T extends DocRow = DocRow>(entity: DocumentEntity, id: string): T {
    const found = this.find<T>(entity, id);
    if (!found) throw new AppError("NOT_FOUND", `${entity} ${id} does not exist`);
    return found;
  }

  /** Rows matching `where` (SQL over columns, with its parameters), newest first unless `order` says otherwise. */
  list<T extends DocRow = DocRow>(entity: DocumentEntity, where = "1 = 1", params: ColumnValue[] = [], order = "created_at DESC, id DESC"): T[] {
    const rows = prepareCached(this.db, `SELECT * FROM ${DOCUMENT_ENTITIES[entity].table} WHERE deleted_at IS NULL AND (${where}) ORDER BY ${order} LIMIT 5000`)
      .all(...params) as Record<string, unknown>[];
    return rows.map((r) => this.fromRow(entity, r) as unknown as T);
  }

  insert(entity: DocumentEntity, values: Record<string, unknown>, id: string = uuidv7()): string {
    const specs = fieldsOf(entity);
    const fields: Record<string, [string, ColumnValue]> = {};
    for (const [field, value] of Object.entries(values)) {
      const spec = specs[field];
      if (!spec) throw new Error(`${entity}.${field} is not a document field`);
      if (value !== undefined) fields[field] = [spec.column, toColumn(value, spec)];
    }
    this.writer.insert({ entity, table: DOCUMENT_ENTITIES[entity].table, rowId: id, fields });
    return id;
  }

  /** Writes the fields of `patch` that differ from the stored row; returns whether anything was written. */
  update(entity: DocumentEntity, id: string, patch: Record<string, unknown>): boolean {
    const specs = fieldsOf(entity);
    const current = prepareCached(this.db, `SELECT * FROM ${DOCUMENT_ENTITIES[entity].table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    if (!current) throw new AppError("NOT_FOUND", `${entity} ${id} does not exist`);
    const fields: Record<string, [string, ColumnValue]> = {};
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const spec = field === "archivedAt" ? { column: "archived_at", kind: "text" as const } : field === "deletedAt" ? { column: "deleted_at", kind: "text" as const } : specs[field];
      if (!spec) throw new Error(`${entity}.${field} is not a document field`);
      const next = toColumn(value, spec as DocumentField);
      if (next !== (current[spec.column] ?? null)) fields[field] = [spec.column, next];
    }
    return this.writer.update({ entity, table: DOCUMENT_ENTITIES[entity].table, rowId: id, fields });
  }

  private fromRow(entity: DocumentEntity, row: Record<string, unknown>): DocRow {
    const out: Record<string, unknown> = {
      id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version ?? null, archivedAt: row.archived_at ?? null,
    };
    for (const [field, spec] of Object.entries(fieldsOf(entity))) {
      const raw = row[spec.column];
      out[field] = raw === null || raw === undefined ? null : spec.kind === "json" ? JSON.parse(String(raw)) : raw;
    }
    return out as unknown as DocRow;
  }
}
