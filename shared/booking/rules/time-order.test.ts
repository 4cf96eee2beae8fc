import { describe, expect, it } from "vitest";
import { at, candidate } from "../rule-test-fixtures";
import { checkTimeOrder } from "./time-order";

describe("rule 1: end after start", () => {
  it.each<[string, string, string, string[]]>([
    ["two hours", "2026-06-03 14:00", "2026-06-03 16:00", []],
    ["across midnight", "2026-06-05 22:00", "2026-06-06 02:00", []],
    ["a whole day", "2026-06-03 00:00", "2026-06-04 00:00", []],
    ["31 days exactly", "2026-06-01 10:00", "2026-07-02 10:00", []],
    ["one minute past 31 days", "2026-06-01 10:00", "2026-07-02 10:01", ["TOO_LONG"]],
    ["no length", "2026-06-03 14:00", "2026-06-03 14:00", ["END_BEFORE_START"]],
    ["backwards", "2026-06-03 16:00", "2026-06-03 14:00", ["END_BEFORE_START"]],
    ["backwards across midnight", "2026-06-06 02:00", "2026-06-05 22:00", ["END_BEFORE_START"]],
  ])("%s", (_label, start, end, codes) => {
    expect(checkTimeOrder(candidate({ startMs: at(start), endMs: at(end) })).map((f) => f.code)).toEqual(codes);
  });

  it("gives the bound as a parameter", () => {
    expect(checkTimeOrder(candidate({ startMs: 0, endMs: 32 * 86_400_000 }))[0]).toMatchObject({
      messageKey: "booking.rule.TOO_LONG", params: { maxDays: 31 },
    });
  });
});
