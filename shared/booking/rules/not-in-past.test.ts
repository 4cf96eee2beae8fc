import { describe, expect, it } from "vitest";
import type { Interval } from "../booking-types";
import { at, candidate, context } from "../rule-test-fixtures";
import { checkNotInPast } from "./not-in-past";

const NOW = at("2026-06-03 12:00");
const was = (start: string, end: string): Interval => ({ startMs: at(start), endMs: at(end) });

describe("rule 2: not in the past", () => {
  it.each<[string, string, string, Interval | null, boolean, string[]]>([
    ["a new booking later today", "2026-06-03 14:00", "2026-06-03 16:00", null, false, []],
    ["a new booking starting now", "2026-06-03 12:00", "2026-06-03 13:00", null, false, []],
    ["a new booking that started an hour ago", "2026-06-03 11:00", "2026-06-03 13:00", null, false, ["IN_PAST"]],
    ["yesterday", "2026-06-02 14:00", "2026-06-02 16:00", null, false, ["IN_PAST"]],
    ["yesterday, with the override", "2026-06-02 14:00", "2026-06-02 16:00", null, true, ["PAST_OVERRIDDEN"]],
    ["a running session running over", "2026-06-03 11:00", "2026-06-03 14:00", was("2026-06-03 11:00", "2026-06-03 13:00"), false, []],
    ["a running session cut short, still after now", "2026-06-03 11:00", "2026-06-03 12:30", was("2026-06-03 11:00", "2026-06-03 13:00"), false, []],
    ["a running session cut to end in the past", "2026-06-03 11:00", "2026-06-03 11:30", was("2026-06-03 11:00", "2026-06-03 13:00"), false, ["IN_PAST"]],
    ["a running session whose start moves earlier", "2026-06-03 10:00", "2026-06-03 13:00", was("2026-06-03 11:00", "2026-06-03 13:00"), false, ["IN_PAST"]],
    ["a future booking moved to another future slot", "2026-06-04 10:00", "2026-06-04 12:00", was("2026-06-05 10:00", "2026-06-05 12:00"), false, []],
  ])("%s", (_label, start, end, previous, overridePast, codes) => {
    const failures = checkNotInPast(candidate({ startMs: at(start), endMs: at(end), previous }), context({ nowMs: NOW, overridePast }));
    expect(failures.map((f) => f.code)).toEqual(codes);
  });

  it("names the date and times on the location's clock", () => {
    const [f] = checkNotInPast(candidate({ startMs: at("2026-06-02 14:00"), endMs: at("2026-06-02 16:00") }), context({ nowMs: NOW }));
    expect(f).toMatchObject({ date: "2026-06-02", params: { date: "2026-06-02", from: "14:00", to: "16:00" } });
  });
});
