import { DOCUMENT_ENTITIES, type DocumentEntity, type DocumentField } from "../../../shared/documents/document-entities";
import type { EntityTable, FieldSpec } from "../sync/entity-tables";

/** The document entities (migration 008) in the push/pull form, with the lifecycle fields every synced row has. */
export function documentEntityTables(lifecycle: Record<string, FieldSpec>): Record<DocumentEntity, EntityTable> {
  const out = {} as Record<DocumentEntity, EntityTable>;
  for (const [entity, def] of Object.entries(DOCUMENT_ENTITIES) as [DocumentEntity, { table: string; fields: Record<string, DocumentField> }][]) {
    const fields: Record<string, FieldSpec> = {};
    for (const [field, spec] of Object.entries(def.fields)) fields[field] = { column: spec.column, kind: spec.kind, schema: spec.schema };
    out[entity] = { table: def.table, fields: { ...fields, ...lifecycle } };
  }
  return out;
}
