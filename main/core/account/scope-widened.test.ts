import { describe, expect, it } from "vitest";
import { scopeWidened } from "./sync-controller";

describe("scopeWidened", () => {
  it.each([
    [null, null, false],
    [null, ["paris"], false],
    [["paris"], null, true],
    [["paris"], ["paris"], false],
    [["paris", "lyon"], ["paris"], false],
    [["paris"], ["paris", "lyon"], true],
    [["paris"], ["lyon"], true],
  ] as const)("%j → %j widened: %s", (before, after, widened) => {
    expect(scopeWidened(before, after)).toBe(widened);
  });
});
