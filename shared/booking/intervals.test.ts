import { describe, expect, it } from "vitest";
import { firstUncovered, mergeIntervals, overlaps } from "./intervals";

const i = (startMs: number, endMs: number) => ({ startMs, endMs });

describe("overlaps", () => {
  it.each([
    [i(10, 20), i(15, 25), true],
    [i(10, 20), i(20, 30), false],
    [i(20, 30), i(10, 20), false],
    [i(10, 20), i(12, 18), true],
    [i(10, 20), i(0, 10), false],
    [i(10, 20), i(9, 11), true],
  ])("%j and %j → %s", (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe("mergeIntervals", () => {
  it.each([
    [[], []],
    [[i(10, 20), i(20, 30)], [i(10, 30)]],
    [[i(20, 30), i(10, 15)], [i(10, 15), i(20, 30)]],
    [[i(10, 30), i(12, 18)], [i(10, 30)]],
    [[i(10, 10), i(11, 12)], [i(11, 12)]],
  ])("%j → %j", (input, expected) => {
    expect(mergeIntervals(input)).toEqual(expected);
  });
});

describe("firstUncovered", () => {
  const open = [i(10, 20), i(25, 40)];
  it.each([
    [10, 20, null],
    [12, 18, null],
    [25, 40, null],
    [5, 15, 5],
    [15, 30, 20],
    [30, 45, 40],
    [41, 50, 41],
  ])("[%i, %i) → %s", (start, end, expected) => {
    expect(firstUncovered(open, start, end)).toBe(expected);
  });
});
