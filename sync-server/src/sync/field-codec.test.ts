import { describe, expect, it } from "vitest";
import { ENTITY_TABLES } from "./entity-tables";
import { encodeChanges, FieldError } from "./field-codec";

const booking = ENTITY_TABLES.booking!.fields;
const room = ENTITY_TABLES.room!.fields;

describe("encodeChanges", () => {
  it("turns the desktop's column form into Postgres parameters, after the shared schemas", () => {
    const out = encodeChanges(booking, { roomIds: '["0190f1a2-7b3c-7d4e-8f5a-1b2c3d4e5f60"]', overridePast: 1, startsAt: Date.UTC(2027, 0, 1, 9), title: "  " });
    expect(Object.fromEntries([...out].map(([k, v]) => [k, v]))).toEqual({
      roomIds: { column: "room_ids", param: '["0190f1a2-7b3c-7d4e-8f5a-1b2c3d4e5f60"]' },
      overridePast: { column: "override_past", param: true },
      startsAt: { column: "starts_at", param: "2027-01-01T09:00:00.000Z" },
      // optionalText: blank is stored as null, as the desktop's forms do.
      title: { column: "title", param: null },
    });
  });

  it("refuses bad values, malformed JSON, booleans other than 0/1 and unknown fields", () => {
    expect(() => encodeChanges(room, { capacity: 0 })).toThrow(FieldError);
    expect(() => encodeChanges(booking, { roomIds: "[oops" })).toThrow(/malformed JSON/);
    expect(() => encodeChanges(room, { bookable: 2 })).toThrow(/0 or 1/);
    expect(() => encodeChanges(room, { secret: "x" })).toThrow(/not a synced field/);
  });
});
