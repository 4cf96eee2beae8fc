import { afterEach, describe, expect, it, vi } from "vitest";
import { createStudioCore, type StudioCore } from "../studio-core";
import { SETUP, appErrorOf, memoryCore, outboxRows, tempDir } from "../test-fixtures";

const cores: StudioCore[] = [];
function core(): StudioCore {
  const c = memoryCore();
  cores.push(c);
  return c;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const c of cores.splice(0)) if (c.db.open) c.close();
});

const count = (c: StudioCore, table: string) => (c.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const nothingWritten = (c: StudioCore) => {
  for (const table of ["studio", "locations", "rooms", "outbox"]) expect(count(c, table), table).toBe(0);
};

describe("StudioService.setup", () => {
  it("creates the studio, its first location and room, each with an outbox row, all in the studio's tenant", () => {
    const c = core();
    const studio = c.studio.setup(SETUP);
    expect(studio).toMatchObject({ name: "Studio Lumière", currency: "EUR", defaultDepositBp: 3000, defaultVatBp: 2000 });
    expect(studio.tenantId).toBe(studio.id);
    const [location] = c.locations.list();
    const [room] = c.rooms.list();
    expect(location).toMatchObject({ name: "Lumière Paris", timeZone: "Europe/Paris", tenantId: studio.id });
    expect(room).toMatchObject({ name: "Studio A", locationId: location!.id, tenantId: studio.id, bookable: true });
    expect(outboxRows(c).map((r) => [r.entity, r.op, r.row_id])).toEqual([
      ["studio", "insert", studio.id],
      ["location", "insert", location!.id],
      ["room", "insert", room!.id],
    ]);
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ["a room whose half day costs more than a day", { room: { ...SETUP.room, halfDayRateCents: 99_000 } }, { "room.halfDayRateCents": ["v.halfDayVsDay"] }],
    ["a room without capacity", { room: { ...SETUP.room, capacity: 0 } }, { "room.capacity": ["v.atLeastOne"] }],
    ["a location in no known zone", { location: { ...SETUP.location, timeZone: "Paris" } }, { "location.timeZone": ["v.timeZone"] }],
    ["a studio without a name", { studio: { name: "" } }, { "studio.name": ["v.required"] }],
  ])("refuses %s, leaving nothing behind", (_label, patch, fieldErrors) => {
    const c = core();
    const error = appErrorOf(() => c.studio.setup({ ...SETUP, ...patch }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fieldErrors).toEqual(fieldErrors);
    nothingWritten(c);
    expect(c.studio.find()).toBeNull();
  });

  it("is all or nothing: a room refused after the studio and location were written rolls them back", () => {
    const c = core();
    vi.spyOn(c.rooms, "create").mockImplementation(() => {
      throw new Error("disk full");
    });
    expect(() => c.studio.setup(SETUP)).toThrow("disk full");
    nothingWritten(c);
    // The device clock moved inside the rolled-back transaction: its stored stamp is rolled back too.
    expect(c.db.prepare("SELECT last_hlc FROM device").pluck().get()).toMatch(/^0{15}:/);
    vi.restoreAllMocks();
    // A retry then works, and every row belongs to the new studio (not to the rolled-back one).
    const studio = c.studio.setup(SETUP);
    expect(studio.name).toBe("Studio Lumière");
    for (const table of ["studio", "locations", "rooms"]) {
      expect(c.db.prepare(`SELECT DISTINCT tenant_id FROM ${table}`).pluck().all(), table).toEqual([studio.id]);
    }
  });

  it("refuses a second setup or a demo on top (ALREADY_INITIALIZED), changing nothing", () => {
    const c = core();
    c.studio.setup(SETUP);
    const before = outboxRows(c);
    const error = appErrorOf(() => c.studio.setup({ ...SETUP, studio: { name: "Other" }, location: { ...SETUP.location, name: "Elsewhere" } }));
    expect(error.code).toBe("ALREADY_INITIALIZED");
    expect(appErrorOf(() => c.studio.createStudio({ name: "Other", currency: "EUR" })).code).toBe("ALREADY_INITIALIZED");
    expect(outboxRows(c)).toEqual(before);
    expect(c.locations.list().map((l) => l.name)).toEqual(["Lumière Paris"]);
  });

  it("reports NOT_INITIALIZED before setup", () => {
    const c = core();
    expect(c.studio.find()).toBeNull();
    expect(appErrorOf(() => c.studio.get()).code).toBe("NOT_INITIALIZED");
    expect(appErrorOf(() => c.studio.tenantId()).code).toBe("NOT_INITIALIZED");
    expect(appErrorOf(() => c.studio.update({ name: "X" })).code).toBe("NOT_INITIALIZED");
  });
});

describe("StudioService.update", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["a rename", { name: "Lumière" }, { name: "Lumière" }],
    ["a new deposit and VAT", { defaultDepositBp: 5000, defaultVatBp: 550 }, { defaultDepositBp: 5000, defaultVatBp: 550 }],
    ["a currency", { currency: "GBP" }, { currency: "GBP" }],
    ["a field set to its current value is left out", { name: "Studio Lumière", currency: "CHF" }, { currency: "CHF" }],
  ])("queues only what changed: %s", (_label, patch, changes) => {
    const c = core();
    c.studio.setup(SETUP);
    const studio = c.studio.update(patch);
    expect(studio).toMatchObject(patch);
    const last = outboxRows(c).at(-1)!;
    expect(last).toMatchObject({ entity: "studio", op: "update", row_id: studio.id });
    expect(JSON.parse(last.changes)).toEqual(changes);
  });

  it("writes nothing for a no-op update", () => {
    const c = core();
    c.studio.setup(SETUP);
    const before = outboxRows(c);
    c.studio.update({});
    c.studio.update({ name: "Studio Lumière" });
    expect(outboxRows(c)).toEqual(before);
  });

  it.each<[Record<string, unknown>, Record<string, string[]>]>([
    [{ name: " " }, { name: ["v.required"] }],
    [{ defaultDepositBp: 10_001 }, { defaultDepositBp: ["v.percent"] }],
    [{ currency: "JPY" }, { currency: ["v.invalid"] }],
  ])("refuses %j", (patch, fieldErrors) => {
    const c = core();
    c.studio.setup(SETUP);
    const error = appErrorOf(() => c.studio.update(patch));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fieldErrors).toEqual(fieldErrors);
    expect(c.studio.get().name).toBe("Studio Lumière");
  });
});

