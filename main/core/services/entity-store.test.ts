import { afterEach, describe, expect, it } from "vitest";
import type { StudioCore } from "../studio-core";
import { appErrorOf, equipmentInput, locationInput, outboxRows, roomInput, setUpCore, staffInput } from "../test-fixtures";

const cores: StudioCore[] = [];
function fresh() {
  const x = setUpCore();
  cores.push(x.core);
  return x;
}
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

type Store = "locations" | "rooms" | "staff" | "equipment" | "clients";

describe("validation errors", () => {
  it.each<[string, Store, (loc: string) => unknown, Record<string, string[]>]>([
    ["location without a name", "locations", () => locationInput({ name: "" }), { name: ["v.required"] }],
    ["location in a made-up zone", "locations", () => locationInput({ timeZone: "Europe/Atlantis" }), { timeZone: ["v.timeZone"] }],
    ["location closing before opening", "locations", () => locationInput({ openingHours: { mon: [{ open: "20:00", close: "08:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }), { "openingHours.mon.0.close": ["v.closeAfterOpen"] }],
    ["location with a closure in reverse", "locations", () => locationInput({ closures: [{ from: "2026-08-15", to: "2026-08-01" }] }), { "closures.0.to": ["v.closureOrder"] }],
    ["room with a half day dearer than a day", "rooms", (loc) => roomInput(loc, { halfDayRateCents: 50000 }), { halfDayRateCents: ["v.halfDayVsDay"] }],
    ["room with negative cents and no capacity", "rooms", (loc) => roomInput(loc, { hourlyRateCents: -1, capacity: 0 }), { hourlyRateCents: ["v.nonNegative"], capacity: ["v.atLeastOne"] }],
    ["room with a bad colour", "rooms", (loc) => roomInput(loc, { colour: "teal" }), { colour: ["v.colour"] }],
    ["staff with a bad email", "staff", () => staffInput({ email: "camille@" }), { email: ["v.email"] }],
    ["staff with an unknown role", "staff", () => staffInput({ role: "drummer" }), { role: ["v.required"] }],
    ["gear serviced out of order", "equipment", (loc) => equipmentInput(loc, { nextMaintenance: "2026-01-01" }), { nextMaintenance: ["v.maintenanceOrder"] }],
    ["gear with no quantity", "equipment", (loc) => equipmentInput(loc, { quantity: 0 }), { quantity: ["v.atLeastOne"] }],
    ["client with a bad phone", "clients", () => ({ kind: "person", name: "Aya", phone: "phone me" }), { phone: ["v.phone"] }],
    ["client of no kind", "clients", () => ({ name: "Aya" }), { kind: ["v.required"] }],
    ["not even an object", "clients", () => "Aya", { _: ["v.invalid"] }],
  ])("%s → VALIDATION_FAILED with field errors", (_label, store, input, fieldErrors) => {
    const { core, locationId } = fresh();
    const before = outboxRows(core).length;
    const error = appErrorOf(() => core[store].create(input(locationId)));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fieldErrors).toEqual(fieldErrors);
    expect(outboxRows(core)).toHaveLength(before);
  });

  it.each<[string, Store, (ids: { locationId: string; roomId: string; core: StudioCore }) => string, Record<string, unknown>, Record<string, string[]>]>([
    ["room: half day above the stored day rate", "rooms", ({ roomId }) => roomId, { halfDayRateCents: 62001 }, { halfDayRateCents: ["v.halfDayVsDay"] }],
    ["room: day rate below the stored half day", "rooms", ({ roomId }) => roomId, { dayRateCents: 30000 }, { halfDayRateCents: ["v.halfDayVsDay"] }],
    ["gear: next service before the stored last one", "equipment", ({ core, locationId }) => core.equipment.create(equipmentInput(locationId)).id, { nextMaintenance: "2026-06-09" }, { nextMaintenance: ["v.maintenanceOrder"] }],
    ["location: blank name", "locations", ({ locationId }) => locationId, { name: "  " }, { name: ["v.required"] }],
  ])("an update is checked on the merged row: %s", (_label, store, idOf, patch, fieldErrors) => {
    const x = fresh();
    const id = idOf(x);
    const before = x.core[store].get(id);
    const error = appErrorOf(() => x.core[store].update(id, patch as never));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fieldErrors).toEqual(fieldErrors);
    expect(x.core[store].get(id)).toEqual(before);
  });

  it("keeps unmentioned fields on update and allows clearing an optional one with null", () => {
    const { core } = fresh();
    const client = core.clients.create({ kind: "company", name: "Label Nuit Blanche", email: "contact@nb.fr", phone: "+33 1 40 00 10 50", defaultDepositBp: 2000 });
    const renamed = core.clients.update(client.id, { name: "Nuit Blanche" });
    expect(renamed).toMatchObject({ name: "Nuit Blanche", email: "contact@nb.fr", phone: "+33 1 40 00 10 50", defaultDepositBp: 2000 });
    const cleared = core.clients.update(client.id, { email: null, defaultDepositBp: null });
    expect(cleared).toMatchObject({ email: null, phone: "+33 1 40 00 10 50", defaultDepositBp: null });
  });

  it("round-trips every kind of column (json, bool, int, null)", () => {
    const { core, locationId, roomId } = fresh();
    expect(core.locations.get(locationId).openingHours.sat).toEqual([{ open: "12:00", close: "20:00" }]);
    expect(core.rooms.update(roomId, { bookable: false }).bookable).toBe(false);
    expect(core.rooms.get(roomId)).toMatchObject({ bookable: false, capacity: 12, notes: null, version: null, archivedAt: null });
  });
});

describe("domain refusals", () => {
  const MISSING = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

  it.each<[string, Store, (loc: string) => unknown]>([
    ["room", "rooms", () => roomInput(MISSING)],
    ["gear", "equipment", () => equipmentInput(MISSING)],
    ["staff", "staff", () => staffInput({ locationId: MISSING })],
  ])("a %s in a missing location → NOT_FOUND on locationId", (_label, store, input) => {
    const { core } = fresh();
    const error = appErrorOf(() => core[store].create(input("")));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.fieldErrors).toEqual({ locationId: ["v.invalid"] });
  });

  it.each<[string, Store, (loc: string) => unknown]>([
    ["room", "rooms", (loc) => roomInput(loc)],
    ["gear", "equipment", (loc) => equipmentInput(loc)],
    ["staff", "staff", (loc) => staffInput({ locationId: loc })],
  ])("a %s in an archived location → LOCATION_ARCHIVED", (_label, store, input) => {
    const { core } = fresh();
    const london = core.locations.create(locationInput());
    core.locations.archive(london.id);
    const error = appErrorOf(() => core[store].create(input(london.id)));
    expect(error.code).toBe("LOCATION_ARCHIVED");
    expect(error.fieldErrors).toEqual({ locationId: ["v.locationArchived"] });
  });

  it("lets staff work at every location (no location)", () => {
    const { core } = fresh();
    expect(core.staff.create(staffInput({ locationId: null })).locationId).toBeNull();
  });

  it.each([
    ["the same name", "Studio A"],
    ["another case", "STUDIO a"],
    ["surrounding spaces", "  Studio A "],
  ])("refuses a duplicate room name in one location: %s", (_label, name) => {
    const { core, locationId } = fresh();
    const error = appErrorOf(() => core.rooms.create(roomInput(locationId, { name })));
    expect(error.code).toBe("DUPLICATE_NAME");
    expect(error.fieldErrors).toEqual({ name: ["v.duplicateName"] });
  });

  it.each([
    ["accented capitals", "Salle Écho", "salle écho"],
    ["accents left out", "Salle de Répétition", "salle de repetition"],
    ["non-ASCII case", "ÉTÉ", "été"],
  ])("compares names without case or accents: %s", (_label, first, second) => {
    const { core, locationId } = fresh();
    core.rooms.create(roomInput(locationId, { name: first }));
    expect(appErrorOf(() => core.rooms.create(roomInput(locationId, { name: second }))).code).toBe("DUPLICATE_NAME");
    expect(appErrorOf(() => core.locations.create(locationInput({ name: first === "ÉTÉ" ? "LUMIÈRE PARIS" : "lumiere paris" }))).code).toBe("DUPLICATE_NAME");
  });

  it("allows the same room name in another location, and a rename to itself", () => {
    const { core, locationId, roomId } = fresh();
    const london = core.locations.create(locationInput());
    expect(core.rooms.create(roomInput(london.id, { name: "Studio A" })).name).toBe("Studio A");
    expect(core.rooms.update(roomId, { name: "studio a" }).name).toBe("studio a");
    expect(core.rooms.list({ locationId }).map((r) => r.name)).toEqual(["studio a"]);
  });

  it("refuses moving a room into a location where its name is taken", () => {
    const { core, roomId } = fresh();
    const london = core.locations.create(locationInput());
    core.rooms.create(roomInput(london.id, { name: "Studio A" }));
    expect(appErrorOf(() => core.rooms.update(roomId, { locationId: london.id })).code).toBe("DUPLICATE_NAME");
  });

  it("frees an archived room's name, and refuses restoring it while the name is taken", () => {
    const { core, locationId, roomId } = fresh();
    core.rooms.archive(roomId);
    const successor = core.rooms.create(roomInput(locationId, { name: "Studio A" }));
    const error = appErrorOf(() => core.rooms.restore(roomId));
    expect(error.code).toBe("DUPLICATE_NAME");
    expect(core.rooms.get(roomId).archivedAt).not.toBeNull();
    core.rooms.update(successor.id, { name: "Studio A bis" });
    expect(core.rooms.restore(roomId).archivedAt).toBeNull();
  });

  it("refuses archiving a location with active rooms (IN_USE), then allows it once they are archived", () => {
    const { core, locationId, roomId } = fresh();
    const before = outboxRows(core).length;
    const error = appErrorOf(() => core.locations.archive(locationId));
    expect(error.code).toBe("IN_USE");
    expect(error.message).toMatch(/1 active room/);
    expect(core.locations.get(locationId).archivedAt).toBeNull();
    expect(outboxRows(core)).toHaveLength(before);

    core.rooms.archive(roomId);
    expect(core.locations.archive(locationId).archivedAt).not.toBeNull();
    // A room cannot come back into an archived location; the location must be restored first.
    expect(appErrorOf(() => core.rooms.restore(roomId)).code).toBe("LOCATION_ARCHIVED");
    expect(core.locations.restore(locationId).archivedAt).toBeNull();
    expect(core.rooms.restore(roomId).archivedAt).toBeNull();
  });

  it.each<[Store]>([["locations"], ["rooms"], ["staff"], ["equipment"], ["clients"]])("%s: get/update/archive/restore of a missing id → NOT_FOUND", (store) => {
    const { core } = fresh();
    for (const action of [
      () => core[store].get(MISSING),
      () => core[store].update(MISSING, {}),
      () => core[store].archive(MISSING),
      () => core[store].restore(MISSING),
    ]) {
      expect(appErrorOf(action).code).toBe("NOT_FOUND");
    }
    expect(core[store].find(MISSING)).toBeNull();
  });

  it("hides tombstoned rows", () => {
    const { core, roomId } = fresh();
    core.db.prepare("UPDATE rooms SET deleted_at = '2026-06-01T00:00:00Z' WHERE id = ?").run(roomId);
    expect(core.rooms.find(roomId)).toBeNull();
    expect(core.rooms.list({ includeArchived: true })).toEqual([]);
  });
});

describe("list", () => {
  function withClients() {
    const x = fresh();
    const names: [string, string, string | null][] = [
      ["person", "Héloïse Mercier", "heloise@exemple.fr"],
      ["person", "Élodie Fontaine", "elodie@exemple.fr"],
      ["person", "Damien Moreau", "damien@exemple.fr"],
      ["person", "Zoé Lefebvre", null],
      ["person", "aya nakamura", "aya@exemple.fr"],
      ["company", "Label Nuit Blanche", "contact@nuitblanche.com"],
      ["company", "100% Records", "hello@100percent.com"],
      ["company", "Sound_Lab", null],
      ["company", "Back\\Slash Studio", null],
    ];
    for (const [kind, name, email] of names) x.core.clients.create({ kind, name, email });
    return x;
  }
  const names = (list: { name: string }[]) => list.map((c) => c.name);

  it.each<[string, string, string[]]>([
    ["no accent typed", "heloise", ["Héloïse Mercier"]],
    ["accent typed, none stored", "Aya Nakamurà", ["aya nakamura"]],
    ["upper case", "ÉLODIE", ["Élodie Fontaine"]],
    ["two terms, both must match", "label blanche", ["Label Nuit Blanche"]],
    ["terms in any order, across fields", "exemple.fr damien", ["Damien Moreau"]],
    ["a term that matches nothing", "label zzz", []],
    ["a literal percent", "%", ["100% Records"]],
    ["a literal underscore", "_", ["Sound_Lab"]],
    ["a literal backslash", "\\", ["Back\\Slash Studio"]],
    ["extra spaces", "   nuit    blanche  ", ["Label Nuit Blanche"]],
    ["blank search lists everything", "   ", ["100% Records", "aya nakamura", "Back\\Slash Studio", "Damien Moreau", "Élodie Fontaine", "Héloïse Mercier", "Label Nuit Blanche", "Sound_Lab", "Zoé Lefebvre"]],
  ])("searches accent-insensitively: %s (%j)", (_label, search, expected) => {
    const { core } = withClients();
    expect(names(core.clients.list({ search }))).toEqual(expected);
  });

  it.each<[string, { sort?: string; direction?: "asc" | "desc" }, string[]]>([
    ["by name, accents sorted with their letter", {}, ["100% Records", "aya nakamura", "Back\\Slash Studio", "Damien Moreau", "Élodie Fontaine", "Héloïse Mercier", "Label Nuit Blanche", "Sound_Lab", "Zoé Lefebvre"]],
    ["by name, descending", { sort: "name", direction: "desc" }, ["Zoé Lefebvre", "Sound_Lab", "Label Nuit Blanche", "Héloïse Mercier", "Élodie Fontaine", "Damien Moreau", "Back\\Slash Studio", "aya nakamura", "100% Records"]],
    ["by kind, then name", { sort: "kind" }, ["100% Records", "Back\\Slash Studio", "Label Nuit Blanche", "Sound_Lab", "aya nakamura", "Damien Moreau", "Élodie Fontaine", "Héloïse Mercier", "Zoé Lefebvre"]],
    ["an unknown sort key falls back to the name", { sort: "name; DROP TABLE clients" }, ["100% Records", "aya nakamura", "Back\\Slash Studio", "Damien Moreau", "Élodie Fontaine", "Héloïse Mercier", "Label Nuit Blanche", "Sound_Lab", "Zoé Lefebvre"]],
  ])("sorts %s", (_label, input, expected) => {
    const { core } = withClients();
    expect(names(core.clients.list(input))).toEqual(expected);
  });

  it("sorts numeric columns as numbers", () => {
    const { core, locationId } = fresh();
    core.rooms.create(roomInput(locationId, { name: "Booth", hourlyRateCents: 900, halfDayRateCents: 3000, dayRateCents: 5000 }));
    core.rooms.create(roomInput(locationId, { name: "Big Room", hourlyRateCents: 12000, halfDayRateCents: 40000, dayRateCents: 70000 }));
    expect(names(core.rooms.list({ sort: "hourlyRate" }))).toEqual(["Booth", "Studio A", "Big Room"]);
    expect(names(core.rooms.list({ sort: "hourlyRate", direction: "desc" }))).toEqual(["Big Room", "Studio A", "Booth"]);
  });

  it("leaves archived rows out unless asked, and filters by location", () => {
    const { core, locationId, roomId } = fresh();
    const london = core.locations.create(locationInput());
    const live = core.rooms.create(roomInput(london.id, { name: "Live Room" }));
    core.rooms.archive(roomId);
    expect(names(core.rooms.list())).toEqual(["Live Room"]);
    expect(names(core.rooms.list({ includeArchived: true }))).toEqual(["Live Room", "Studio A"]);
    expect(names(core.rooms.list({ includeArchived: true, locationId }))).toEqual(["Studio A"]);
    expect(core.rooms.list({ locationId: london.id }).map((r) => r.id)).toEqual([live.id]);
    expect(names(core.rooms.list({ search: "studio" }))).toEqual([]);
    expect(names(core.rooms.list({ search: "studio", includeArchived: true }))).toEqual(["Studio A"]);
  });
});
