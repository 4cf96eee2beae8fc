import { afterEach, describe, expect, it } from "vitest";
import { createStudioCore, type StudioCore } from "../studio-core";
import { equipmentInput, locationInput, roomInput, SETUP, staffInput, tempDir } from "../test-fixtures";
import { dropRowsOutsideScope } from "./drop-out-of-scope";

let core: StudioCore;
let cleanup = () => {};
afterEach(() => {
  core?.close();
  cleanup();
});

const later = (days: number, hour: number) => new Date(Date.UTC(2027, 0, 4 + days, hour)).toISOString();
const count = (table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const outbox = () => core.db.prepare("SELECT mutation_id, status FROM outbox ORDER BY seq").all();

describe("dropRowsOutsideScope", () => {
  it("drops every row of the locations left out, children first, and leaves the outbox and studio-wide rows alone", () => {
    const tmp = tempDir("rsm-drop-scope-");
    cleanup = tmp.cleanup;
    core = createStudioCore({ databaseFile: tmp.file() });
    core.studio.setup(SETUP);
    const paris = core.locations.list()[0]!;
    const parisRoom = core.rooms.list()[0]!;
    const london = core.locations.create(locationInput());
    const londonRoom = core.rooms.create(roomInput(london.id, { name: "Live Room" }));
    const londonGear = core.equipment.create(equipmentInput(london.id));
    const parisGear = core.equipment.create(equipmentInput(paris.id, { name: "SM7B", serialNumber: "SM7-1" }));
    const londonEngineer = core.staff.create(staffInput({ locationId: london.id }));
    const everywhere = core.staff.create(staffInput({ name: "Sam Everywhere", email: "sam@studio.fr" }));
    core.bookings.blockouts.addTimeOff({ staffId: londonEngineer.id, startsAt: later(1, 9), endsAt: later(1, 18), reason: "Leave" });
    core.bookings.blockouts.addTimeOff({ staffId: everywhere.id, startsAt: later(1, 9), endsAt: later(1, 18), reason: "Leave" });
    core.bookings.blockouts.addMaintenance({ equipmentId: londonGear.id, startsAt: later(2, 9), endsAt: later(2, 18), quantity: 1, reason: "Service" });
    core.bookings.blockouts.addMaintenance({ equipmentId: parisGear.id, startsAt: later(2, 9), endsAt: later(2, 18), quantity: 1, reason: "Service" });
    core.bookings.create({ locationId: london.id, roomIds: [londonRoom.id], title: "London session", startsAt: later(3, 10), endsAt: later(3, 12) });
    core.bookings.create({ locationId: paris.id, roomIds: [parisRoom.id], title: "Paris session", startsAt: later(3, 10), endsAt: later(3, 12) });
    const client = core.clients.create({ kind: "person", name: "Studio-wide client" });
    // Invoices and their payments as a pull writes them: at London, at no location (studio-wide).
    const sync = `'${core.studio.get().tenantId}', '2026-06-01T09:00:00.000Z', '2026-06-01T09:00:00.000Z'`;
    const invoice = (id: string, locationId: string | null) =>
      core.db.prepare(`INSERT INTO invoices (id, kind, purpose, status, client_id, location_id, currency, net_cents, vat_cents, total_cents, tenant_id, created_at, updated_at)
                       VALUES (?, 'invoice', 'final', 'issued', ?, ?, 'EUR', 1000, 200, 1200, ${sync})`).run(id, client.id, locationId);
    const payment = (id: string, invoiceId: string) =>
      core.db.prepare(`INSERT INTO payments (id, invoice_id, client_id, amount_cents, method, received_on, tenant_id, created_at, updated_at)
                       VALUES (?, ?, ?, 1200, 'transfer', '2026-06-02', ${sync})`).run(id, invoiceId, client.id);
    invoice("inv-london", london.id);
    invoice("inv-studio", null);
    payment("pay-london", "inv-london");
    payment("pay-studio", "inv-studio");
    const before = outbox();

    const dropped = dropRowsOutsideScope(core.db, core.syncedTables, [paris.id]);

    expect(dropped).toEqual({ locations: 1, rooms: 1, equipment: 1, staff: 1, staff_time_off: 1, equipment_maintenance: 1, bookings: 1, invoices: 1, payments: 1 });
    expect(core.db.prepare("SELECT id FROM invoices UNION ALL SELECT id FROM payments").all()).toEqual([{ id: "inv-studio" }, { id: "pay-studio" }]);
    expect(core.locations.list().map((l) => l.name)).toEqual([paris.name]);
    expect(core.rooms.list().map((r) => r.name)).toEqual(["Studio A"]);
    expect(core.staff.list().map((s) => s.name)).toEqual(["Sam Everywhere"]);
    expect(core.bookings.list().rows.map((b) => b.title)).toEqual(["Paris session"]);
    expect([count("staff_time_off"), count("equipment_maintenance"), count("clients")]).toEqual([1, 1, 1]);
    // The resource index of the dropped booking went with it (ON DELETE CASCADE).
    expect(core.db.prepare("SELECT count(*) AS n FROM booking_rooms WHERE room_id = ?").get(londonRoom.id)).toEqual({ n: 0 });
    // Not a change of the studio's data: nothing new to push, and what was pending stays pending.
    expect(outbox()).toEqual(before);
    expect(before.every((m) => (m as { status: string }).status === "pending")).toBe(true);
  });

  it("keeps everything when every location is permitted", () => {
    const tmp = tempDir("rsm-drop-scope-");
    cleanup = tmp.cleanup;
    core = createStudioCore({ databaseFile: tmp.file() });
    core.studio.setup(SETUP);
    core.locations.create(locationInput());
    expect(dropRowsOutsideScope(core.db, core.syncedTables, null)).toEqual({});
    expect(core.locations.list()).toHaveLength(2);
  });
});