describe("device preferences", () => {
  it("defaults to French and the system theme, before and after setup", () => {
    const c = core();
    expect(c.studio.prefs()).toEqual({ language: "fr", theme: "system" });
    c.studio.setup(SETUP);
    expect(c.studio.prefs()).toEqual({ language: "fr", theme: "system" });
  });

  it.each<[Record<string, unknown>, { language: string; theme: string }]>([
    [{ language: "en" }, { language: "en", theme: "system" }],
    [{ theme: "dark" }, { language: "fr", theme: "dark" }],
    [{ language: "en", theme: "light" }, { language: "en", theme: "light" }],
    [{}, { language: "fr", theme: "system" }],
  ])("sets %j", (input, expected) => {
    const c = core();
    expect(c.studio.setPrefs(input)).toEqual(expected);
    expect(c.studio.prefs()).toEqual(expected);
    expect(outboxRows(c)).toEqual([]); // this device's choice, never synced
  });

  it.each([[{ language: "de" }], [{ theme: "sepia" }], [{ language: 1 }]])("refuses %j", (input) => {
    const c = core();
    expect(appErrorOf(() => c.studio.setPrefs(input)).code).toBe("VALIDATION_FAILED");
    expect(c.studio.prefs()).toEqual({ language: "fr", theme: "system" });
  });

  it("keeps them across a restart, and ignores a corrupted stored value", () => {
    const tmp = tempDir();
    try {
      const first = createStudioCore({ databaseFile: tmp.file() });
      first.studio.setPrefs({ language: "en", theme: "dark" });
      first.close();
      const second = createStudioCore({ databaseFile: tmp.file() });
      expect(second.studio.prefs()).toEqual({ language: "en", theme: "dark" });
      second.db.prepare("UPDATE device_prefs SET value = 'klingon' WHERE key = 'language'").run();
      expect(second.studio.prefs().language).toBe("fr");
      second.close();
    } finally {
      tmp.cleanup();
    }
  });
});
