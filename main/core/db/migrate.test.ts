import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { normalizeForSearch } from "../../../shared/text";
import { createStudioCore } from "../studio-core";
import { tempDir } from "../test-fixtures";
import type { Migration } from "./migration";
import { migrate, schemaVersion } from "./migrate";
import { LATEST_VERSION, MIGRATIONS } from "./migrations";
import { SEARCH_SOURCES } from "./migrations/002-search-text";
import { openDatabase, type Db } from "./open-database";

let tmp: ReturnType<typeof tempDir>;
const open: Db[] = [];
function openFile(name = "studio.sqlite"): Db {
  const db = openDatabase(tmp.file(name));
  open.push(db);
  return db;
}

beforeEach(() => {
  tmp = tempDir("rsm-migrate-");
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  tmp.cleanup();
});

/** Every user table with its columns: the schema as the app sees it. */
function schemaOf(db: Db): Record<string, string[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (db.pragma(`table_info(${name})`) as { name: string; type: string; notnull: number }[]).map((c) => `${c.name} ${c.type}${c.notnull ? " NOT NULL" : ""}`)]),
  );
}
function indexesOf(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

const TENANT = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const LOC = "0190a1b2-c3d4-7e5f-8a9b-000000000001";
const SYNC = { tenant_id: TENANT, created_at: "2026-06-01T09:00:00.000Z", updated_at: "000001780304400000:00000:node" };

/** Rows a v1 app would have written, with the accents and case search must ignore. */
const V1_ROWS: Record<string, Record<string, unknown>[]> = {
  locations: [{ id: LOC, name: "Lumière Paris — Pigalle", time_zone: "Europe/Paris", address: "12 rue Frochot", opening_hours: "{}", ...SYNC }],
  rooms: [{ id: "r1", location_id: LOC, name: "Salle de Répétition", type: "rehearsal", hourly_rate_cents: 2500, half_day_rate_cents: 8500, day_rate_cents: 15000, vat_rate_bp: 2000, capacity: 8, colour: "#b45309", bookable: 1, ...SYNC }],
  staff: [{ id: "s1", location_id: LOC, name: "Hugo Lefèvre", role: "engineer", email: "hugo@studio.fr", phone: null, hourly_rate_cents: 4000, day_rate_cents: 28000, colour: "#22c55e", ...SYNC }],
  equipment: [{ id: "e1", location_id: LOC, name: "Neumann U 87", category: "microphone", serial_number: "U87-204118", quantity: 2, daily_rate_cents: 4000, ...SYNC }],
  clients: [
    { id: "c1", kind: "person", name: "Héloïse Mercier", email: "heloise@exemple.fr", ...SYNC },
    { id: "c2", kind: "company", name: "Éditions Bleu Minuit", contact_name: "Marc Vidal", vat_number: "FR123", ...SYNC },
  ],
};

function insertRows(db: Db, rows: Record<string, Record<string, unknown>[]>): void {
  for (const [table, list] of Object.entries(rows)) {
    for (const row of list) {
      const cols = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).run(...Object.values(row) as never[]);
    }
  }
}

/** The same rows as a v2 app stored them: with their accent-insensitive search text. */
const V2_ROWS: Record<string, Record<string, unknown>[]> = Object.fromEntries(
  Object.entries(V1_ROWS).map(([table, rows]) => [
    table,
    rows.map((row) => ({ ...row, search_text: normalizeForSearch(SEARCH_SOURCES[table]!.map((c) => String(row[c] ?? "")).join(" ")) })),
  ]),
);

/** What each schema version's app would have stored: data is inserted at that version, before upgrading. */
const SEED_AT: Record<number, (db: Db) => void> = {
  0: () => {},
  1: (db) => insertRows(db, V1_ROWS),
  2: (db) => insertRows(db, V2_ROWS),
  // v3 added the rooms' booking rules, which a v3 app writes with every room.
  3: (db) => insertRows(db, { ...V2_ROWS, rooms: V2_ROWS.rooms!.map((r) => ({ ...r, ...V3_ROOM_DEFAULTS })) }),
  // v4 added the sync state: a desk that had synced keeps its cursor across the upgrade.
  4: (db) => {
    insertRows(db, { ...V2_ROWS, rooms: V2_ROWS.rooms!.map((r) => ({ ...r, ...V3_ROOM_DEFAULTS })) });
    insertRows(db, { sync_state: [{ singleton: 1, server_url: "https://sync.example", tenant_id: TENANT, cursor: 42 }] });
  },
  // v5 added the account session: a connected desk stays connected across the upgrade.
  5: (db) => {
    SEED_AT[4]!(db);
    insertRows(db, {
      account_session: [{
        singleton: 1, server_url: "https://sync.example", tenant_id: TENANT, user_id: "u1", email: "owner@studio.fr", role: "owner",
        device_id: "d1", refresh_token: "r", refresh_expires_at: 1, connected_at: "2026-06-01T09:00:00.000Z",
      }],
    });
  },
  // v6 added the access snapshot (nullable columns), v7 the documents: a desk's data is kept as is.
  6: (db) => SEED_AT[5]!(db),
  // v8 let payments wait on a booking (no document rows here to carry over).
  7: (db) => SEED_AT[6]!(db),
  // v9 remembers each person's device id across logouts, seeded from the connected session.
  8: (db) => SEED_AT[7]!(db),
  // v10 gave clients a document language, French for those already there.
  9: (db) => SEED_AT[8]!(db),
  // v11 gave bookings a discount: a booking priced before has none, and keeps its cents.
  10: (db) => {
    SEED_AT[9]!(db);
    insertRows(db, { bookings: [V10_BOOKING] });
  },
};

