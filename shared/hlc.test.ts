import { describe, expect, it } from "vitest";
import { ClockSkewError, MAX_CLOCK_SKEW_MS, decodeHlc, encodeHlc, receiveHlc, tickHlc, type Hlc } from "./hlc";

const T = Date.UTC(2026, 5, 1, 12, 0, 0); // a fixed "now" so every case is reproducible
const h = (wallMs: number, counter: number, node = "aaaaaaaaaaaa"): Hlc => ({ wallMs, counter, node });

describe("encodeHlc / decodeHlc", () => {
  it.each([
    ["epoch", h(0, 0)],
    ["now", h(T, 0)],
    ["counter in base 36", h(T, 35)],
    ["large counter", h(T, 36 ** 5 - 1)],
    ["far future wall", h(999_999_999_999_999, 7)],
    ["other node", h(T, 3, "0123456789ab")],
  ])("round-trips %s", (_label, stamp) => {
    const encoded = encodeHlc(stamp);
    expect(encoded).toMatch(/^\d{15}:[0-9a-z]{5}:[0-9a-z]+$/);
    expect(decodeHlc(encoded)).toEqual(stamp);
  });

  it.each(["", "garbage", "123:00000:node", `${"1".repeat(15)}:00000`, `abcdefghijklmno:00000:node`, `${"1".repeat(15)}:!!!!!:node`, `${"1".repeat(15)}::node`, `${"1".repeat(15)}:00000:`, `${"1".repeat(15)}:00000:node:extra`])(
    "refuses the malformed stamp %j",
    (text) => {
      expect(() => decodeHlc(text)).toThrow(/Malformed HLC/);
    },
  );

  // Per-field last-writer-wins compares encoded strings: string order must be causal order.
  it.each([
    ["later wall beats higher counter", h(T, 999), h(T + 1, 0)],
    ["same wall, higher counter", h(T, 9), h(T, 10)],
    ["counter crossing a base-36 digit", h(T, 35), h(T, 36)],
    ["counter crossing digits to letters", h(T, 9), h(T, 10)],
    ["wall crossing a power of ten", h(999_999_999_999, 0), h(1_000_000_000_000, 0)],
    ["same wall and counter, node breaks the tie", h(T, 1, "aaaaaaaaaaaa"), h(T, 1, "bbbbbbbbbbbb")],
  ])("string order follows stamp order: %s", (_label, earlier, later) => {
    expect(encodeHlc(earlier) < encodeHlc(later)).toBe(true);
    expect([encodeHlc(later), encodeHlc(earlier)].sort()).toEqual([encodeHlc(earlier), encodeHlc(later)]);
  });
});

describe("tickHlc", () => {
  it.each([
    // [label, last, now, expected]
    ["wall clock moved forward: counter resets", h(T, 5), T + 10, h(T + 10, 0)],
    ["same millisecond: counter increments", h(T, 5), T, h(T, 6)],
    ["wall clock stepped back: keeps the last wall, counter increments", h(T, 5), T - 60_000, h(T, 6)],
    ["first tick from the zero stamp", h(0, 0), T, h(T, 0)],
  ])("%s", (_label, last, now, expected) => {
    expect(tickHlc(last, now)).toEqual(expected);
  });

  it("stays strictly increasing while the wall clock jumps around", () => {
    const walls = [T, T, T + 5, T - 3_600_000, T - 3_600_000, T + 1, T + 6, T + 6, T - 1];
    let last = h(0, 0);
    const stamps: string[] = [];
    for (const now of walls) {
      last = tickHlc(last, now);
      stamps.push(encodeHlc(last));
    }
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
  });
});

describe("receiveHlc", () => {
  it.each([
    // [label, local, remote, now, expected]
    ["our wall clock is ahead of both", h(T - 10, 4), h(T - 5, 9, "remote"), T, h(T, 0)],
    ["remote is ahead: take its wall, counter + 1", h(T - 10, 4), h(T + 1_000, 2, "remote"), T, h(T + 1_000, 3)],
    ["local is ahead: keep our wall, counter + 1", h(T + 1_000, 4), h(T - 5, 9, "remote"), T, h(T + 1_000, 5)],
    ["same wall on both: max counter + 1", h(T + 1_000, 4), h(T + 1_000, 9, "remote"), T, h(T + 1_000, 10)],
    ["all three equal", h(T, 7), h(T, 2, "remote"), T, h(T, 8)],
    ["remote exactly at the skew bound is accepted", h(T, 0), h(T + MAX_CLOCK_SKEW_MS, 0, "remote"), T, h(T + MAX_CLOCK_SKEW_MS, 1)],
  ])("%s", (_label, local, remote, now, expected) => {
    const merged = receiveHlc(local, remote, now);
    expect(merged).toEqual(expected);
    // The merged stamp is after both inputs, and keeps our node id.
    expect(encodeHlc(merged) > encodeHlc(local)).toBe(true);
    expect(merged.wallMs > remote.wallMs || merged.counter > remote.counter).toBe(true);
    expect(merged.node).toBe(local.node);
  });

  it.each([
    ["one millisecond past the bound", MAX_CLOCK_SKEW_MS + 1],
    ["an hour ahead", 3_600_000],
    ["a year ahead", 365 * 24 * 3_600_000],
  ])("refuses a remote stamp %s", (_label, ahead) => {
    let error: unknown;
    try {
      receiveHlc(h(T, 0), h(T + ahead, 0, "remote"), T);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClockSkewError);
    expect((error as ClockSkewError).skewMs).toBe(ahead);
    expect((error as Error).message).toMatch(/Clock skew of \d+ s exceeds the allowed 300 s/);
  });

  it("accepts a remote stamp far in the past (an old offline device)", () => {
    expect(receiveHlc(h(T, 0), h(T - 30 * 24 * 3_600_000, 0, "remote"), T)).toEqual(h(T, 1));
  });
});
