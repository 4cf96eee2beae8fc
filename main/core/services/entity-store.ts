import type { z } from "zod";
import { uuidv7 } from "../../../shared/ids";
import type { ListInput } from "../../../shared/schemas/common";
import { normalizeForSearch } from "../../../shared/text";
import { SEARCH_SOURCES } from "../db/migrations/002-search-text";
import type { Db } from "../db/open-database";
import { AppError, issuesToFieldErrors } from "../errors";
import type { ColumnValue, LocalWriter } from "../sync/local-writer";
import { prepareCached } from "../db/statement-cache";

export type ColumnKind = "text" | "int" | "bool" | "json";
export interface FieldSpec {
  column: string;
  kind: ColumnKind;
}

export interface SyncMeta {
  id: string;
  tenantId: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  version: number | null;
}

export interface EntityDef<F extends Record<string, unknown>> {
  entity: string;
  table: string;
  fields: { [K in keyof F & string]: FieldSpec };
  /** The full schema a stored row must satisfy (create, and every merged update). */
  schema: z.ZodType<F, unknown>;
  sortable: Record<string, string>;
  defaultSort: string;
  /** Rows filtered by location_id when the list asks for one location. */
  locationColumn?: string;
  /** Domain checks that need the database (references, uniqueness); throw AppError. */
  check?(fields: F, existingId: string | null): void;
  /** Refuse archiving while something active still depends on the row. */
  checkArchive?(id: string): void;
}

export type Entity<F> = F & SyncMeta;

const LIST_LIMIT = 2000;

/** Create / read / update / archive for one synced table, all through the LocalWriter. */
export class EntityStore<F extends Record<string, unknown>> {
  private readonly searchColumns: string[];

  constructor(
    private readonly db: Db,
    private readonly writer: LocalWriter,
    readonly def: EntityDef<F>,
  ) {
    this.searchColumns = SEARCH_SOURCES[def.table] ?? [];
  }

  list(input: ListInput = {}): Entity<F>[] {
    const where = ["deleted_at IS NULL"];
    const params: ColumnValue[] = [];
    if (!input.includeArchived) where.push("archived_at IS NULL");
    if (input.locationId && this.def.locationColumn) {
      where.push(`${this.def.locationColumn} = ?`);
      params.push(input.locationId);
    }
    const terms = normalizeForSearch(input.search ?? "").split(" ").filter(Boolean);
    for (const term of terms) {
      where.push("search_text LIKE ? ESCAPE '\\'");
      params.push(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const sortColumn = this.def.sortable[input.sort ?? this.def.defaultSort] ?? this.def.sortable[this.def.defaultSort]!;
    const sortIsText = Object.values<FieldSpec>(this.def.fields).some((s) => s.column === sortColumn && s.kind === "text");
    const direction = input.direction === "desc" ? "DESC" : "ASC";
    const rows = prepareCached(
        this.db,
        `SELECT * FROM ${this.def.table} WHERE ${where.join(" AND ")}
         ORDER BY ${sortIsText ? `fold(${sortColumn})` : sortColumn} ${direction}, fold(name), id LIMIT ${LIST_LIMIT}`,
      )
      .all(...params) as Record<string, unknown>[];
    return rows.map((r) => this.fromRow(r));
  }

  find(id: string): Entity<F> | null {
    const row = prepareCached(this.db, `SELECT * FROM ${this.def.table} WHERE id = ? AND deleted_at IS NULL`).get(id) as
      | Record<string, unknown>
      | undefined;
    return row ? this.fromRow(row) : null;
  }

  get(id: string): Entity<F> {
    const found = this.find(id);
    if (!found) throw new AppError("NOT_FOUND", `${this.def.entity} ${id} does not exist`);
    return found;
  }

  create(input: unknown): Entity<F> {
    const fields = this.validate(input);
    this.def.check?.(fields, null);
    const id = uuidv7();
    this.writer.insert({ entity: this.def.entity, table: this.def.table, rowId: id, fields: this.toColumns(fields, null), local: this.localColumns(fields) });
    return this.get(id);
  }

  update(id: string, patch: Partial<F>): Entity<F> {
    const existing = this.get(id);
    const merged = this.validate({ ...this.fieldsOf(existing), ...stripUndefined(patch) });
    this.def.check?.(merged, id);
    this.writer.update({
      entity: this.def.entity,
      table: this.def.table,
      rowId: id,
      fields: this.toColumns(merged, existing),
      local: this.localColumns(merged),
    });
    return this.get(id);
  }

  archive(id: string): Entity<F> {
    const existing = this.get(id);
    if (existing.archivedAt) return existing;
    this.def.checkArchive?.(id);
    this.writeArchived(id, new Date().toISOString());
    return this.get(id);
  }

  restore(id: string): Entity<F> {
    const existing = this.get(id);
    if (!existing.archivedAt) return existing;
    this.def.check?.(this.fieldsOf(existing), id);
    this.writeArchived(id, null);
    return this.get(id);
  }

  private writeArchived(id: string, value: string | null): void {
    this.writer.update({ entity: this.def.entity, table: this.def.table, rowId: id, fields: { archivedAt: ["archived_at", value] } });
  }

  private validate(input: unknown): F {
    const parsed = this.def.schema.safeParse(input);
    if (!parsed.success) {
      throw new AppError("VALIDATION_FAILED", `Invalid ${this.def.entity}`, issuesToFieldErrors(parsed.error.issues));
    }
    return parsed.data;
  }

  /** Column values for the fields that differ from `existing` (all of them on insert). */
  private toColumns(fields: F, existing: Entity<F> | null): Record<string, [string, ColumnValue]> {
    const out: Record<string, [string, ColumnValue]> = {};
    for (const [field, spec] of Object.entries(this.def.fields) as [string, FieldSpec][]) {
      const value = toColumnValue(fields[field], spec.kind);
      if (existing && toColumnValue(existing[field], spec.kind) === value) continue;
      out[field] = [spec.column, value];
    }
    return out;
  }

  /** The device-local search text, derived from the row's fields (never queued for sync). */
  private localColumns(fields: F): Record<string, ColumnValue> | undefined {
    if (this.searchColumns.length === 0) return undefined;
    const byColumn = Object.fromEntries(
      (Object.entries(this.def.fields) as [string, FieldSpec][]).map(([field, spec]) => [spec.column, fields[field]]),
    );
    return { search_text: normalizeForSearch(this.searchColumns.map((c) => String(byColumn[c] ?? "")).join(" ")) };
  }

  private fieldsOf(entity: Entity<F>): F {
    return Object.fromEntries(Object.keys(this.def.fields).map((f) => [f, entity[f]])) as F;
  }

  private fromRow(row: Record<string, unknown>): Entity<F> {
    const out: Record<string, unknown> = {
      id: row.id,
      tenantId: row.tenant_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      archivedAt: row.archived_at ?? null,
      version: row.version ?? null,
    };
    for (const [field, spec] of Object.entries(this.def.fields) as [string, FieldSpec][]) {
      const raw = row[spec.column];
      out[field] = raw === null || raw === undefined ? null : spec.kind === "bool" ? raw === 1 : spec.kind === "json" ? JSON.parse(String(raw)) : raw;
    }
    return out as Entity<F>;
  }
}

function toColumnValue(value: unknown, kind: ColumnKind): ColumnValue {
  if (value === null || value === undefined) return null;
  if (kind === "bool") return value ? 1 : 0;
  if (kind === "json") return JSON.stringify(value);
  return value as ColumnValue;
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