/** A booking as a v10 app stored it: its price lines without a list price or a discount. */
const V10_BOOKING = {
  id: "0190a1b2-c3d4-7e5f-8a9b-00000000b001", location_id: LOC, room_ids: JSON.stringify(["r1"]), client_id: "c1", title: "Maquette", type: "hourly", status: "confirmed",
  starts_at: Date.parse("2030-06-03T12:00:00Z"), ends_at: Date.parse("2030-06-03T14:00:00Z"), occupied_from: Date.parse("2030-06-03T12:00:00Z"), occupied_until: Date.parse("2030-06-03T14:00:00Z"),
  currency: "EUR", net_cents: 5000, vat_cents: 1000, total_cents: 6000, deposit_bp: 3000, deposit_cents: 1800,
  price_lines: JSON.stringify([{ kind: "room", refId: "r1", label: "Salle de Répétition", basis: "hourly", quantity: 1, overtimeMinutes: 0, days: 0, netCents: 5000, vatBp: 2000, vatCents: 1000, grossCents: 6000 }]),
  ...SYNC,
};

/** v3's booking rules on rooms, as an upgraded room gets them. */
const V3_ROOM_DEFAULTS = { min_duration_minutes: 60, max_duration_minutes: 20160, min_notice_minutes: 0, max_horizon_days: 730 };

