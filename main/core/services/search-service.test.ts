import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoStudio } from "../demo/seed-demo";
import type { StudioCore } from "../studio-core";
import { memoryCore } from "../test-fixtures";

let core: StudioCore;
beforeAll(() => {
  core = memoryCore();
  seedDemoStudio(core);
  core.clients.create({ kind: "company", name: "100% Records" });
});
afterAll(() => core.close());

describe("SearchService.query (command palette)", () => {
  it.each<[string, string, [string, string][]]>([
    ["a client without accents", "heloise", [["client", "Héloïse Mercier"]]],
    ["an engineer with the accent", "Lefèvre", [["staff", "Hugo Lefèvre"]]],
    ["a room by type", "mastering", [["room", "Cabine Mastering"]]],
    ["gear by serial number", "u87-204118", [["equipment", "Neumann U 87 Ai"]]],
    ["a location by address", "frochot", [["location", "Lumière Paris — Pigalle"]]],
    ["two terms", "lumiere hackney", [["location", "Lumière London — Hackney"]]],
    ["a literal percent", "%", [["client", "100% Records"]]],
    ["nothing", "zzzz", []],
    ["blank", "   ", []],
  ])("finds %s (%j)", (_label, text, expected) => {
    expect(core.search.query(text).map((h) => [h.kind, h.label])).toEqual(expected);
  });

  it("caps each kind and gives a detail line", () => {
    const hits = core.search.query("e", 3);
    for (const kind of ["client", "room", "staff", "equipment", "location"]) {
      expect(hits.filter((h) => h.kind === kind).length).toBeLessThanOrEqual(3);
    }
    const client = core.search.query("heloise")[0]!;
    expect(client.detail).toBe(core.clients.get(client.id).email);
  });

  it("leaves archived records out", () => {
    const [room] = core.search.query("mastering");
    core.rooms.archive(room!.id);
    expect(core.search.query("mastering")).toEqual([]);
    core.rooms.restore(room!.id);
  });
});
