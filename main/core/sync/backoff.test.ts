import { describe, expect, it } from "vitest";
import { BACKOFF_MAX_MS, nextDelay } from "./backoff";

describe("nextDelay", () => {
  it.each([
    // attempt, random, delay (ms)
    [1, 0, 500],
    [1, 1, 1_000],
    [2, 0.5, 1_500],
    [3, 0, 2_000],
    [4, 1, 8_000],
    [9, 1, 256_000],
    [10, 0, BACKOFF_MAX_MS / 2],
    [10, 1, BACKOFF_MAX_MS],
    [1_000, 1, BACKOFF_MAX_MS],
    [0, 1, 1_000],
  ])("attempt %i with random %d waits %i ms", (attempt, random, delay) => {
    expect(nextDelay(attempt, () => random)).toBe(delay);
  });

  it("stays within [half, whole] of the capped step whatever the draw", () => {
    for (let attempt = 1; attempt < 40; attempt++) {
      for (const r of [0, 0.25, 0.999, -1, 2]) {
        const d = nextDelay(attempt, () => r);
        expect(d).toBeGreaterThan(0);
        expect(d).toBeLessThanOrEqual(BACKOFF_MAX_MS);
      }
    }
  });
});
