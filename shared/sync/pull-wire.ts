import type { PulledChange, PulledRow, PullOutput, PullShape, SyncedEntity } from "./protocol";

type Value = PulledChange["fields"][string];

/**
 * Builds a pull page in its compact wire form (protocol.ts, PullOutput): each distinct list of
 * field names once, as a shape, and each row's field stamps as one row stamp plus the fields that
 * differ from it, when its stamp keys are the shape's in the shape's key order. Any other stamp
 * map (a partial one, another key order) travels whole, so `fieldHlcOf` gives back the very map,
 * keys in the same order, that was added.
 */
export class PullPageWriter {
  private readonly shapes: PullShape[] = [];
  private readonly rows: PulledRow[] = [];
  private readonly byEntity = new Map<string, { shape: number; fields: string[] }[]>();

  /** `fields` may be shared between rows (the writer keeps it as it is); `values` are in its order. */
  add(entity: SyncedEntity, rowId: string, version: number, fields: string[], values: Value[], fieldHlc: Record<string, string>): void {
    const shapeIndex = this.shapeOf(entity, fields);
    const shape = this.shapes[shapeIndex]!;
    const keys = Object.keys(fieldHlc);
    if (shape.stamped === null && keys.length === fields.length && keys.length > 0 && keys.every((k) => fields.includes(k))) shape.stamped = keys;
    const row: PulledRow = { shape: shapeIndex, rowId, version, values };
    if (shape.stamped !== null && sameList(keys, shape.stamped)) {
      const stamp = commonest(keys.map((k) => fieldHlc[k]!));
      row.stamp = stamp;
      for (const k of keys) if (fieldHlc[k] !== stamp) (row.fieldHlc ??= {})[k] = fieldHlc[k]!;
    } else {
      row.fieldHlc = fieldHlc;
    }
    this.rows.push(row);
  }

  page(cursor: number, hasMore: boolean): PullOutput {
    return { shapes: this.shapes, rows: this.rows, cursor, hasMore };
  }

  private shapeOf(entity: SyncedEntity, fields: string[]): number {
    const known = this.byEntity.get(entity) ?? [];
    for (const k of known) if (k.fields === fields || sameList(k.fields, fields)) return k.shape;
    const shape = this.shapes.length;
    this.shapes.push({ entity, fields, stamped: null });
    this.byEntity.set(entity, [...known, { shape, fields }]);
    return shape;
  }
}

/** A page of whole changes in wire form (as the server would send them), for tests and tools. */
export function encodePullPage(changes: readonly PulledChange[], cursor?: number, hasMore = false): PullOutput {
  const writer = new PullPageWriter();
  for (const c of changes) writer.add(c.entity, c.rowId, c.version, Object.keys(c.fields), Object.values(c.fields), c.fieldHlc);
  return writer.page(cursor ?? changes.at(-1)?.version ?? 0, hasMore);
}

/** The row's field stamps as one map, keys in the order the server holds them. */
export function fieldHlcOf(shape: PullShape, row: PulledRow): Record<string, string> {
  if (row.stamp === undefined) return row.fieldHlc ?? {};
  const out: Record<string, string> = {};
  for (const k of shape.stamped ?? []) out[k] = row.fieldHlc?.[k] ?? row.stamp;
  return out;
}

/**
 * `JSON.stringify(fieldHlcOf(shape, row))`, without the map for the usual row (one stamp for all
 * fields): the desk stores this text as the row's field_hlc.
 */
export function fieldHlcJson(shape: PullShape, row: PulledRow): string {
  if (row.stamp === undefined || row.fieldHlc !== undefined) return JSON.stringify(fieldHlcOf(shape, row));
  // `{"kind":` + stamp + `,"name":` + stamp + … + `}`: one native join of parts made once per shape.
  const parts = jsonParts(shape);
  return parts.length === 1 ? "{}" : parts.join(JSON.stringify(row.stamp));
}

const partsCache = new WeakMap<PullShape, string[]>();

/** The text between the stamps of a map of the shape's stamp keys. */
function jsonParts(shape: PullShape): string[] {
  let out = partsCache.get(shape);
  if (!out) {
    out = [...(shape.stamped ?? []).map((k, i) => `${i ? "," : "{"}${JSON.stringify(k)}:`), "}"];
    partsCache.set(shape, out);
  }
  return out;
}

/** Every stamp of the row (the row stamp and those differing from it). */
export function stampsOf(row: PulledRow): string[] {
  const out = row.fieldHlc ? Object.values(row.fieldHlc) : [];
  if (row.stamp !== undefined) out.push(row.stamp);
  return out;
}

/** One wire row as a whole change: field names and stamps keyed again. */
export function changeOf(shape: PullShape, row: PulledRow): PulledChange {
  const fields: Record<string, Value> = {};
  for (let i = 0; i < shape.fields.length; i++) fields[shape.fields[i]!] = row.values[i] ?? null;
  return { entity: shape.entity, rowId: row.rowId, version: row.version, fields, fieldHlc: fieldHlcOf(shape, row), deletedAt: (fields.deletedAt as string | null | undefined) ?? null };
}

/** A wire page's rows as whole changes, in page order. */
export function decodePullPage(page: PullOutput): PulledChange[] {
  return page.rows.map((row) => changeOf(page.shapes[row.shape]!, row));
}

/** The stamp most fields carry (the first such on a tie). */
function commonest(stamps: string[]): string {
  const first = stamps[0]!;
  if (stamps.every((s) => s === first)) return first;
  const counts = new Map<string, number>();
  let best = first;
  for (const s of stamps) {
    const n = (counts.get(s) ?? 0) + 1;
    counts.set(s, n);
    if (n > counts.get(best)!) best = s;
  }
  return best;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
