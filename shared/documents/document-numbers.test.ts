import { describe, expect, it } from "vitest";
import { displayNumber, formatDocumentNumber, parseDocumentNumber, provisionalLabel, type NumberedKind } from "./document-numbers";

describe("document numbers", () => {
  it.each<[NumberedKind, number, number, string]>([
    ["invoice", 2026, 1, "F-2026-0001"],
    ["invoice", 2026, 42, "F-2026-0042"],
    ["credit_note", 2026, 3, "AV-2026-0003"],
    ["quote", 2027, 9999, "D-2027-9999"],
    ["contract", 2026, 12345, "C-2026-12345"],
  ])("%s %i #%i → %s, and back", (kind, year, seq, text) => {
    expect(formatDocumentNumber(kind, year, seq)).toBe(text);
    expect(parseDocumentNumber(text)).toEqual({ kind, year, sequence: seq });
  });

  it.each([0, -1, 1.5])("refuses sequence %s", (seq) => expect(() => formatDocumentNumber("invoice", 2026, seq)).toThrow(RangeError));
  it.each(["F-26-0001", "X-2026-0001", "F-2026-001", "PROV-abc-1", ""])("%j is not a final number", (t) => expect(parseDocumentNumber(t)).toBeNull());

  it("provisional labels name the device and are not final numbers", () => {
    const label = provisionalLabel("01937a4e-5b1c-7000-8000-000000000000", 3);
    expect(label).toBe("PROV-01937a4e-3");
    expect(parseDocumentNumber(label)).toBeNull();
  });

  it.each<[string | null, string | null, string | null]>([
    ["F-2026-0001", "PROV-x-1", "F-2026-0001"], [null, "PROV-x-1", "PROV-x-1"], [null, null, null],
  ])("shows %s over %s", (number, provisionalNumber, shown) => expect(displayNumber({ number, provisionalNumber })).toBe(shown));
});
