import type { FieldKind, FieldSpec } from "./entity-tables";

export type WireValue = string | number | null;

export class FieldError extends Error {}

/** The desktop's column form → the domain value its shared zod schema checks. */
function toDomain(value: WireValue, kind: FieldKind): unknown {
  if (value === null) return null;
  if (kind === "bool") {
    if (value === 0 || value === 1) return value === 1;
    throw new FieldError("expected 0 or 1");
  }
  if (kind === "json") {
    if (typeof value !== "string") throw new FieldError("expected a JSON string");
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new FieldError("malformed JSON");
    }
  }
  return value;
}

/** A checked domain value → the parameter Postgres stores (jsonb as text, instants as ISO). */
function toParam(value: unknown, kind: FieldKind): unknown {
  if (value === null || value === undefined) return null;
  if (kind === "json") return JSON.stringify(value);
  if (kind === "instant") return new Date(value as number).toISOString();
  return value;
}

/**
 * Checks each changed field against its entity's schema and returns column → parameter. Unknown
 * fields are refused rather than ignored: a desktop ahead of the server must not lose data silently.
 */
export function encodeChanges(fields: Record<string, FieldSpec>, changes: Record<string, WireValue>): Map<string, { column: string; param: unknown }> {
  const out = new Map<string, { column: string; param: unknown }>();
  for (const [name, value] of Object.entries(changes)) {
    const spec = fields[name];
    if (!spec) throw new FieldError(`${name}: not a synced field`);
    let domain: unknown;
    try {
      domain = toDomain(value, spec.kind);
    } catch (err) {
      throw new FieldError(`${name}: ${(err as Error).message}`);
    }
    const parsed = spec.schema.safeParse(domain);
    if (!parsed.success) throw new FieldError(`${name}: ${parsed.error.issues.map((i) => i.message).join(", ")}`);
    out.set(name, { column: spec.column, param: toParam(parsed.data, spec.kind) });
  }
  return out;
}

/** SQL giving a column back in the desktop's column form, for pull (json_build_object values). */
export function readExpression(spec: FieldSpec): string {
  const c = spec.column;
  switch (spec.kind) {
    case "bool":
      return `${c}::int`;
    case "json":
      return `${c}::text`;
    case "instant":
      return `(extract(epoch from ${c}) * 1000)::bigint`;
    case "timestamp":
      return `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case "date":
      return `${c}::text`;
    default:
      return c;
  }
}
