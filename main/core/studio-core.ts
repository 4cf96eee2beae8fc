import type { ClientFields } from "../../shared/schemas/client";
import type { EquipmentFields } from "../../shared/schemas/equipment";
import type { LocationFields } from "../../shared/schemas/location";
import type { RoomFields } from "../../shared/schemas/room";
import type { StaffFields } from "../../shared/schemas/staff";
import { migrate } from "./db/migrate";
import { openDatabase, type Db, type OpenOptions } from "./db/open-database";
import { clientDef } from "./services/client-def";
import { EntityStore } from "./services/entity-store";
import { equipmentDef } from "./services/equipment-def";
import { locationDef } from "./services/location-def";
import { roomDef } from "./services/room-def";
import { staffDef } from "./services/staff-def";
import { StudioService } from "./services/studio-service";
import { DeviceClock } from "./sync/device-clock";
import { LocalWriter } from "./sync/local-writer";
import { SearchService } from "./services/search-service";
import { OutboxService } from "./sync/outbox-service";
import { BookingService } from "./services/booking-service";
import { DocumentsService } from "./services/documents/documents-service";
import { adoptServerStudio } from "./sync/adopt-studio";
import { SyncEngine, type SyncEngineOptions, type SyncTransport } from "./sync/sync-engine";
import { syncedTables, type SyncedTable } from "./sync/synced-tables";
import { AccountLink } from "./account/account-link";
import { accessGuard } from "./account/access-guard";
import { planGuard } from "./account/plan-guard";
import { PlanStore } from "./account/plan-store";
import { AccessStore } from "./account/access-store";
import { SyncController, type SyncControllerOptions } from "./account/sync-controller";
import type { SecretProtector } from "./account/secret-protector";

export interface StudioCoreOptions extends OpenOptions {
  /** Path of the SQLite file, or ":memory:" in unit tests. */
  databaseFile: string;
  now?: () => number;
  sync?: SyncControllerOptions;
  /** Seals the refresh token kept in SQLite (the Electron host: safeStorage); stored as is without one. */
  secrets?: SecretProtector;
}

/** The studio core: everything the renderer can do, in plain Node, over one SQLite file. */
export interface StudioCore {
  db: Db;
  clock: DeviceClock;
  /** The core's wall clock (the tests' manual clock): what "now" is for holds, notice and cancellation. */
  now: () => number;
  studio: StudioService;
  locations: EntityStore<LocationFields>;
  rooms: EntityStore<RoomFields>;
  staff: EntityStore<StaffFields>;
  equipment: EntityStore<EquipmentFields>;
  clients: EntityStore<ClientFields>;
  bookings: BookingService;
  /** Contracts, quotes, invoices, payments and their mail. */
  documents: DocumentsService;
  search: SearchService;
  outbox: OutboxService;
  /** Each synced entity's local table and columns (what a pull writes, and what a narrowed scope drops). */
  syncedTables: Record<string, SyncedTable>;
  /** Makes this empty database the replica of a studio that exists on the server (see adopt-studio.ts). */
  adoptServerStudio(studio: { tenantId: string; name: string; currency?: string }): void;
  /** The sync engine over this database, talking to the server through `transport`. */
  createSyncEngine(transport: SyncTransport, options?: Pick<SyncEngineOptions, "deviceId" | "pullLimit" | "random" | "onStatus">): SyncEngine;
  /** Sync with the connected studio account; idle until `sync.start()` (the hosts call it) and a login. */
  sync: SyncController;
  /** "Connect to studio account": sign up (upload this studio) or log in (replica), log out. */
  account: AccountLink;
  /** Who is acting here and what they may do (the core refuses the rest; the UI hides it). */
  access: AccessStore;
  close(): void;
}

export function createStudioCore(options: StudioCoreOptions): StudioCore {
  const db = openDatabase(options.databaseFile, options);
  migrate(db);
  const now = options.now ?? Date.now;
  const clock = new DeviceClock(db, now);
  // Resolved lazily: before setup there is no tenant, and writes then fail with NOT_INITIALIZED.
  let studio: StudioService | null = null;
  const access = new AccessStore(db);
  const mayWrite = accessGuard(db, access, clock);
  const withinPlan = planGuard(db, new PlanStore(db), clock, () => studio!.tenantId());
  // Who may make the change, then whether the studio's plan allows it: refused before any write.
  const writer = new LocalWriter(db, clock, () => studio!.tenantId(), (change, op) => {
    mayWrite(change, op);
    withinPlan(change, op);
  });
  const locations = new EntityStore(db, writer, locationDef(db));
  const rooms = new EntityStore(db, writer, roomDef(db));
  studio = new StudioService(db, writer, locations, rooms);
  const staff = new EntityStore(db, writer, staffDef(db));
  const equipment = new EntityStore(db, writer, equipmentDef(db));
  const clients = new EntityStore(db, writer, clientDef());
  const bookings = new BookingService(db, writer, studio, now);
  const documents = new DocumentsService(db, writer, clock, bookings, now);
  const tables = syncedTables([locations.def, rooms.def, staff.def, equipment.def, clients.def]);
  const core: StudioCore = {
    db,
    clock,
    now,
    studio,
    locations,
    rooms,
    staff,
    equipment,
    clients,
    bookings,
    documents,
    search: new SearchService(db),
    outbox: new OutboxService(db),
    syncedTables: tables,
    adoptServerStudio: (s) => adoptServerStudio(db, clock, s),
    createSyncEngine: (transport, o = {}) => new SyncEngine({ ...o, db, clock, transport, tables, tenantId: () => studio!.tenantId() }),
    access,
    sync: null as unknown as SyncController,
    account: null as unknown as AccountLink,
    close: () => {
      core.sync.stop();
      db.close();
    },
  };
  // Both read the core they belong to, so they are attached once it exists.
  core.sync = new SyncController(core, { ...options.sync, ...(options.secrets ? { secrets: options.secrets } : {}) });
  core.account = new AccountLink(core, core.sync.sessions, () => core.sync.start());
  return core;
}
