import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCH_SOURCES } from "../db/migrations/002-search-text";
import type { StudioCore } from "../studio-core";
import { appErrorOf, memoryCore, outboxRows } from "../test-fixtures";
import { DEMO_GEAR } from "./demo-studio";
import { seedDemoStudio } from "./seed-demo";

let core: StudioCore;
beforeAll(() => {
  core = memoryCore();
  seedDemoStudio(core);
});
afterAll(() => core.close());

const TABLES = { location: "locations", room: "rooms", staff: "staff", equipment: "equipment", client: "clients" } as const;

describe("seedDemoStudio", () => {
  it("creates the studio as the tenant of every row", () => {
    const studio = core.studio.get();
    expect(studio).toMatchObject({ name: "Studio Lumière", currency: "EUR" });
    for (const table of [...Object.values(TABLES), "studio"]) {
      const tenants = core.db.prepare(`SELECT DISTINCT tenant_id FROM ${table}`).pluck().all();
      expect(tenants, table).toEqual([studio.id]);
    }
  });

  it("has two locations, in Paris and London time", () => {
    expect(core.locations.list().map((l) => l.timeZone).sort()).toEqual(["Europe/London", "Europe/Paris"]);
  });

  it.each([
    ["Europe/Paris", 4],
    ["Europe/London", 2],
  ])("puts the right rooms in %s", (tz, n) => {
    const location = core.locations.list().find((l) => l.timeZone === tz)!;
    expect(core.rooms.list({ locationId: location.id })).toHaveLength(n);
  });

  it.each<[string, () => number, number]>([
    ["rooms", () => core.rooms.list().length, 6],
    ["engineers", () => core.staff.list().filter((s) => s.role === "engineer").length, 5],
    ["clients", () => core.clients.list().length, 40],
    ["pieces of gear", () => core.equipment.list().length, DEMO_GEAR.length],
  ])("has the expected number of %s", (_label, actual, expected) => {
    expect(actual()).toBe(expected);
  });

  it("queues exactly one insert per row, and nothing else", () => {
    const rows = outboxRows(core);
    expect(rows.every((r) => r.op === "insert")).toBe(true);
    expect(rows.filter((r) => r.entity === "studio").map((r) => r.row_id)).toEqual([core.studio.get().id]);
    for (const [entity, table] of Object.entries(TABLES)) {
      const ids = core.db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all();
      expect(rows.filter((r) => r.entity === entity).map((r) => r.row_id).sort(), entity).toEqual(ids);
    }
    expect(rows).toHaveLength(1 + 2 + 6 + core.staff.list().length + DEMO_GEAR.length + 40);
  });

  it("passes every validation rule (each row reads back valid)", () => {
    for (const store of ["locations", "rooms", "staff", "equipment", "clients"] as const) {
      for (const row of core[store].list()) expect(core[store].def.schema.safeParse(row).success, `${store} ${row.id}`).toBe(true);
    }
  });

  it("fills the search text of every row", () => {
    for (const table of Object.keys(SEARCH_SOURCES)) {
      expect(core.db.prepare(`SELECT count(*) FROM ${table} WHERE search_text = ''`).pluck().get(), table).toBe(0);
    }
    expect(core.clients.list({ search: "heloise" }).map((c) => c.name)).toEqual(["Héloïse Mercier"]);
  });

  it("refuses to seed twice, adding nothing", () => {
    const before = outboxRows(core).length;
    expect(appErrorOf(() => seedDemoStudio(core)).code).toBe("ALREADY_INITIALIZED");
    expect(outboxRows(core)).toHaveLength(before);
    expect(core.locations.list()).toHaveLength(2);
  });
});
