import { describe, expect, it } from "vitest";
import { changesText } from "./change-summary";

describe("changesText", () => {
  it("lists each changed field with its value", () => {
    expect(changesText({ name: "Studio B", capacity: 4, archivedAt: null })).toBe("name: Studio B · capacity: 4 · archivedAt: null");
  });

  it("shortens long values and counts the fields left out", () => {
    const text = changesText({ a: "x".repeat(60), b: 1, c: 2, d: 3, e: 4, f: 5 });
    expect(text).toBe(`a: ${"x".repeat(39)}… · b: 1 · c: 2 · d: 3 (+2)`);
  });

  it("survives a value JSON cannot write", () => {
    expect(changesText({ gone: undefined })).toBe("gone: undefined");
  });
});
