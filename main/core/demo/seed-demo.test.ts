import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCH_SOURCES } from "../db/migrations/002-search-text";
import type { StudioCore } from "../studio-core";
import { appErrorOf, memoryCore, outboxRows } from "../test-fixtures";
import { DEMO_GEAR } from "./demo-studio";
import { ReportService } from "../services/reports/report-service";
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

  it("queues exactly one insert per row, and only bookings move on (check-in, completion, payment, cancel)", () => {
    const rows = outboxRows(core);
    // Money and documents (payments, invoices issued then paid) are checked on their own below.
    const others = rows.filter((r) => !["booking", "payment", "invoice"].includes(r.entity));
    expect(others.every((r) => r.op === "insert")).toBe(true);
    expect(rows.filter((r) => r.entity === "studio").map((r) => r.row_id)).toEqual([core.studio.get().id]);
    for (const [entity, table] of Object.entries({ ...TABLES, booking: "bookings" })) {
      const ids = core.db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all();
      expect(rows.filter((r) => r.entity === entity && r.op === "insert").map((r) => r.row_id).sort(), entity).toEqual(ids);
    }
    expect(others).toHaveLength(1 + 2 + 6 + core.staff.list().length + DEMO_GEAR.length + 40);
  });

  describe("bookings around today", () => {
    const count = (where: string) => core.db.prepare(`SELECT count(*) FROM bookings WHERE ${where}`).pluck().get() as number;
    const now = () => core.now();

    it("has completed sessions behind, confirmed ones ahead, two holds and one cancellation", () => {
      expect(count(`status = 'completed' AND ends_at <= ${now()}`)).toBeGreaterThan(20);
      expect(count(`status = 'confirmed' AND starts_at > ${now()}`)).toBeGreaterThan(20);
      expect(count("status = 'hold'")).toBe(2);
      expect(count("status = 'cancelled'")).toBe(1);
      expect(count(`status IN ('hold', 'confirmed', 'checked_in') AND ends_at <= ${now()}`)).toBe(0);
    });

    it("spreads over both locations and every room, within a few weeks of today", () => {
      const perRoom = core.db.prepare("SELECT r.name, count(b.id) AS n FROM rooms r LEFT JOIN bookings b ON b.room_ids LIKE '%' || r.id || '%' GROUP BY r.id").all() as { n: number }[];
      expect(perRoom.every((r) => r.n > 0)).toBe(true);
      const span = core.db.prepare("SELECT min(starts_at) AS first, max(starts_at) AS last FROM bookings").get() as { first: number; last: number };
      expect(span.first).toBeGreaterThan(now() - 16 * 86_400_000);
      expect(span.last).toBeLessThan(now() + 23 * 86_400_000);
    });

    it("never double-books a room or an engineer", () => {
      const overlaps = core.db
        .prepare(
          `SELECT count(*) FROM booking_rooms a JOIN booking_rooms b ON a.room_id = b.room_id AND a.booking_id < b.booking_id
           WHERE a.blocks_until > 0 AND b.blocks_until > 0 AND a.occupied_from < b.occupied_until AND b.occupied_from < a.occupied_until`,
        )
        .pluck()
        .get();
      expect(overlaps).toBe(0);
      const staffOverlaps = core.db
        .prepare(
          `SELECT count(*) FROM booking_staff a JOIN booking_staff b ON a.staff_id = b.staff_id AND a.booking_id < b.booking_id
           WHERE a.blocks_until > 0 AND b.blocks_until > 0 AND a.occupied_from < b.occupied_until AND b.occupied_from < a.occupied_until`,
        )
        .pluck()
        .get();
      expect(staffOverlaps).toBe(0);
    });

    it("shows this week on the calendar with names", () => {
      const view = core.bookings.view({ date: new Date(now()).toISOString().slice(0, 10), days: 7 });
      expect(view.locations).toHaveLength(2);
      expect(view.bookings.length).toBeGreaterThan(10);
      expect(view.bookings.every((b) => b.rooms[0]!.name !== "?")).toBe(true);
    });
  });

  describe("invoices sent over the last months", () => {
    it("issues them through the invoice service, some partly paid, one settled", () => {
      const list = core.documents.invoices.list({}).filter((i) => i.kind === "invoice");
      expect(list).toHaveLength(7);
      expect(list.every((i) => i.issuedOn !== null && i.provisionalNumber !== null)).toBe(true);
      // Only the last one is not yet due; past due wins over partly paid.
      expect(list.map((i) => i.status).sort()).toEqual(["issued", "overdue", "overdue", "overdue", "overdue", "overdue", "paid"]);
      expect(list.reduce((s, i) => s + i.paidCents, 0)).toBe(30_000 + 20_000 + 15_000 + 33_600);
      const inserts = outboxRows(core).filter((r) => r.entity === "invoice" && r.op === "insert").map((r) => r.row_id).sort();
      expect(inserts).toEqual(list.map((i) => i.id).sort());
    });

    it("fills every bucket of the Impayés report, with what is still due on each", () => {
      const aging = new ReportService(core.db, core.access, core.clock, core.documents.invoices).aging();
      expect(aging.buckets).toEqual({
        "0_30": { invoices: 3, outstandingCents: 168_000 + 70_200 + 115_200 },
        "31_60": { invoices: 1, outstandingCents: 44_800 },
        "61_90": { invoices: 1, outstandingCents: 228_000 },
        "90_plus": { invoices: 1, outstandingCents: 51_000 },
      });
      expect(aging.totals).toEqual({ invoices: 6, outstandingCents: 677_200 });
    });
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