describe("migrate", () => {
  it("has a seed for every version an upgrade can start from", () => {
    expect(Object.keys(SEED_AT).map(Number)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i));
  });

  it("brings an empty file to the latest version", () => {
    const db = openFile();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const schema = schemaOf(db);
    expect(Object.keys(schema)).toEqual([
      "account_devices", "account_session", "booking_equipment", "booking_rooms", "booking_series", "booking_staff", "bookings", "clients", "contract_templates", "contracts",
      "device", "device_prefs", "document_emails", "document_local_counter", "document_profiles", "equipment", "equipment_maintenance", "invoices",
      "locations", "outbox", "payments", "pending_log_outs", "quotes", "rooms", "service_items", "staff", "staff_time_off", "studio", "sync_state",
    ]);
    for (const table of Object.keys(SEARCH_SOURCES)) expect(schema[table]).toContain("search_text TEXT NOT NULL");
    const synced = ["studio", "locations", "rooms", "staff", "equipment", "clients", "bookings", "booking_series", "staff_time_off", "equipment_maintenance",
      "service_items", "contract_templates", "document_profiles", "contracts", "quotes", "invoices", "payments", "document_emails"];
    for (const table of synced) {
      expect(schema[table]).toEqual(expect.arrayContaining(["tenant_id TEXT NOT NULL", "updated_at TEXT NOT NULL", "field_hlc TEXT NOT NULL", "deleted_at TEXT", "version INTEGER"]));
    }
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it.each(Object.keys(SEED_AT).map(Number))("upgrades a file written at version %i, keeping its data", (from) => {
    const db = openFile();
    migrate(db, from);
    expect(schemaVersion(db)).toBe(from);
    SEED_AT[from]!(db);
    db.close();

    // The app restarts with a newer build.
    const upgraded = openFile();
    expect(migrate(upgraded)).toBe(LATEST_VERSION);
    for (const [table, rows] of Object.entries(from >= 1 ? V1_ROWS : {})) {
      for (const row of rows) {
        const stored = upgraded.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(row.id) as Record<string, unknown>;
        expect(stored).toMatchObject(row);
        // v2 backfilled the accent-insensitive search text from the v1 columns.
        const expected = normalizeForSearch(SEARCH_SOURCES[table]!.map((c) => String(row[c] ?? "")).join(" "));
        expect(stored.search_text).toBe(expected);
        expect(stored.search_text).not.toMatch(/[A-ZÀ-ÿ]/);
      }
    }
    if (from >= 1) expect(upgraded.prepare("SELECT * FROM rooms WHERE id = 'r1'").get()).toMatchObject(V3_ROOM_DEFAULTS);
    if (from >= 1) expect(upgraded.prepare("SELECT DISTINCT document_language AS l FROM clients").all()).toEqual([{ l: "fr" }]);
    if (from >= 10) {
      expect(upgraded.prepare("SELECT discount_bp, net_cents, total_cents, deposit_cents FROM bookings WHERE id = ?").get(V10_BOOKING.id))
        .toEqual({ discount_bp: 0, net_cents: 5000, total_cents: 6000, deposit_cents: 1800 });
    }
    const fresh = openFile("fresh.sqlite");
    migrate(fresh);
    expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));
    expect(indexesOf(upgraded)).toEqual(indexesOf(fresh));
  });

  it("finds v1 data by accent-insensitive search once upgraded", () => {
    const db = openFile();
    migrate(db, 1);
    insertRows(db, V1_ROWS);
    migrate(db);
    const hits = db.prepare("SELECT id FROM clients WHERE search_text LIKE ? ORDER BY id").all("%heloise%") as { id: string }[];
    expect(hits.map((h) => h.id)).toEqual(["c1"]);
  });

  it("goes down to 0 and back up to the same schema", () => {
    const db = openFile();
    migrate(db);
    const latest = { tables: schemaOf(db), indexes: indexesOf(db) };
    expect(migrate(db, 0)).toBe(0);
    expect(schemaOf(db)).toEqual({});
    expect(indexesOf(db)).toEqual([]);
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect({ tables: schemaOf(db), indexes: indexesOf(db) }).toEqual(latest);
  });

  it.each(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1))("undoes version %i one step and redoes it", (version) => {
    const db = openFile();
    migrate(db, version);
    insertRows(db, V1_ROWS);
    const before = schemaOf(db);
    expect(migrate(db, version - 1)).toBe(version - 1);
    expect(migrate(db, version)).toBe(version);
    expect(schemaOf(db)).toEqual(before);
    if (version === 2) {
      // Taken down past v1 the rows are gone with their tables; between v1 and v2 they survive.
      const c1 = db.prepare("SELECT name, search_text FROM clients WHERE id = 'c1'").get() as { name: string; search_text: string };
      expect(c1).toEqual({ name: "Héloïse Mercier", search_text: "heloise mercier heloise@exemple.fr" });
    }
    if (version === 3) {
      // Between v2 and v3 the rooms survive and get the booking rules' defaults back.
      expect(db.prepare("SELECT * FROM rooms WHERE id = 'r1'").get()).toMatchObject({ name: "Salle de Répétition", ...V3_ROOM_DEFAULTS });
    }
  });

  it("refuses a database written by a newer app, and leaves it untouched", () => {
    const db = openFile();
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 3}`);
    db.close();

    const again = openFile();
    expect(() => migrate(again)).toThrow(
      `This database was written by a newer version of the app (schema ${LATEST_VERSION + 3}, this app knows ${LATEST_VERSION}). Update the app.`,
    );
    expect(schemaVersion(again)).toBe(LATEST_VERSION + 3);
    again.close();
    expect(() => createStudioCore({ databaseFile: tmp.file() })).toThrow(/newer version of the app/);
  });

  it("is idempotent: running it again changes nothing", () => {
    const db = openFile();
    migrate(db);
    insertRows(db, V1_ROWS);
    const schema = schemaOf(db);
    const changesBefore = (db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(migrate(db, LATEST_VERSION)).toBe(LATEST_VERSION);
    expect((db.prepare("SELECT total_changes() AS n").get() as { n: number }).n).toBe(changesBefore);
    expect(schemaOf(db)).toEqual(schema);
  });

  it.each([-1, LATEST_VERSION + 1, 1.5])("refuses the target version %s with a clear message", (target) => {
    const db = openFile();
    expect(() => migrate(db, target)).toThrow(/Cannot migrate to schema version/);
    expect(schemaVersion(db)).toBe(0);
  });

  describe("with a custom list", () => {
    const create = (version: number, table: string, extra: Partial<Migration> = {}): Migration => ({
      version,
      name: `create ${table}`,
      up: (db) => db.exec(`CREATE TABLE ${table} (x INTEGER)`),
      down: (db) => db.exec(`DROP TABLE ${table}`),
      ...extra,
    });

    it("applies each migration in its own transaction: a failing one is rolled back whole", () => {
      const db = openFile();
      const failing = create(2, "b", {
        up: (d) => {
          d.exec("CREATE TABLE b (x INTEGER)");
          throw new Error("boom");
        },
      });
      expect(() => migrate(db, undefined, [create(1, "a"), failing])).toThrow("boom");
      expect(schemaVersion(db)).toBe(1);
      expect(Object.keys(schemaOf(db))).toEqual(["a"]);
    });

    it("refuses a list whose versions are not their positions", () => {
      const db = openFile();
      expect(() => migrate(db, undefined, [create(1, "a"), create(3, "c")])).toThrow("Migration create c has version 3, expected 2");
      expect(schemaVersion(db)).toBe(0);
    });

    it("refuses to undo a migration that has no down", () => {
      const db = openFile();
      const list = [create(1, "a"), create(2, "b", { down: undefined })];
      migrate(db, undefined, list);
      expect(() => migrate(db, 0, list)).toThrow("Migration 2 (create b) cannot be undone");
      expect(schemaVersion(db)).toBe(2);
    });
  });

  it("lists migrations in order, each numbered by its position", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });
});
