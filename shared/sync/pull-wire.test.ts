import { describe, expect, it } from "vitest";
import { encodeHlc } from "../hlc";
import type { PulledChange } from "./protocol";
import { decodePullPage, encodePullPage, fieldHlcJson, PullPageWriter, stampsOf } from "./pull-wire";

const s = (wallMs: number, node = "desk") => encodeHlc({ wallMs, counter: 0, node });
const [s1, s2, s3] = [s(1_700_000_000_000), s(1_700_000_000_500, "other"), s(1_700_000_001_000)];

/** A client row as the server holds it; stamp keys in jsonb's order (shorter keys first). */
function client(rowId: string, version: number, fieldHlc: Record<string, string>, overrides: Partial<PulledChange["fields"]> = {}): PulledChange {
  const fields = { kind: "person", name: `Client ${version}`, email: null, notes: "« note »", deletedAt: null, ...overrides };
  return { entity: "client", rowId, version, fields, fieldHlc, deletedAt: (fields.deletedAt as string | null) ?? null };
}
const all = (stamp: string) => ({ kind: stamp, name: stamp, email: stamp, notes: stamp, deletedAt: stamp });

describe("pull wire form", () => {
  const cases: [string, Record<string, string>, { stamp?: string; fieldHlc?: Record<string, string> }][] = [
    ["one stamp for every field: the row stamp alone", all(s1), { stamp: s1 }],
    ["one field stamped later: the row stamp and that field", { ...all(s1), notes: s2 }, { stamp: s1, fieldHlc: { notes: s2 } }],
    ["most fields stamped later: the commonest stamp is the row's", { kind: s1, name: s3, email: s3, notes: s3, deletedAt: s2 }, { stamp: s3, fieldHlc: { kind: s1, deletedAt: s2 } }],
    ["a partial map (fields never written): travels whole", { name: s1, kind: s1 }, { fieldHlc: { name: s1, kind: s1 } }],
    ["no stamps at all: an empty map", {}, { fieldHlc: {} }],
  ];
  it.each(cases)("%s", (_, fieldHlc, wire) => {
    // The first row of the page fixes the shape's stamp key order.
    const page = encodePullPage([client("a", 1, all(s1)), client("b", 2, fieldHlc)], 2, true);
    const { shape, rowId, version, values, ...stamps } = page.rows[1]!;
    expect({ shape, rowId, version, values }).toEqual({ shape: 0, rowId: "b", version: 2, values: ["person", "Client 2", null, "« note »", null] });
    expect(stamps).toEqual(wire);
    const back = decodePullPage(page)[1]!;
    // Keys in the same order, so the desk stores the very text it stored before this form.
    expect(JSON.stringify(back.fieldHlc)).toBe(JSON.stringify(fieldHlc));
    expect(fieldHlcJson(page.shapes[0]!, page.rows[1]!)).toBe(JSON.stringify(fieldHlc));
    expect(new Set(stampsOf(page.rows[1]!))).toEqual(new Set(Object.values(fieldHlc)));
    expect(back).toEqual(client("b", 2, fieldHlc));
  });

  it("sends each entity's field names once, and a row of another field list under a shape of its own", () => {
    const partial: PulledChange = { entity: "booking", rowId: "k", version: 5, fields: { status: "conflict" }, fieldHlc: { status: s2 }, deletedAt: null };
    const changes = [client("a", 1, all(s1)), partial, client("b", 6, all(s3), { deletedAt: "2027-01-05T08:30:00.000Z" })];
    const page = encodePullPage(changes, 6, false);
    expect(page.shapes).toEqual([
      { entity: "client", fields: ["kind", "name", "email", "notes", "deletedAt"], stamped: ["kind", "name", "email", "notes", "deletedAt"] },
      { entity: "booking", fields: ["status"], stamped: ["status"] },
    ]);
    expect(page.rows.map((r) => r.shape)).toEqual([0, 1, 0]);
    expect(page).toMatchObject({ cursor: 6, hasMore: false });
    // The tombstone is read back from its fields.
    expect(decodePullPage(page)).toEqual(changes);
  });

  it("keeps a map whose keys come in another order whole, so its stored text does not change", () => {
    const writer = new PullPageWriter();
    const fields = ["kind", "name"];
    writer.add("client", "a", 1, fields, ["person", "A"], { kind: s1, name: s1 });
    writer.add("client", "b", 2, fields, ["person", "B"], { name: s2, kind: s2 });
    const page = writer.page(2, false);
    expect(page.rows[1]).toMatchObject({ fieldHlc: { name: s2, kind: s2 } });
    expect(page.rows[1]!.stamp).toBeUndefined();
    expect(JSON.stringify(decodePullPage(page)[1]!.fieldHlc)).toBe(JSON.stringify({ name: s2, kind: s2 }));
  });

  it("is one empty page for no changes, the cursor kept", () => {
    expect(encodePullPage([], 41)).toEqual({ shapes: [], rows: [], cursor: 41, hasMore: false });
    expect(decodePullPage(encodePullPage([], 41))).toEqual([]);
  });
});
