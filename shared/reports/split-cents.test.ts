import { describe, expect, it } from "vitest";
import { splitCents } from "./split-cents";

describe("splitCents", () => {
  it.each([
    [10_001, 2, [5001, 5000]],
    [100, 3, [34, 33, 33]],
    [0, 2, [0, 0]],
    [7, 1, [7]],
    [-5, 2, [-3, -2]],
    [5, 0, []],
  ])("%i over %i → %j", (cents, parts, expected) => {
    const out = splitCents(cents, parts);
    expect(out).toEqual(expected);
    expect(out.reduce((s, c) => s + c, 0)).toBe(parts > 0 ? cents : 0);
  });
});
