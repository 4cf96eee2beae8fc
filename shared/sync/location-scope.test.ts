import { describe, expect, it } from "vitest";
import { DROP_ORDER, LOCATED_BY, outsideScope, scopeNarrowed } from "./location-scope";
import { SYNCED_ENTITIES } from "./protocol";

describe("scopeNarrowed", () => {
  it.each([
    [null, null, false],
    [["paris"], null, false],
    [null, ["paris"], true],
    [["paris"], ["paris"], false],
    [["paris"], ["paris", "lyon"], false],
    [["paris", "lyon"], ["paris"], true],
    [["paris"], ["lyon"], true],
    [["paris"], [], true],
  ] as const)("%j → %j narrowed: %s", (before, after, narrowed) => {
    expect(scopeNarrowed(before, after)).toBe(narrowed);
  });
});

describe("outsideScope", () => {
  it.each([
    ["booking at a permitted location", LOCATED_BY.booking, "paris", ["paris"], false],
    ["booking elsewhere", LOCATED_BY.booking, "lyon", ["paris"], true],
    ["the location itself, left out", LOCATED_BY.location, "lyon", ["paris"], true],
    ["the location itself, kept", LOCATED_BY.location, "paris", ["paris"], false],
    ["studio-wide staff (no location)", LOCATED_BY.staff, null, ["paris"], false],
    ["staff of another location", LOCATED_BY.staff, "lyon", ["paris"], true],
    ["time off of a studio-wide engineer", LOCATED_BY.staff_time_off, null, ["paris"], false],
    ["payment of an invoice elsewhere", LOCATED_BY.payment, "lyon", ["paris"], true],
    ["a client (studio-wide entity)", LOCATED_BY.client, "lyon", ["paris"], false],
    ["every location permitted", LOCATED_BY.room, "lyon", null, false],
    ["no location left at all", LOCATED_BY.room, "paris", [], true],
  ] as const)("%s → outside: %s", (_label, located, locationId, scope, outside) => {
    expect(outsideScope(located, locationId, scope)).toBe(outside);
  });
});

describe("DROP_ORDER", () => {
  it("lists every located entity once, each before the parent it is located through", () => {
    const located = SYNCED_ENTITIES.filter((e) => LOCATED_BY[e] !== null);
    expect([...DROP_ORDER].sort()).toEqual([...located].sort());
    for (const entity of DROP_ORDER) {
      const by = LOCATED_BY[entity];
      if (by?.kind !== "parent") continue;
      for (const parent of [by.parent, by.or?.parent]) if (parent) expect(DROP_ORDER.indexOf(entity)).toBeLessThan(DROP_ORDER.indexOf(parent));
    }
    expect(DROP_ORDER.at(-1)).toBe("location");
  });
});
